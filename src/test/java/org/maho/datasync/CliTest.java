package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maho.datasync.cli.DataSyncCommand;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/** The command line as a user types it: usage errors, the report, exit codes, secrets. */
class CliTest {

    private static TestShops shops;
    private static Path envFile;

    record Result(int exit, String out, String err) {}

    @BeforeAll
    static void shops() throws Exception {
        shops = new TestShops("cli").withCustomers(60, 5);
        envFile = envFile(shops.destination(), null);
        System.setProperty("datasync.env-file", envFile.toString());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        System.clearProperty("datasync.env-file");
        Files.deleteIfExists(envFile);
        shops.close();
    }

    /**
     * A command as a user types it against a source shop database, the destination named in a .env.local file:
     * {@code command} then the source's --db-* options.
     */
    static Result runAgainst(ConnectionSettings source, ConnectionSettings destination, String... command) throws Exception {
        return runAgainst(source, destination, java.util.Map.of(), command);
    }

    /** The same, with more lines in the .env file (a secret). */
    static Result runAgainst(ConnectionSettings source, ConnectionSettings destination, java.util.Map<String, String> moreEnv,
                             String... command) throws Exception {
        java.nio.file.Path env = envFile(destination, source);
        for (java.util.Map.Entry<String, String> line : moreEnv.entrySet()) {
            Files.writeString(env, line.getKey() + "=" + line.getValue() + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        System.setProperty("datasync.env-file", env.toString());
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
            args.addAll(java.util.List.of("--db-host", source.host(), "--db-port", String.valueOf(source.port()),
                    "--db-name", source.database(), "--db-user", source.user()));
            return run(args.toArray(String[]::new));
        } finally {
            System.clearProperty("datasync.env-file");
            java.nio.file.Files.deleteIfExists(env);
        }
    }

    /**
     * A .env file as a user keeps one: the destination, and when given the source named 'live' (its password always,
     * its host, port, database and user too, for commands that take no --db-* options).
     */
    static Path envFile(ConnectionSettings destination, ConnectionSettings source) throws java.io.IOException {
        Path env = Files.createTempFile("datasync-test", ".env");
        env.toFile().deleteOnExit();
        StringBuilder text = new StringBuilder("DATASYNC_DEST_HOST=" + destination.host() + "\nDATASYNC_DEST_PORT="
                + destination.port() + "\nDATASYNC_DEST_DB=" + destination.database() + "\nDATASYNC_DEST_USER="
                + destination.user() + "\nDATASYNC_DEST_PASS=\"" + destination.password() + "\"\n");
        if (source != null) {
            text.append("DATASYNC_LIVE_HOST=").append(source.host()).append("\nDATASYNC_LIVE_PORT=").append(source.port())
                    .append("\nDATASYNC_LIVE_DB=").append(source.database()).append("\nDATASYNC_LIVE_USER=").append(source.user())
                    .append("\nDATASYNC_LIVE_PASS=\"").append(source.password()).append("\"\n");
        }
        Files.writeString(env, text);
        return env;
    }

    private static String[] concat(String[] first, String[] second) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second)).toArray(String[]::new);
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DataSyncCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Off a terminal, sync says how far it is every datasync.progress.every-millis; -q keeps it quiet; the report is the same. */
    @Test
    void aSyncShowsItsProgressUnlessQuiet() throws Exception {
        System.setProperty("datasync.progress.every-millis", "50");
        // shops of its own: the other tests count on theirs holding what they wrote
        try (TestShops own = new TestShops("progress").withCustomers(60, 7)) {
            System.setProperty("datasync.env-file", envFile(own.destination(), null).toString());
            String[] source = {"--db-host", own.source().host(), "--db-port", String.valueOf(own.source().port()),
                    "--db-name", own.source().database(), "--db-user", own.source().user()};
            Result shown = run(concat(new String[] {"sync", "customer", "live", "-a", "openmage", "--batch-size", "2"}, source));
            assertEquals(ExitCode.OK, shown.exit(), shown.out() + shown.err());
            assertTrue(shown.err().matches("(?s).*customer: [0-9,]+ of 60 \\([0-9]+%\\)(, [0-9 mins]+ left)?, [0-9,]+ records/s.*"),
                    "a progress line on standard error: " + shown.err());
            Result quiet = run(concat(new String[] {"sync", "customer", "live", "-a", "openmage", "--batch-size", "2", "-q"}, source));
            assertEquals(ExitCode.OK, quiet.exit(), quiet.out() + quiet.err());
            assertFalse(quiet.err().contains("records/s"), quiet.err());
            assertTrue(quiet.out().contains("customer"), quiet.out());
        } finally {
            System.clearProperty("datasync.progress.every-millis");
            System.setProperty("datasync.env-file", envFile.toString());
        }
    }

    /** The test source adapter (source/grouplist in the test sources, one service line) is found and run like the shipped ones. */
    @Test
    void aSourceAdapterOfItsOwnPackageAndOneServiceLineSyncsWhatItReads() throws Exception {
        Path groups = Files.createTempFile("groups", ".txt");
        Files.writeString(groups, "Gold;Retail Customer\nPlatinum;Retail Customer\n");
        try {
            Result result = run("sync", "customergroup", "legacy", "-a", "grouplist", "-f", groups.toString());

            assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
            assertTrue(result.out().matches("(?s).*customergroup\\s+2\\s+2\\s+0\\s.*"), result.out());
            assertEquals("Gold:Retail Customer,Platinum:Retail Customer", Checksums.text(shops.destination(),
                    "SELECT GROUP_CONCAT(CONCAT(g.customer_group_code, ':', t.class_name) ORDER BY g.customer_group_code)"
                            + " FROM customer_group g JOIN tax_class t ON t.class_id = g.tax_class_id"
                            + " WHERE g.customer_group_code IN ('Gold', 'Platinum')"));
            Result wrongType = run("sync", "customer", "legacy", "-a", "grouplist", "-f", groups.toString());
            assertEquals(ExitCode.USAGE, wrongType.exit());
            assertTrue(wrongType.err().contains("Entity customer cannot be read by the grouplist adapter"), wrongType.err());
        } finally {
            Files.deleteIfExists(groups);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sync invoice live -f examples/customers.csv | Entity invoice cannot be read by the csv adapter",
            "incremental --stock sometimes --db-name shop | Invalid value for option '--stock'",
            "incremental -e planets --db-name shop | Unknown tracker type 'planets'",
            "incremental --limit 0 --db-name shop | --limit must be a positive number",
            "incremental | The incremental sync reads the source's tracker: --db-name or DATASYNC_LIVE_DB",
            "tracker frobnicate --db-name shop | Unknown action 'frobnicate'; use install, uninstall or status",
            "tracker status | The tracker lives on the source database",
            "run | The service reads the source's tracker: --db-name or DATASYNC_LIVE_DB",
            "sync all live -a csv -f examples/customers.csv | sync all reads a shop: use -a openmage, -a magento2, -a woocommerce or -a agent",
            "sync all live -a shopify -f examples/customers.csv | a Shopify export a few: sync them one at a time",
            "sync all live -a agent | The agent adapter needs the agent's URL: --url",
            "sync customer live -a agent --url https://shop.example/datasync-agent.php --db-name shop | --db-name does not apply to the agent adapter",
            "sync customer live -a openmage --db-name shop --url https://shop.example/a.php | --url applies to the agent adapter, not openmage",
            "verify live -a csv --db-name shop | verify compares a shop kept in OpenMage tables: use -a openmage, -a magento2 or -a agent",
            "verify live -e planets --db-name shop | Unknown entity 'planets'; verify compares: store, config",
            "verify live --batch-size 0 --db-name shop | --batch-size must be between 1 and 10000",
            "verify live | verify reads the source shop's database: --db-name or DATASYNC_LIVE_DB",
            "sync all live -f examples/customers.csv | -f/--file select within one entity type",
            "sync all live -a openmage --db-name shop --entity-ids 1 | --entity-ids select within one entity type",
            "sync all live -a openmage --db-name shop --stock only | --stock select within one entity type",
            "sync cms_page live -a openmage --db-name shop --increment-ids 1 | --increment-ids does not apply to cms_page",
            "sync product live -f examples/customers.csv --stock sometimes | Invalid value for option '--stock'",
            "sync product live -f examples/customers.csv --stock only | --stock only reads stock items from a shop database",
            "sync product live -a openmage --db-name shop --auto-link-configurables | --auto-link-configurables does not apply to the openmage adapter",
            "sync product live -a openmage --db-name shop --image-base-path /no/such/dir | --image-base-path /no/such/dir is not a directory",
            "sync product live -a openmage --db-name shop --image-base-url ftp://x | --image-base-url must be an http or https URL",
            "sync product live -a openmage --db-name shop --image-base-url http://x | in DATASYNC_DEST_MEDIA_DIR",
            "sync product live -a openmage --db-name shop --force-image-import | --force-image-import needs --image-base-path",
            "sync product live -a openmage --db-name shop --options-mode sometimes | Invalid value for option '--options-mode'",
            "sync category live -f examples/customers.csv --options-mode merge | --options-mode does not apply to category",
            "sync taxclass live -f examples/customers.csv | Entity taxclass cannot be read by the csv adapter",
            "sync planets live -f examples/customers.csv | Unknown entity 'planets'",
            "sync customer live -f examples/customers.csv --increment-ids 100000001 | --increment-ids does not apply to customer",
            "sync customer live -f examples/customers.csv --stock only | --stock does not apply to customer",
            "sync customer live -f examples/customers.csv --options-mode merge | --options-mode does not apply to customer",
            "sync customer live | The csv adapter needs -f/--file",
            "sync customer live -f examples/missing.csv | No such file: examples/missing.csv",
            "sync customer live -a openmage -f examples/customers.csv --db-name shop | -f/--file applies to the csv adapter, not openmage",
            "sync customer live -f examples/customers.csv --db-host db.example.org | --db-host apply to the openmage or magento2 or woocommerce adapter, not csv",
            "sync customer live -a shopify | The shopify adapter needs -f/--file",
            "sync taxclass live -a shopify -f examples/customers.csv | Entity taxclass cannot be read by the shopify adapter",
            "sync tag live -a magento2 --db-name shop | Entity tag cannot be read by the magento2 adapter",
            "verify live -a magento2 -e tag --db-name shop | the magento2 adapter does not read tag",
            "sync customer live -a ftp | Unknown adapter 'ftp'",
            "sync customer live -a openmage | needs the source database: --db-name or DATASYNC_LIVE_DB",
            "sync customer live -f examples/customers.csv --date-from 2024-13-01 | --date-from takes YYYY-MM-DD",
            "sync customer live -f examples/customers.csv --date-from 2025-02-01 --date-to 2025-01-01 | is after --date-to",
            "sync customer live -f examples/customers.csv -d sometimes | Invalid value for option '--on-duplicate'",
            "sync customer live -f examples/customers.csv --limit 0 | --limit must be a positive number",
            "sync customer live -f examples/customers.csv --entity-ids 1,x | --entity-ids takes whole numbers",
            "sync customer live -f examples/customers.csv --verbose | Unknown option: '--verbose'",
            "sync customer live -f examples/customers.csv --keep-ids | --keep-ids keeps a shop database's ids: use -a openmage",
            "sync customer live -f examples/customers.csv --anonymize | --anonymize needs DATASYNC_ANONYMIZE_SECRET in .env.local",
            "incremental --db-name shop --anonymize | --anonymize needs DATASYNC_ANONYMIZE_SECRET in .env.local",
            "verify live --db-name shop --anonymize | --anonymize needs DATASYNC_ANONYMIZE_SECRET in .env.local",
            "verify live --db-name shop --keep-ids | Unknown option: '--keep-ids'",
    })
    void aBadCommandLineIsAUsageErrorThatSaysWhy(String args, String message) {
        Result result = run(args.trim().split(" +"));

        assertEquals(ExitCode.USAGE, result.exit(), result.err());
        assertTrue(result.err().contains(message.trim()), "stderr: " + result.err());
    }

    @Test
    void aSyncFromTheSourceShopPrintsTheReportAndExitsZero() {
        ConnectionSettings source = shops.source();
        Result result = run("sync", "customer", "live", "-a", "openmage", "--db-host", source.host(), "--db-port",
                String.valueOf(source.port()), "--db-name", source.database(), "--db-user", source.user(), "-v");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*customer\\s+60\\s+60\\s+0\\s+0\\s+0\\s+0\\s.*"),
                "read 60, created 60, updated, unchanged, skipped, invalid 0: " + result.out());
        assertTrue(result.out().contains("records/s"));
    }

    @Test
    void aPasswordOnTheCommandLineWorksButIsWarnedAboutAndNeverPrinted() throws Exception {
        ConnectionSettings source = shops.source();
        String password = "s3cret-" + System.nanoTime();
        Result result = run("sync", "customer", "live", "-a", "openmage", "--db-host", source.host(), "--db-port",
                String.valueOf(source.port()), "--db-name", source.database(), "--db-user", "nobody-" + System.nanoTime(),
                "--db-pass", password, "--limit", "1");

        assertTrue(result.err().contains("Warning: --db-pass on the command line"), result.err());
        assertEquals(ExitCode.FAILED, result.exit(), "the user does not exist: " + result.out() + result.err());
        assertTrue((result.out() + result.err()).contains("Cannot connect to the source database"), result.out() + result.err());
        assertFalse((result.out() + result.err()).contains(password), "the password is never printed");
    }

    @Test
    void invalidRecordsWithSkipInvalidExitThreeWithoutItExitOne() {
        Result skipped = run("sync", "customer", "cli-csv", "-f", "examples/customers.csv", "--skip-invalid", "--dry-run");
        assertEquals(ExitCode.INVALID_RECORDS, skipped.exit(), skipped.out() + skipped.err());
        assertTrue(skipped.out().contains("customers.csv line 6 is invalid: email"), skipped.out());
        assertTrue(skipped.out().contains("Dry run: nothing was written"), skipped.out());

        Result stopped = run("sync", "customer", "cli-csv", "-f", "examples/customers.csv", "--dry-run");
        assertEquals(ExitCode.FAILED, stopped.exit(), stopped.out() + stopped.err());
        assertTrue(stopped.out().contains("FAILED: customer at customers.csv line 6 is invalid"), stopped.out());
    }

    @Test
    void helpListsEveryOptionOfTheOriginal() {
        Result result = run("sync", "--help");

        assertEquals(ExitCode.OK, result.exit());
        for (String option : new String[] {"--adapter", "--file", "--db-host", "--db-port", "--db-name", "--db-user",
                "--db-pass", "--db-prefix", "--on-duplicate", "--dry-run", "--skip-invalid", "--limit", "--date-from",
                "--date-to", "--entity-ids", "--increment-ids", "-v", "--help"}) {
            assertTrue(result.out().contains(option), option + " in " + result.out());
        }
    }
}
