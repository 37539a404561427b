package org.maho.datasync.service;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The beans the service's routes ({@code service-routes/}, or the home's {@code routes/service/}) call by name. */
public class ServiceBeans implements CamelConfiguration {

    /** What the service's schedules run; idle until 'datasync run' attaches its connections. */
    @BindToRegistry
    public SyncService syncService() {
        return new SyncService();
    }
}
