package org.maho.datasync.service;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The beans the service's routes ({@code service-routes/}, or the home's {@code routes/service/}) call by name. */
public class ServiceBeans implements CamelConfiguration {

    private final Alerts alerts = new Alerts();
    private final SyncService syncService = new SyncService(alerts);

    /** What the service's schedules and the console's actions run; idle until 'datasync run' attaches its connections. */
    @BindToRegistry
    public SyncService syncService() {
        return syncService;
    }

    /** Who asks: every API route calls it first. */
    @BindToRegistry
    public ApiAccess apiAccess() {
        return new ApiAccess();
    }

    @BindToRegistry
    public ConsoleApi consoleApi() {
        return new ConsoleApi(syncService, alerts);
    }

    /** The tracker poll's connections to the source (routes/service/tracker-poll.camel.yaml). */
    @BindToRegistry
    public TrackerSource trackerSource() {
        return new TrackerSource();
    }

    @BindToRegistry
    public Inbox inbox() {
        return new Inbox(syncService);
    }

    @BindToRegistry
    public Alerts alerts() {
        return alerts;
    }

    @BindToRegistry
    public Observation observation() {
        return new Observation();
    }
}
