package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/**
 * {@code incremental --mark-synced} killed with SIGKILL while it writes a few thousand changes (updates, new
 * customers, deletions), then run again: nothing left pending, nothing written twice, and the destination equal to
 * the source ({@code verify}).
 */
class KilledIncrementalTest {

    private static TestShops shops;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        shops = new TestShops("killedincr").withCustomers(1200, 61).withCatalog(200, 62).withSales(2500, 63);
        CliTest.Result sync = CliTest.runAgainst(shops.source(), shops.destination(), "sync", "all", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, sync.exit(), sync.out());
        CliTest.Result tracker = CliTest.runAgainst(shops.source(), shops.destination(), "tracker", "install");
        assertEquals(ExitCode.OK, tracker.exit(), tracker.out() + tracker.err());
    }

    @AfterAll
    static void close() throws Exception {
        shops.close();
    }

    private static long pending() throws Exception {
        return Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0");
    }

    private static Process incremental(Path log) throws Exception {
        ConnectionSettings source = shops.source();
        Path env = CliTest.envFile(shops.destination(), source);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Ddatasync.home=" + Path.of("").toAbsolutePath(), "-Ddatasync.env-file=" + env,
                "-cp", System.getProperty("java.class.path"), "org.maho.datasync.cli.DataSyncCommand",
                "incremental", "live", "--mark-synced", "--batch-size", "50"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void anIncrementalRunKilledWhileItWritesAndRunAgainLeavesNothingPendingAndTheDestinationEqual() throws Exception {
        ConnectionSettings source = shops.source();
        TestShops.execute(source,
                "UPDATE sales_flat_order SET status = 'complete', updated_at = updated_at + INTERVAL 1 SECOND",
                "UPDATE customer_entity SET updated_at = updated_at + INTERVAL 1 SECOND",
                "UPDATE customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                        + " AND a.attribute_code = 'firstname' SET v.value = CONCAT(v.value, ' Jr') WHERE v.entity_id % 3 = 0",
                "DELETE FROM customer_entity WHERE entity_id % 97 = 0 AND entity_id NOT IN"
                        + " (SELECT customer_id FROM sales_flat_order WHERE customer_id IS NOT NULL)",
                "UPDATE cataloginventory_stock_item SET qty = qty + 3 WHERE product_id % 2 = 0");
        long deleted = Checksums.single(source, "SELECT COUNT(*) FROM datasync_change_tracker WHERE entity_type = 'customer'"
                + " AND action = 'delete'");
        assertTrue(deleted > 0);
        long changes = pending();
        assertTrue(changes > 3000, changes + " changes");

        Path log = Files.createTempFile("killed-incremental", ".log");
        try {
            Process run = incremental(log);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            boolean killed = false;
            while (run.isAlive() && System.nanoTime() < deadline) {
                long left = pending();
                if (left < changes - 200 && left > 200) {
                    run.destroyForcibly();
                    run.waitFor();
                    killed = true;
                    break;
                }
                Thread.sleep(10);
            }
            assertTrue(killed, () -> "the run ended before it was killed:\n" + read(log));
            long left = pending();
            assertTrue(left > 0, "killed with changes still pending");

            Process again = incremental(log);
            assertEquals(ExitCode.OK, again.waitFor(), () -> read(log));
            assertEquals(0, pending(), () -> read(log));
            assertEquals(0, Checksums.single(source, "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 2"),
                    "nothing parked");
            CliTest.Result verify = CliTest.runAgainst(source, shops.destination(), "verify", "live");
            assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
            // customers deleted on the source are retired on the destination (datasync.delete.soft-types), not removed
            for (String count : List.of("SELECT COUNT(*) FROM customer_entity WHERE is_active = 1",
                    "SELECT COUNT(*) FROM customer_address_entity a JOIN customer_entity c ON c.entity_id = a.parent_id"
                            + " WHERE c.is_active = 1",
                    "SELECT COUNT(*) FROM sales_flat_order", "SELECT COUNT(*) FROM sales_flat_order_item",
                    "SELECT COUNT(*) FROM sales_flat_order_address", "SELECT COUNT(*) FROM sales_flat_order_status_history",
                    "SELECT COUNT(*) FROM sales_flat_order_grid")) {
                assertEquals(Checksums.single(source, count), Checksums.single(shops.destination(), count),
                        count + ": nothing twice, nothing lost");
            }
            assertEquals(Checksums.single(source, "SELECT COUNT(*) FROM customer_entity"),
                    Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity") - deleted);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
