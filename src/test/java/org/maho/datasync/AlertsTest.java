package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;

/**
 * Alerts reach a webhook (a local HTTP server that refuses the first post, as a webhook that is down for a moment
 * does): a change parked after failing, and the tracker's lag above its threshold; the console's status lists them.
 */
class AlertsTest {

    private static TestShops shops;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        shops = new TestShops("alerts").withCustomers(8, 3).syncedWithTracker("customergroup", "customer");
    }

    @AfterAll
    static void dropShops() throws Exception {
        shops.close();
    }

    @Test
    void aParkedChangeAndALagArePostedAndRetriedAndShownInTheConsole() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger posts = new AtomicInteger();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the first post finds the webhook down: the alert must come again
            int status = posts.incrementAndGet() == 1 ? 503 : 200;
            if (status == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
        int port = ServiceApi.freePort();
        try (DataSyncService ignored = DataSyncService.start(Path.of(""), shops.source(), shops.destination(), "live",
                new ApiCredentials("alert-token", null, null), Map.of("camel.server.port", String.valueOf(port),
                        "datasync.alerts.webhook-url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                        "datasync.incremental.max-attempts", "1", "datasync.alerts.lag-seconds", "60",
                        "datasync.schedule.incremental", "0 0 0 1 1 ? 2099"))) {
            TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'not-an-email' WHERE entity_id = 2");
            await(() -> received.stream().anyMatch(body -> body.contains("\"change-parked\"")), "the parked change's alert");
            String parked = received.stream().filter(body -> body.contains("\"change-parked\"")).findFirst().orElseThrow();
            assertTrue(parked.contains("\"entityType\":\"customer\"") && parked.contains("\"count\":1"), parked);
            assertTrue(posts.get() >= 2, "posted again after the webhook's 503");

            // a change pending for an hour, with the incremental schedule (and so the poll) paused: the lag watch (every
            // 30 s, the first after 5 s) says so
            assertEquals(200, new ServiceApi(port).token("alert-token").post("/api/schedules/incremental/pause").status());
            TestShops.execute(shops.source(), "UPDATE datasync_change_tracker SET sync_completed = 0, attempts = 0,"
                    + " created_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE entity_id = 2");
            await(() -> received.stream().anyMatch(body -> body.contains("\"lag\"")), "the lag's alert");

            String status = new ServiceApi(port).token("alert-token").get("/api/status").body();
            assertTrue(status.contains("\"kind\":\"change-parked\"") && status.contains("\"kind\":\"lag\""), status);
        } finally {
            webhook.stop(0);
            TestShops.execute(shops.destination(), "DELETE FROM datasync_schedule");
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what + " within 45 s");
    }
}
