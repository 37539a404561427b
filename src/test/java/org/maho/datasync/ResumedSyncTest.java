package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/**
 * A sync stopped part-way (here by a record with bad data, which stops a run without --skip-invalid; KilledRunTest
 * kills one) and run again once the data is fixed goes on after its last committed batch: the records before it are
 * not read again, the destination ends equal to the source, and a completed command leaves no checkpoint. The same
 * command with --restart, or with another option, reads everything.
 */
class ResumedSyncTest {

    private static TestShops shops;

    @BeforeAll
    static void shops() throws Exception {
        shops = new TestShops("resumed").withCustomers(1500, 41).withCatalog(300, 42);
    }

    @AfterAll
    static void close() throws Exception {
        shops.close();
    }

    /** {@code sync <entity> live -a openmage <options>} against the test's shops. */
    private static CliTest.Result sync(String entity, String... options) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("sync", entity, "live", "-a", "openmage"));
        command.addAll(java.util.List.of(options));
        return CliTest.runAgainst(shops.source(), shops.destination(), command.toArray(String[]::new));
    }

    /** The source id of the n-th row (from 1) of a table by id. */
    private static long nthId(String table, String id, int n) throws Exception {
        return Checksums.single(shops.source(), "SELECT " + id + " FROM " + table + " ORDER BY " + id + " LIMIT " + (n - 1) + ", 1");
    }

    private static long checkpoints() throws Exception {
        return Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_checkpoint");
    }

    @Test
    void aStoppedCustomerSyncGoesOnAfterItsLastCommittedBatchAndRestartReadsEverything() throws Exception {
        long broken = nthId("customer_entity", "entity_id", 650);
        String email = Checksums.text(shops.source(), "SELECT email FROM customer_entity WHERE entity_id = " + broken);
        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'not-an-email' WHERE entity_id = " + broken);

        CliTest.Result stopped = sync("customer", "--batch-size", "100");
        assertEquals(ExitCode.FAILED, stopped.exit(), stopped.out());
        assertEquals(600, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity"),
                "six batches of 100 committed before the one with the bad record");

        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = '" + email + "' WHERE entity_id = " + broken);
        CliTest.Result resumed = sync("customer", "--batch-size", "100");
        assertEquals(ExitCode.OK, resumed.exit(), resumed.out() + resumed.err());
        assertEquals(900, KilledRunTest.readCount(resumed.out(), "customer"), resumed.out());
        assertTrue(resumed.out().contains("Resuming the run of this command interrupted at"), resumed.out());
        assertTrue(resumed.out().contains("customer: resumed after source id " + nthId("customer_entity", "entity_id", 600)),
                resumed.out());
        assertEquals(0, checkpoints(), "a completed command leaves no checkpoint");
        CliTest.Result verify = CliTest.runAgainst(shops.source(), shops.destination(), "verify", "live", "-e", "customer");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());

        // stopped again; another batch size is the same command, --restart reads everything
        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'not-an-email' WHERE entity_id = " + broken);
        assertEquals(ExitCode.FAILED, sync("customer", "--batch-size", "100").exit());
        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = '" + email + "' WHERE entity_id = " + broken);
        CliTest.Result restarted = sync("customer", "--batch-size", "250", "--restart");
        assertEquals(ExitCode.OK, restarted.exit(), restarted.out() + restarted.err());
        assertTrue(restarted.out().contains("--restart: the checkpoints of the run interrupted at"), restarted.out());
        assertEquals(1500, KilledRunTest.readCount(restarted.out(), "customer"), restarted.out());
        assertEquals(0, checkpoints());
    }

    @Test
    void aProductSyncStoppedInItsSecondReadingPassGoesOnThereAndAnotherOptionStartsOver() throws Exception {
        long composites = Checksums.single(shops.source(),
                "SELECT COUNT(*) FROM catalog_product_entity WHERE type_id IN ('configurable', 'grouped', 'bundle')");
        long total = Checksums.single(shops.source(), "SELECT COUNT(*) FROM catalog_product_entity");
        assertTrue(composites >= 20, "the generated catalog has composite products: " + composites);
        long broken = Checksums.single(shops.source(), "SELECT entity_id FROM catalog_product_entity WHERE type_id IN"
                + " ('configurable', 'grouped', 'bundle') ORDER BY entity_id LIMIT " + (composites - 5) + ", 1");
        String sku = Checksums.text(shops.source(), "SELECT sku FROM catalog_product_entity WHERE entity_id = " + broken);
        // a product linked to a later one (an up-sell) is linked again at the end of the run, so a resumed run reads from
        // the first such product: without them the checkpoint reaches the second reading pass
        TestShops.execute(shops.source(), "DELETE FROM catalog_product_link WHERE link_type_id IN (SELECT link_type_id"
                + " FROM catalog_product_link_type WHERE code IN ('relation', 'up_sell', 'cross_sell'))");
        for (String before : java.util.List.of("taxclass", "productattribute", "attributeset", "category")) {
            assertEquals(ExitCode.OK, sync(before).exit(), before);
        }
        TestShops.execute(shops.source(), "UPDATE catalog_product_entity SET sku = '' WHERE entity_id = " + broken);
        try {
            CliTest.Result stopped = sync("product", "--batch-size", "10");
            assertEquals(ExitCode.FAILED, stopped.exit());
            assertTrue(stopped.out().contains("entity_id=" + broken + " is invalid: sku: is missing"), stopped.out());
            // a changed option is another command: it does not take up the stopped one's checkpoints
            CliTest.Result other = sync("product", "--batch-size", "10", "--on-duplicate", "skip");
            assertEquals(ExitCode.FAILED, other.exit());
            assertTrue(!other.out().contains("Resuming"), other.out());

            TestShops.execute(shops.source(), "UPDATE catalog_product_entity SET sku = '" + sku + "' WHERE entity_id = " + broken);
            CliTest.Result resumed = sync("product", "--batch-size", "10");
            assertEquals(ExitCode.OK, resumed.exit(), resumed.out() + resumed.err());
            java.util.regex.Matcher after = java.util.regex.Pattern.compile("product: resumed after reading pass 2, source id (\\d+)")
                    .matcher(resumed.out());
            assertTrue(after.find() && Long.parseLong(after.group(1)) < broken, resumed.out());
            long read = KilledRunTest.readCount(resumed.out(), "product");
            assertTrue(read > 0 && read < composites, read + " of " + composites + " composite products, " + total + " in all");
            CliTest.Result verify = CliTest.runAgainst(shops.source(), shops.destination(), "verify", "live", "-e", "product");
            assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
        } finally {
            TestShops.execute(shops.source(), "UPDATE catalog_product_entity SET sku = '" + sku + "' WHERE entity_id = " + broken);
        }
    }
}
