package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;

/**
 * What a run does when a database goes away under it: the destination's connection killed in the middle of a batch's
 * transaction, the destination's server stopped and started again within the retry window, and for longer; the source's
 * server likewise. The servers stopped are an embedded MariaDB this test starts for itself, never the machine's. Each
 * time the run completes, or stops with one clear line and the next run completes; either way the destination ends
 * equal to the source ({@code verify}).
 */
class LostServerTest {

    private static DatabaseServer own;
    private static TestShops shops;

    @BeforeAll
    static void servers() throws Exception {
        own = DatabaseServer.embedded(Path.of("target"));
        shops = new TestShops("lost").withCustomers(2000, 51).withCatalog(200, 52).withSales(1500, 53);
    }

    @AfterAll
    static void close() throws Exception {
        own.close();
        shops.close();
    }

    @AfterEach
    void settings() {
        System.clearProperty("datasync.retry.attempts");
        System.clearProperty("datasync.retry.delay-ms");
    }

    /** A destination shop on the given server. */
    private static ConnectionSettings destinationOn(DatabaseServer server, String purpose) throws SQLException {
        String name = TestServer.uniqueName(purpose);
        SampleShop.create(server, name, ShopSeeder.Layout.DESTINATION);
        return server.database(name);
    }

    /** A copy of the test's source shop on the given server. */
    private static ConnectionSettings sourceOn(DatabaseServer server) throws Exception {
        String name = TestServer.uniqueName("lost_source");
        server.createDatabase(name);
        ConnectionSettings copy = server.database(name);
        ProcessBuilder dump = new ProcessBuilder("bash", "-c", "mariadb-dump -h " + shops.source().host() + " -P "
                + shops.source().port() + " -u " + shops.source().user() + " --single-transaction " + shops.source().database()
                + " | mariadb -h " + copy.host() + " -P " + copy.port() + " -u " + copy.user() + " " + name);
        Process process = dump.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return copy;
    }

    private static CompletableFuture<CliTest.Result> syncAll(ConnectionSettings source, ConnectionSettings destination) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return CliTest.runAgainst(source, destination, "sync", "all", "live", "-a", "openmage");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the condition holds, asked every 10 ms; a database that does not answer is "not yet". */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static long countOr(ConnectionSettings shop, String sql, long otherwise) {
        try {
            return Checksums.single(shop, sql);
        } catch (Exception e) {
            return otherwise;
        }
    }

