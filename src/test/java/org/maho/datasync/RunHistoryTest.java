package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.cli.ExitCode;

/**
 * Every run that writes the destination leaves its line in the destination's run history: what ran and why, how it
 * ended and why it stopped, its counts per entity type as its report printed them; runs older than the configured days
 * are pruned, and an incremental run with nothing to do leaves none. (A killed run's line: KilledRunTest.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunHistoryTest {

    private static TestShops shops;

    @BeforeAll
    static void shops() throws Exception {
        shops = new TestShops("history").withCustomers(120, 91);
    }

    @AfterAll
    static void close() throws Exception {
        shops.close();
    }

    private static CliTest.Result run(String... command) throws Exception {
        return CliTest.runAgainst(shops.source(), shops.destination(), command);
    }

    private static String last(String columns) throws Exception {
        return Checksums.text(shops.destination(), "SELECT CONCAT_WS('|', " + columns + ") FROM datasync_run ORDER BY run_id DESC LIMIT 1");
    }

    private static String lastEntity(String type) throws Exception {
        return Checksums.text(shops.destination(), "SELECT CONCAT_WS('|', records_read, created, updated, unchanged, skipped, invalid,"
                + " failed) FROM datasync_run_entity WHERE entity_type = '" + type + "' ORDER BY run_id DESC LIMIT 1");
    }

    @Test
    @Order(1)
    void eachRunLeavesWhatRanHowItEndedAndItsCountsPerEntityType() throws Exception {
        CliTest.Result groups = run("sync", "customergroup", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, groups.exit(), groups.out());
        CliTest.Result customers = run("sync", "customer", "live", "-a", "openmage");
        assertEquals(ExitCode.OK, customers.exit(), customers.out());
        assertEquals("sync customer live -a openmage|command|live|completed", last("command, cause, source_system, outcome"));
        assertEquals("120|120|0|0|0|0|0", lastEntity("customer"));
        assertEquals("1", last("finished_at >= started_at AND seconds >= 0 AND host LIKE 'process %'"));

        // stopped by a bad record: failed, and why
        long broken = Checksums.single(shops.source(), "SELECT MAX(entity_id) FROM customer_entity");
        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'not-an-email', updated_at = NOW() WHERE entity_id = " + broken);
        assertEquals(ExitCode.FAILED, run("sync", "customer", "live", "-a", "openmage", "--restart").exit());
        assertEquals("failed", last("outcome"));
        assertTrue(last("message").startsWith("customer: ") && last("message").contains("'not-an-email' is not a valid email address"),
                last("message"));
        assertEquals("1", Checksums.text(shops.destination(), "SELECT failed FROM datasync_run_entity ORDER BY run_id DESC LIMIT 1"));

        // with --skip-invalid it finishes, with the invalid record counted
        assertEquals(ExitCode.INVALID_RECORDS, run("sync", "customer", "live", "-a", "openmage", "--skip-invalid").exit());
        assertEquals("invalid", last("outcome"));
        assertEquals("120|0|0|119|0|1|0", lastEntity("customer"));

        // a dry run writes nothing, not even a line
        long lines = Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_run");
        assertEquals(ExitCode.INVALID_RECORDS, run("sync", "customer", "live", "-a", "openmage", "--dry-run", "--skip-invalid").exit());
        assertEquals(lines, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_run"));
    }

    @Test
    @Order(2)
    void incrementalRunsAreKeptWhenTheyDidSomethingAndOldRunsArePruned() throws Exception {
        assertEquals(ExitCode.OK, run("sync", "customergroup", "live", "-a", "openmage").exit());
        assertEquals(ExitCode.OK, run("tracker", "install").exit());
        TestShops.execute(shops.destination(), "INSERT INTO datasync_run (command, cause, started_at, outcome)"
                + " VALUES ('sync all live', 'command', UTC_TIMESTAMP() - INTERVAL 91 DAY, 'completed')");
        long before = Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_run");

        CliTest.Result nothing = run("incremental", "live", "--mark-synced");
        assertEquals(ExitCode.OK, nothing.exit(), nothing.out() + nothing.err());
        assertEquals(before - 1, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_run"),
                "the 91-day-old run is pruned (datasync.history.keep-days = 90); a run with nothing to do leaves no line");

        TestShops.execute(shops.source(), "UPDATE customer_entity SET updated_at = updated_at + INTERVAL 1 SECOND WHERE entity_id = 1");
        CliTest.Result one = run("incremental", "live", "--mark-synced");
        assertEquals(ExitCode.OK, one.exit(), one.out() + one.err());
        assertEquals("incremental live|command|completed", last("command, cause, outcome"));
        assertEquals("1", Checksums.text(shops.destination(), "SELECT records_read FROM datasync_run_entity WHERE run_id ="
                + " (SELECT MAX(run_id) FROM datasync_run) AND entity_type = 'customer'"));
        assertEquals(ExitCode.OK, run("tracker", "uninstall").exit());
    }
}
