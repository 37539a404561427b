package org.maho.datasync.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.health.HealthCheckRegistry;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.CopyMode;

/**
 * {@code datasync run}: the application with its schedules (incremental sync every few minutes, optional full
 * syncs), and on one HTTP port the console (/), its API (/api), health checks (source and destination reachable,
 * tracker lag) at /observe/health and Prometheus metrics at /observe/metrics, all behind {@link ApiAccess}. Closing it
 * lets a run in flight finish its batch, then stops Camel.
 */
public final class DataSyncService implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("datasync.service");

    private final DataSync dataSync;
    private final SyncService service;

    private DataSyncService(DataSync dataSync, SyncService service) {
        this.dataSync = dataSync;
        this.service = service;
    }

    /**
     * @param credentials who may use the console and the API; with none, it listens on 127.0.0.1 only
     * @param overrides   settings that win over config/application.properties (a test's schedule and port)
     */
    public static DataSyncService start(Path home, ConnectionSettings source, ConnectionSettings destination, String sourceSystem,
                                        ApiCredentials credentials, Map<String, String> overrides) {
        return start(home, source, destination, sourceSystem, credentials, overrides, dataSync -> CopyMode.PLAIN);
    }

    /** @param copy how every run of the service copies ({@code --anonymize}, {@code --keep-ids}), once DataSync started */
    public static DataSyncService start(Path home, ConnectionSettings source, ConnectionSettings destination, String sourceSystem,
                                        ApiCredentials credentials, Map<String, String> overrides,
                                        java.util.function.Function<DataSync, CopyMode> copy) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("camel.server.enabled", "true");
        // the console's page, script and style, from the jar's META-INF/resources
        settings.put("camel.server.staticEnabled", "true");
        settings.put("camel.metrics.enabled", "true");
        // the route timers say what each route took; Camel's per-endpoint event timers would only repeat them
        settings.put("camel.metrics.enableExchangeEventNotifier", "false");
        if (!credentials.required()) {
            settings.put("camel.server.host", "127.0.0.1");
        } else if (!settings.containsKey("camel.server.host")) {
            settings.put("camel.server.host", "{{datasync.service.host}}");
        }
        DataSync dataSync = DataSync.start(home, routeSwitches(home, settings), "datasync.service.routes", new ServiceBeans());
        try {
            org.apache.camel.spi.Registry beans = dataSync.camelContext().getRegistry();
            SyncService service = beans.lookupByNameAndType("syncService", SyncService.class);
            beans.lookupByNameAndType("apiAccess", ApiAccess.class).configure(credentials);
            if (!credentials.required()) {
                LOG.warn("No DATASYNC_API_TOKEN and no DATASYNC_API_USER with DATASYNC_API_PASSWORD_HASH in .env.local: the"
                        + " console and the API listen on 127.0.0.1 only, and anyone on this machine may use them");
            }
            MeterRegistry meters = beans.findSingleByType(MeterRegistry.class);
            service.attach(new SyncService.Setup(dataSync, source, destination, sourceSystem, copy.apply(dataSync)),
                    new ServiceMetrics(meters != null ? meters : new SimpleMeterRegistry(), dataSync.database("source", source)));
            beans.lookupByNameAndType("alerts", Alerts.class).attach(dataSync.camelContext().createProducerTemplate(),
                    dataSync.settings().text("datasync.alerts.webhook-url"));
            Schedules schedules = new Schedules(dataSync.camelContext(), dataSync.database("destination", destination), service);
            schedules.restore();
            if (dataSync.settings().number("datasync.service.poll-millis") > 0) {
                beans.lookupByNameAndType("trackerSource", TrackerSource.class).attach(dataSync.database("source", source).dataSource());
                try {
                    dataSync.camelContext().getRouteController().startRoute("datasync-tracker-poll");
                } catch (Exception e) {
                    throw new IllegalStateException("The tracker poll could not start: " + ShopDatabase.rootMessage(e), e);
                }
            }
            beans.lookupByNameAndType("consoleApi", ConsoleApi.class).attach(schedules);
            HealthCheckRegistry health = HealthCheckRegistry.get(dataSync.camelContext());
            health.register(new ShopReachableCheck(service, "source", SyncService.Setup::source));
            health.register(new ShopReachableCheck(service, "destination", SyncService.Setup::destination));
            health.register(new TrackerLagCheck(service, dataSync.settings().number("datasync.service.max-lag-seconds")));
            return new DataSyncService(dataSync, service);
        } catch (RuntimeException e) {
            dataSync.close();
            throw e;
        }
    }

    /**
     * The routes that start only when configured: the full-sync schedule when datasync.schedule.full.entities names
     * some, the inbox when datasync.inbox.dir is set (made absolute under the home).
     */
    private static Map<String, String> routeSwitches(Path home, Map<String, String> settings) {
        settings.put("datasync.service.full-sync", String.valueOf(!setting(home, settings, "datasync.schedule.full.entities").isBlank()));
        String inbox = setting(home, settings, "datasync.inbox.dir").trim();
        settings.put("datasync.service.inbox", String.valueOf(!inbox.isEmpty()));
        // a route that never starts is made all the same: its directory must be a path
        settings.put("datasync.inbox.dir", home.resolve(inbox.isEmpty() ? "var/inbox" : inbox).toAbsolutePath().normalize().toString());
        return settings;
    }

    /** A setting as Camel will see it: an override, else a system property, else config/application.properties. */
    private static String setting(Path home, Map<String, String> overrides, String key) {
        if (overrides.containsKey(key)) {
            return overrides.get(key);
        }
        if (System.getProperty(key) != null) {
            return System.getProperty(key);
        }
        try (java.io.Reader reader = java.nio.file.Files.newBufferedReader(home.resolve("config/application.properties"))) {
            java.util.Properties file = new java.util.Properties();
            file.load(reader);
            return file.getProperty(key, "");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    public DataSync dataSync() {
        return dataSync;
    }

    /** How every run of the service copies, as it was started. */
    public CopyMode copyMode() {
        return service.setup().copy();
    }

    /** The run in flight ends after its batch; the schedules stop first, so that none fires into a stopping context. */
    @Override
    public void close() {
        service.stop();
        try {
            // no trigger fires from now on; the run in flight goes on to the end of its batch
            dataSync.camelContext().getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class).getScheduler().standby();
        } catch (Exception e) {
            // stopping the routes below stops the schedules too
        }
        for (String route : new String[] {"datasync-tracker-poll", "datasync-inbox", "datasync-lag-watch",
                "datasync-incremental-schedule", "datasync-full-sync-schedule"}) {
            try {
                dataSync.camelContext().getRouteController().stopRoute(route);
            } catch (Exception e) {
                // stopping Camel below stops it anyway
            }
        }
        dataSync.close();
    }
}