    private static void assertEqual(ConnectionSettings source, ConnectionSettings destination) throws Exception {
        CliTest.Result verify = CliTest.runAgainst(source, destination, "verify", "live");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
        assertEquals(Checksums.single(source, "SELECT COUNT(*) FROM sales_flat_order"),
                Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order"));
    }

    @Test
    void aBatchWhoseConnectionIsKilledInTheMiddleOfItsTransactionIsWrittenAgainWhole() throws Exception {
        ConnectionSettings destination = destinationOn(TestServer.get(), "lost_kill");
        CompletableFuture<CliTest.Result> run;
        try (Connection holder = TestServer.connect(destination)) {
            // the run's first customer batch commits; then the checkpoint table, written last in each batch's
            // transaction, is locked, so the next batch waits there with its rows written and not committed
            run = syncAll(shops.source(), destination);
            await("a committed customer batch", () -> countOr(destination, "SELECT COUNT(*) FROM customer_entity", 0) > 0);
            holder.createStatement().execute("LOCK TABLES datasync_checkpoint WRITE");
            long[] waiting = {0};
            await("a batch waiting inside its transaction", () -> {
                waiting[0] = countOr(destination, "SELECT IFNULL(MAX(ID), 0) FROM information_schema.PROCESSLIST WHERE DB = '"
                        + destination.database() + "' AND INFO LIKE 'INSERT INTO datasync_checkpoint%'", 0);
                return waiting[0] > 0;
            });
            long before = Checksums.single(destination, "SELECT COUNT(*) FROM customer_entity");
            holder.createStatement().execute("KILL CONNECTION " + waiting[0]);
            holder.createStatement().execute("UNLOCK TABLES");
            assertTrue(before > 0);
        }
        CliTest.Result result = run.get(5, TimeUnit.MINUTES);
        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\n\\w+: 1 batch write\\(s\\) retried after a lost connection.*"), result.out());
        assertEqual(shops.source(), destination);
        TestServer.get().dropDatabase(destination.database());
    }

    @Test
    void aDestinationServerBackWithinTheRetryWindowLetsTheRunCompleteAndOneGoneLongerStopsItCleanly() throws Exception {
        ConnectionSettings destination = destinationOn(own, "lost_dest");
        CompletableFuture<CliTest.Result> run = syncAll(shops.source(), destination);
        await("customers being written", () -> countOr(destination, "SELECT COUNT(*) FROM customer_entity", 0) > 0);
        own.stop();
        Thread.sleep(3000);
        own.start();
        CliTest.Result result = run.get(5, TimeUnit.MINUTES);
        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertEqual(shops.source(), destination);

        // gone for longer than the retries wait: the run stops with one line, and the next run completes
        ConnectionSettings second = destinationOn(own, "lost_dest_long");
        System.setProperty("datasync.retry.attempts", "2");
        System.setProperty("datasync.retry.delay-ms", "200");
        run = syncAll(shops.source(), second);
        await("orders being written", () -> countOr(second, "SELECT COUNT(*) FROM sales_flat_order", 0) > 0);
        own.stop();
        CliTest.Result stopped;
        try {
            stopped = run.get(5, TimeUnit.MINUTES);
        } finally {
            own.start();
        }
        assertEquals(ExitCode.FAILED, stopped.exit(), stopped.out() + stopped.err());
        // the server goes while a batch writes, or while the next one looks its records up: one line names it either way
        assertTrue(stopped.out().matches("(?s).*order FAILED: (Writing order records to|Looking up order records on) the destination"
                + " [^\\n]*:" + second.port() + "/" + second.database() + "[^\\n]*.*"), stopped.out());
        assertTrue(!stopped.out().contains("\tat "), "no stack trace: " + stopped.out());
        System.clearProperty("datasync.retry.attempts");
        System.clearProperty("datasync.retry.delay-ms");
        CliTest.Result again = CliTest.runAgainst(shops.source(), second, "sync", "all", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("Resuming the run of this command"), again.out());
        assertEqual(shops.source(), second);
    }

    @Test
    void aSourceServerBackWithinTheRetryWindowLetsTheRunCompleteAndOneGoneLongerStopsItCleanly() throws Exception {
        ConnectionSettings source = sourceOn(own);
        ConnectionSettings destination = destinationOn(TestServer.get(), "lost_src_dst");
        CompletableFuture<CliTest.Result> run = syncAll(source, destination);
        await("customers being written", () -> countOr(destination, "SELECT COUNT(*) FROM customer_entity", 0) > 0);
        own.stop();
        Thread.sleep(2000);
        own.start();
        CliTest.Result result = run.get(5, TimeUnit.MINUTES);
        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertEqual(source, destination);

        ConnectionSettings second = destinationOn(TestServer.get(), "lost_src_dst_long");
        System.setProperty("datasync.retry.attempts", "2");
        System.setProperty("datasync.retry.delay-ms", "200");
        run = syncAll(source, second);
        await("orders being written", () -> countOr(second, "SELECT COUNT(*) FROM sales_flat_order", 0) > 0);
        own.stop();
        CliTest.Result stopped;
        try {
            stopped = run.get(5, TimeUnit.MINUTES);
        } finally {
            own.start();
        }
        System.clearProperty("datasync.retry.attempts");
        System.clearProperty("datasync.retry.delay-ms");
        assertEquals(ExitCode.FAILED, stopped.exit(), stopped.out() + stopped.err());
        assertTrue(stopped.out().matches("(?s).*order FAILED: Reading sales_flat_order of the source database [^\\n]*:" + source.port()
                + "/" + source.database() + " after entity_id \\d+ failed[^\\n]*.*"), stopped.out());
        assertTrue(!stopped.out().contains("\tat "), "no stack trace: " + stopped.out());
        CliTest.Result again = CliTest.runAgainst(source, second, "sync", "all", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        assertEqual(source, second);
        for (ConnectionSettings shop : List.of(destination, second)) {
            TestServer.get().dropDatabase(shop.database());
        }
    }
}
