package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;

/**
 * {@code sync all} killed with SIGKILL (kill -9: no shutdown hook, no rollback but the server's) while it writes
 * products, customers, orders and invoices, each kill on the run started after the one before was killed; then one
 * more run. The destination ends equal to the source ({@code verify}), and every table holds as many rows as after an
 * uninterrupted sync: nothing lost, nothing twice.
 */
class KilledRunTest {

    private static final List<String> TABLES = List.of("catalog_product_entity", "catalog_product_entity_varchar",
            "catalog_product_entity_decimal", "cataloginventory_stock_item", "catalog_category_product", "customer_entity",
            "customer_entity_varchar", "customer_address_entity", "customer_address_entity_varchar", "sales_flat_order",
            "sales_flat_order_item", "sales_flat_order_address", "sales_flat_order_payment", "sales_flat_order_status_history",
            "sales_flat_order_grid", "sales_flat_invoice", "sales_flat_invoice_item", "sales_flat_shipment",
            "sales_flat_shipment_item", "sales_flat_creditmemo", "newsletter_subscriber", "datasync_entity_registry");

    private static TestShops shops;
    private static ConnectionSettings uninterrupted;

    @BeforeAll
    static void shops() throws Exception {
        shops = new TestShops("killed9").withCustomers(1500, 31).withCatalog(400, 32).withSales(3000, 33);
        String name = TestServer.uniqueName("killed9_ref");
        SampleShop.create(TestServer.get(), name, ShopSeeder.Layout.DESTINATION);
        uninterrupted = TestServer.get().database(name);
    }

    @AfterAll
    static void close() throws Exception {
        TestServer.get().dropDatabase(uninterrupted.database());
        shops.close();
    }

    /** {@code sync all} in a JVM of its own, as bin/datasync runs it, against the given destination. */
    private static Process syncAll(ConnectionSettings destination, Path log) throws Exception {
        ConnectionSettings source = shops.source();
        Path env = CliTest.envFile(destination, source);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Ddatasync.home=" + Path.of("").toAbsolutePath(), "-Ddatasync.env-file=" + env,
                "-cp", System.getProperty("java.class.path"),
                "org.maho.datasync.cli.DataSyncCommand", "sync", "all", "live", "-a", "openmage", "--db-host", source.host(),
                "--db-port", String.valueOf(source.port()), "--db-name", source.database(), "--db-user", source.user()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts a sync all and kills it with SIGKILL once {@code table} has some rows of this run and not all. */
    private static void killWhileWriting(String table, long total, Path log) throws Exception {
        long before = Checksums.single(shops.destination(), "SELECT COUNT(*) FROM " + table);
        Process run = syncAll(shops.destination(), log);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (run.isAlive() && System.nanoTime() < deadline) {
            long now = Checksums.single(shops.destination(), "SELECT COUNT(*) FROM " + table);
            if (now > before && now < total) {
                run.destroyForcibly();
                run.waitFor();
                return;
            }
            Thread.sleep(10);
        }
        run.destroyForcibly();
        throw new AssertionError("the run ended before it was killed while writing " + table + ":\n" + Files.readString(log));
    }

    private static Map<String, Long> counts(ConnectionSettings shop) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Checksums.single(shop, "SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    @Test
    void aSyncAllKilledAtAnyPointAndRunAgainEndsEqualWithNothingTwice() throws Exception {
        Path log = Files.createTempFile("killed-run", ".log");
        try {
            ConnectionSettings source = shops.source();
            killWhileWriting("catalog_product_entity", Checksums.single(source, "SELECT COUNT(*) FROM catalog_product_entity"), log);
            killWhileWriting("customer_entity", Checksums.single(source, "SELECT COUNT(*) FROM customer_entity"), log);
            killWhileWriting("sales_flat_order", Checksums.single(source, "SELECT COUNT(*) FROM sales_flat_order"), log);
            killWhileWriting("sales_flat_invoice", Checksums.single(source, "SELECT COUNT(*) FROM sales_flat_invoice"), log);

            Process last = syncAll(shops.destination(), log);
            assertEquals(ExitCode.OK, last.waitFor(), () -> read(log));
            // the last run went on where the one killed during invoices was: what that one finished is not read again
            String resumed = read(log);
            assertTrue(resumed.contains("Resuming the run of this command interrupted at"), resumed);
            assertEquals(0, readCount(resumed, "order"), resumed);
            assertTrue(resumed.matches("(?s).*Resuming the run[^\n]*: [^\n]*customer, (?:[a-z]+, )*order done; invoice goes on after source id \\d+.*"),
                    resumed);
            long invoices = Checksums.single(source, "SELECT COUNT(*) FROM sales_flat_invoice");
            assertTrue(readCount(resumed, "invoice") < invoices, resumed);
            assertTrue(readCount(resumed, "shipment") > 0, resumed);
            assertEquals(0, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_checkpoint"),
                    "a completed command leaves no checkpoint");
            assertEquals("interrupted,interrupted,interrupted,interrupted,completed", Checksums.text(shops.destination(),
                    "SELECT GROUP_CONCAT(outcome ORDER BY run_id) FROM datasync_run"), "the run history shows the killed runs");
            Process reference = syncAll(uninterrupted, log);
            assertEquals(ExitCode.OK, reference.waitFor(), () -> read(log));

            assertEquals(counts(uninterrupted), counts(shops.destination()), "as many rows as an uninterrupted sync writes");
            CliTest.Result verify = CliTest.runAgainst(source, shops.destination(), "verify", "live");
            assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
            assertTrue(verify.out().contains("order"), verify.out());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The records the report's table says the run read of an entity type. */
    static long readCount(String report, String entityType) {
        for (String line : report.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length > 2 && columns[0].equals(entityType) && columns[1].matches("\\d+")) {
                return Long.parseLong(columns[1]);
            }
        }
        throw new AssertionError("no " + entityType + " line in the report:\n" + report);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
