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
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;
import org.maho.datasync.service.PasswordHash;

/**
 * The service's API as a script and the console use it: nothing without credentials, a session's changes only with its
 * CSRF token, and each action's effect where the user would look for it, in the databases.
 */
class ServiceApiTest {

    private static final String TOKEN = "a-token-for-the-test";
    private static final ApiCredentials CREDENTIALS = new ApiCredentials(TOKEN, "admin",
            PasswordHash.of("correct horse".toCharArray()));
    private static TestShops shops;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        shops = new TestShops("api").withCustomers(10, 5).syncedWithTracker("customergroup", "customer");
    }

    @AfterAll
    static void dropShops() throws Exception {
        shops.close();
    }

    private static DataSyncService service(int port, ApiCredentials credentials) {
        // a schedule that does not fire during the test and no poll: the API's own actions are what runs
        return DataSyncService.start(Path.of(""), shops.source(), shops.destination(), "live", credentials,
                Map.of("datasync.schedule.incremental", "0 0 0 1 1 ? 2099", "datasync.service.poll-millis", "0",
                        "camel.server.port", String.valueOf(port)));
    }

    @Test
    void nothingIsShownOrDoneWithoutCredentials() throws Exception {
        int port = ServiceApi.freePort();
        try (DataSyncService ignored = service(port, CREDENTIALS)) {
            ServiceApi anonymous = new ServiceApi(port);
            for (String path : List.of("/api/status", "/api/runs", "/api/parked", "/api/schedules", "/api/dead-letters",
                    "/observe/health", "/observe/metrics", "/api/session")) {
                ServiceApi.Reply reply = anonymous.get(path);
                assertEquals(401, reply.status(), path + ": " + reply.body());
                assertFalse(reply.body().contains(shops.source().database()), "no database named to a stranger: " + reply.body());
            }
            assertEquals(401, anonymous.post("/api/run/incremental").status());
            assertEquals(401, new ServiceApi(port).token("wrong").get("/api/status").status());
            assertEquals(401, anonymous.login(Map.of("user", "admin", "password", "wrong")).status());
            assertEquals(401, anonymous.login(Map.of("token", "wrong")).status());

            // the console's page itself holds no data and is served to anyone, to show its login
            assertEquals(200, anonymous.get("/").status());
            assertTrue(anonymous.get("/").body().contains("Maho DataSync"));
        }
    }

    @Test
    void aSessionChangesThingsOnlyWithItsCsrfTokenAndEachActionDoesWhatItSays() throws Exception {
        int port = ServiceApi.freePort();
        try (DataSyncService ignored = service(port, CREDENTIALS)) {
            ServiceApi console = new ServiceApi(port);
            assertEquals(200, console.login(Map.of("user", "admin", "password", "correct horse")).status());

            ServiceApi.Reply statusReply = console.get("/api/status");
            assertEquals(200, statusReply.status(), statusReply.body());
            Map<String, Object> status = statusReply.json();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> types = (List<Map<String, Object>>) status.get("types");
            assertEquals(EntityHandlers.IN_DEPENDENCY_ORDER, types.stream().map(type -> type.get("type")).toList(),
                    "every entity type, in dependency order");

            TestShops.execute(shops.source(), "INSERT INTO datasync_change_tracker (entity_type, entity_id, action, created_at,"
                    + " sync_completed, attempts, last_error) VALUES ('customer', 3, 'update', UTC_TIMESTAMP(), 2, 5, 'the test parked it'),"
                    + " ('customer', 4, 'update', UTC_TIMESTAMP(), 2, 5, 'parked too')");
            long three = Checksums.single(shops.source(), "SELECT tracker_id FROM datasync_change_tracker WHERE entity_id = 3");
            long four = Checksums.single(shops.source(), "SELECT tracker_id FROM datasync_change_tracker WHERE entity_id = 4");
            assertTrue(console.get("/api/parked").body().contains("the test parked it"));

            console.forgetCsrf();
            ServiceApi.Reply forged = console.post("/api/parked/" + three + "/retry");
            assertEquals(403, forged.status(), "a POST with the session's cookie alone is what a forged page sends: " + forged.body());
            assertEquals(2, Checksums.single(shops.source(), "SELECT sync_completed FROM datasync_change_tracker WHERE tracker_id = " + three));

            console.login(Map.of("user", "admin", "password", "correct horse"));
            assertEquals(200, console.post("/api/parked/" + three + "/retry").status());
            assertEquals("0|0", Checksums.text(shops.source(), "SELECT CONCAT(sync_completed, '|', attempts) FROM"
                    + " datasync_change_tracker WHERE tracker_id = " + three), "pending again, with a new round of attempts");
            assertEquals(200, console.post("/api/parked/" + four + "/dismiss").status());
            assertEquals(0, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE tracker_id = " + four));
            assertEquals(404, console.post("/api/parked/" + four + "/dismiss").status(), "dismissed already");

            // run incremental now: the retried change is synced and acknowledged by a run the history says the console asked for
            assertEquals(202, console.post("/api/run/incremental").status());
            awaitRun("incremental live", "console");
            assertEquals(0, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed <> 1"));

            assertEquals(400, console.post("/api/run/sync", "{\"entities\": [\"customer\", \"nonsense\"]}").status());
            assertEquals(202, console.post("/api/run/sync", "{\"entities\": [\"customergroup\"]}").status());
            awaitRun("sync customergroup live", "console");
            Map<String, Object> runs = console.get("/api/runs?limit=1").json();
            assertEquals(Boolean.TRUE, runs.get("more"), "two runs, one per page: " + runs);

            // a wake from the shop's module: a token, no body, no CSRF token (a header no page can send)
            ServiceApi script = new ServiceApi(port).token(TOKEN);
            TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'woken@example.com' WHERE entity_id = 5");
            assertEquals(202, script.post("/api/wake").status());
            awaitRun("incremental live", "webhook");
            assertEquals(1, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity WHERE email = 'woken@example.com'"));

            assertEquals(200, console.post("/api/schedules/incremental/pause").status());
            assertEquals("false", String.valueOf(script.post("/api/wake").json().get("accepted")), "a paused schedule takes no wake");
            assertEquals(400, console.post("/api/schedules/incremental/cron", "{\"cron\": \"every minute\"}").status());
            assertEquals(200, console.post("/api/schedules/incremental/cron", "{\"cron\": \"0 0 1 1 1 ? 2098\"}").status());
            assertEquals(404, console.post("/api/schedules/nonsense/pause").status());
            assertEquals("0 0 1 1 1 ? 2098|1|admin", Checksums.text(shops.destination(),
                    "SELECT CONCAT_WS('|', cron, paused, updated_by) FROM datasync_schedule WHERE name = 'incremental'"));


            assertEquals(200, script.get("/observe/health").status());
            assertTrue(script.get("/observe/metrics").body().contains("datasync_tracker_pending"));
        }
        // the schedule stays as the console left it when the service starts again
        try (DataSyncService ignored = service(port, CREDENTIALS)) {
            String schedules = new ServiceApi(port).token(TOKEN).get("/api/schedules").body();
            assertTrue(schedules.contains("\"cron\":\"0 0 1 1 1 ? 2098\"") && schedules.contains("\"paused\":true"), schedules);
            ServiceApi.Reply resumed = new ServiceApi(port).token(TOKEN).post("/api/schedules/incremental/resume");
            assertTrue(resumed.body().contains("\"paused\":false"), resumed.body());
        } finally {
            TestShops.execute(shops.destination(), "DELETE FROM datasync_schedule");
        }
    }

    @Test
    void withoutCredentialsItAnswersLocallyAndStillWantsTheCsrfToken() throws Exception {
        int port = ServiceApi.freePort();
        try (DataSyncService ignored = service(port, ApiCredentials.none())) {
            ServiceApi local = new ServiceApi(port);
            ServiceApi.Reply localStatus = local.get("/api/status");
            assertEquals(200, localStatus.status(), localStatus.body());
            assertEquals(403, local.post("/api/run/incremental").status(), "a change from a page needs the session's token");
            assertEquals(200, local.session().status());
            assertEquals(202, local.post("/api/run/incremental").status());
            try (java.net.Socket outside = new java.net.Socket()) {
                // listening on 127.0.0.1 only: this host's other addresses do not answer
                java.net.InetAddress other = java.util.Arrays.stream(java.net.InetAddress.getAllByName(java.net.InetAddress.getLocalHost()
                        .getHostName())).filter(address -> !address.isLoopbackAddress()).findFirst().orElse(null);
                if (other != null) {
                    assertFalse(connects(outside, other, port), "the service answered on " + other);
                }
            }
        }
    }

    private static boolean connects(java.net.Socket socket, java.net.InetAddress address, int port) {
        try {
            socket.connect(new java.net.InetSocketAddress(address, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void awaitRun(String command, String cause) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String outcome = "";
        while (System.nanoTime() < deadline) {
            try {
                outcome = Checksums.text(shops.destination(), "SELECT COALESCE(MAX(CONCAT(outcome, '|', cause)), '') FROM datasync_run"
                        + " WHERE command = '" + command + "' AND cause = '" + cause + "' AND outcome <> 'running'");
            } catch (java.sql.SQLSyntaxErrorException e) {
                // the history's table comes with the first run
            }
            if (!outcome.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("completed|" + cause, outcome, command + " asked for by the " + cause);
    }
}
