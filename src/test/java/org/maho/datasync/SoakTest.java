package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.service.DataSyncService;

/**
 * Two services against one destination, each running incremental every second, while plain SQL keeps changing the
 * source for two minutes ({@code -Ddatasync.test.soak-seconds}): customers, products and orders inserted, updated and
 * deleted, stock changed, each in a transaction of its own as the shop's code writes them. Then the writes stop, one more
 * run, and {@code verify} finds the destination equal to the source, nothing pending and nothing parked: the run lock let
 * one service run at a time and neither lost a change. The shop's writes that met a deadlock with an acknowledgement
 * are retried and counted.
 */
class SoakTest {

    private static final Duration SOAK = Duration.ofSeconds(Long.getLong("datasync.test.soak-seconds", 120));

    private static TestShops shops;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        shops = new TestShops("soak").withCustomers(400, 71).withCatalog(120, 72).withSales(400, 73);
        CliTest.Result sync = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "all", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, sync.exit(), sync.out());
        CliTest.Result tracker = CliTest.runAgainst(shops.source(), shops.destination(), "tracker", "install");
        assertEquals(ExitCode.OK, tracker.exit(), tracker.out() + tracker.err());
    }

    @AfterAll
    static void close() throws Exception {
        shops.close();
    }

    private static DataSyncService service() throws Exception {
        int port = ServiceApi.freePort();
        return DataSyncService.start(Path.of(""), shops.source(), shops.destination(), "live", org.maho.datasync.service.ApiCredentials.none(),
                Map.of("datasync.schedule.incremental", "* * * * * ?", "camel.server.port", String.valueOf(port)));
    }

    private static long pending() throws Exception {
        return Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0");
    }

    @Test
    void twoServicesKeepTheDestinationEqualWhileTheSourceChangesForTwoMinutes() throws Exception {
        SourceWriter writer = new SourceWriter(new Random(74));
        try (DataSyncService first = service(); DataSyncService second = service()) {
            long end = System.nanoTime() + SOAK.toNanos();
            try (Connection connection = TestServer.connect(shops.source())) {
                while (System.nanoTime() < end) {
                    writer.change(connection);
                    Thread.sleep(15);
                }
            }
            // the writes stopped: one more run (of either service) takes what is left
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(0, pending(), "every change acknowledged");
            // a run may have read the last changes and still be writing: the next run of either finds nothing
            Thread.sleep(2500);
        }
        System.out.println("SoakTest: " + writer.summary());
        assertTrue(writer.changes() > SOAK.toSeconds() * 8, "some 40 changes a second: " + writer.summary());
        // deadlocks of the shop's writes with the acknowledgements are rarer since they share the triggers' index (3 in
        // some 5,500 writes before, 0 or 1 since) but not gone: counted in the summary, retried as shop code does
        assertTrue(writer.deadlocks() <= 5, writer.summary());
        assertEquals(0, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 2"),
                "nothing parked");
        CliTest.Result verify = CliTest.runAgainst(shops.source(), shops.destination(), "verify", "live");
        assertEquals(ExitCode.OK, verify.exit(), writer.summary() + "\n" + verify.out() + verify.err());
    }
}
