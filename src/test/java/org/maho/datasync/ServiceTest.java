package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;

/** datasync run: the tracker poll syncs a source change within 2 s, even after idling; health and metrics answer over HTTP. */
class ServiceTest {

    private static TestShops shops;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        shops = new TestShops("service").withCustomers(20, 11).syncedWithTracker("customergroup", "customer");
    }

    @AfterAll
    static void dropShops() throws Exception {
        shops.close();
    }

    @Test
    void theServiceSyncsAChangeWithinTwoSecondsAndReportsHealthAndMetrics() throws Exception {
        int port = ServiceApi.freePort();
        try (DataSyncService service = DataSyncService.start(Path.of(""), shops.source(), shops.destination(), "live",
                new ApiCredentials("test-token", null, null), Map.of("datasync.schedule.incremental", "0 0 0 1 1 ? 2099", "camel.server.port", String.valueOf(port)))) {
            // the schedule does not fire during the test: the tracker poll (every 250 ms) is what syncs
            Thread.sleep(3000);
            TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'moved.in@example.com' WHERE entity_id = 1");
            long changed = System.nanoTime();
            long deadline = changed + Duration.ofSeconds(2).toNanos();
            long found = 0;
            while (found == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                found = Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity WHERE email = 'moved.in@example.com'");
            }
            assertEquals(1, found, "the change reached the destination within 2 s, after the service had been idle for 3 s");
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // the run acknowledges, then writes its line in the history, after the destination committed
            String line = "";
            while (line.isEmpty() && System.nanoTime() < deadline) {
                line = Checksums.text(shops.destination(), "SELECT COALESCE(MAX(CONCAT_WS('|', r.command, r.cause, r.outcome,"
                        + " e.updated)), '') FROM datasync_run r JOIN datasync_run_entity e USING (run_id) WHERE e.entity_type = 'customer'");
                Thread.sleep(100);
            }
            assertEquals("incremental live|schedule|completed|1", line, "the scheduled run's line in the history");
            assertEquals(0, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0"));

            ServiceApi monitor = new ServiceApi(port).token("test-token");
            ServiceApi.Reply health = monitor.get("/observe/health");
            assertEquals(200, health.status(), health.body());
            for (String check : List.of("datasync-source", "datasync-destination", "datasync-tracker-lag")) {
                assertTrue(health.body().contains(check), check + " in " + health.body());
            }
            assertTrue(health.body().contains("\"UP\""), health.body());

            ServiceApi.Reply metrics = monitor.get("/observe/metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.body().contains("datasync_records_total{entity=\"customer\",outcome=\"updated\"}"), metrics.body());
            assertTrue(metrics.body().contains("datasync_tracker_pending{entity=\"customer\"}"), metrics.body());
            assertTrue(metrics.body().contains("datasync_tracker_lag_seconds"), metrics.body());
            assertTrue(metrics.body().contains("datasync_change_latency_seconds_bucket{le=\"1.0\"}"), "the latency histogram: " + metrics.body());
            assertTrue(metrics.body().contains("datasync-sync-batch"), "Camel's own route timers give the batch latency");
        }
    }
}
