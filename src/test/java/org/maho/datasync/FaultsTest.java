package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.RunLock;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;

/**
 * Files and failures real shops produce: a CSV in another encoding or with another delimiter, a file that is not
 * text, control characters, characters the destination cannot store, a source that refuses the login, two syncs at
 * once. Each gets a clear answer, and nothing valid is lost or doubled.
 */
class FaultsTest {

    private static final String HEADER = "email,firstname,lastname,website\n";

    private static TestShops shops;
    private static Path env;

    @TempDir
    Path dir;

    @BeforeAll
    static void shops() throws Exception {
        shops = new TestShops("faults").withCatalog(40, 17);
        env = CliTest.envFile(shops.destination(), null);
        System.setProperty("datasync.env-file", env.toString());
    }

    @AfterAll
    static void close() throws Exception {
        System.clearProperty("datasync.env-file");
        Files.deleteIfExists(env);
        shops.close();
    }

    private Path file(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static String firstname(String email) throws Exception {
        return Checksums.text(shops.destination(), "SELECT v.value FROM customer_entity e JOIN customer_entity_varchar v"
                + " ON v.entity_id = e.entity_id JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                + " AND a.attribute_code = 'firstname' WHERE e.email = '" + email + "'");
    }

    private static long customers(String emailLike) throws Exception {
        return Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity WHERE email LIKE '" + emailLike + "'");
    }

    @Test
    void aWindows1252FileStopsBeforeAnythingIsWrittenAndImportsWhenItsEncodingIsNamed() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        Path file = file("spreadsheet.csv", (HEADER + "anna.cp@example.org,Anna,Schmidt,base\n"
                + "juergen.cp@example.org,Jürgen,Müller,base\n").getBytes(cp1252));

        CliTest.Result refused = CliTest.run("sync", "customer", "live", "-f", file.toString());

        assertEquals(ExitCode.FAILED, refused.exit(), refused.out() + refused.err());
        String all = refused.out() + refused.err();
        assertTrue(all.contains("spreadsheet.csv: line 3, byte offset 95: not valid UTF-8 (the byte 0xFC)")
                && all.contains("--encoding"), all);
        assertEquals(0, customers("%.cp@example.org"), "nothing of the file is written, not even its valid first line");

        CliTest.Result imported = CliTest.run("sync", "customer", "live", "-f", file.toString(), "--encoding", "windows-1252");

        assertEquals(ExitCode.OK, imported.exit(), imported.out() + imported.err());
        assertEquals("Jürgen", firstname("juergen.cp@example.org"));
    }

    @Test
    void aUtf16FileIsReadWithItsByteOrderMarkWhenNamedAndRefusedWhenNot() throws Exception {
        Path file = file("utf16.csv", (HEADER + "zoe.u16@example.org,Zoë,Ångström,base\n").getBytes(StandardCharsets.UTF_16));

        CliTest.Result refused = CliTest.run("sync", "customer", "live", "-f", file.toString());
        assertEquals(ExitCode.FAILED, refused.exit());
        assertTrue((refused.out() + refused.err()).contains("utf16.csv: starts with a UTF-16 byte order mark; read it with"
                + " --encoding utf-16"), refused.out() + refused.err());

        CliTest.Result imported = CliTest.run("sync", "customer", "live", "-f", file.toString(), "--encoding", "utf-16");
        assertEquals(ExitCode.OK, imported.exit(), imported.out() + imported.err());
        assertEquals("Zoë", firstname("zoe.u16@example.org"));
    }

    @Test
    void aSemicolonFileIsNamedAsSuchAndReadWithItsDelimiter() throws Exception {
        Path file = file("european.csv", (HEADER.replace(',', ';') + "luc.semi@example.org;Luc;Besson;base\n")
                .getBytes(StandardCharsets.UTF_8));

        CliTest.Result refused = CliTest.run("sync", "customer", "live", "-f", file.toString());
        assertEquals(ExitCode.FAILED, refused.exit());
        assertTrue((refused.out() + refused.err()).contains("european.csv: the header is one column, 'email;firstname;"
                + "lastname;website', with ';' in it: the file looks ';'-separated; read it with --delimiter ';'"),
                refused.out() + refused.err());

        CliTest.Result imported = CliTest.run("sync", "customer", "live", "-f", file.toString(), "--delimiter", ";");
        assertEquals(ExitCode.OK, imported.exit(), imported.out() + imported.err());
        assertEquals("Luc", firstname("luc.semi@example.org"));

        CliTest.Result wrong = CliTest.run("sync", "customer", "live", "-f", file.toString(), "--delimiter", "#");
        assertEquals(ExitCode.USAGE, wrong.exit());
        assertTrue(wrong.err().contains("--delimiter takes , ; tab or |, not '#'"), wrong.err());
    }

    @Test
    void aFileThatIsNotTextIsRefusedAtOnce() throws Exception {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        binary[11] = 'A';
        Path file = file("photo.csv", binary);

        CliTest.Result refused = CliTest.run("sync", "customer", "live", "-f", file.toString());

        assertEquals(ExitCode.FAILED, refused.exit());
        String all = refused.out() + refused.err();
        assertTrue(all.contains("photo.csv: is not a text file") || all.contains("photo.csv: line 1, byte offset"), all);
        assertFalse(all.contains("\tat "), "no stack trace: " + all);
    }

    @Test
    void aControlCharacterOrAFourByteCharacterMakesItsRecordInvalidWithTheFieldNamed() throws Exception {
        Path file = file("odd.csv", (HEADER + "nul.odd@example.org,Ni\u0000na,Simone,base\n"
                + "emoji.odd@example.org,Jo\uD83D\uDE00,Smile,base\n"
                + "fine.odd@example.org,Fine,Person,base\n").getBytes(StandardCharsets.UTF_8));

        CliTest.Result result = CliTest.run("sync", "customer", "live", "-f", file.toString(), "--skip-invalid");

        String all = result.out() + result.err();
        assertTrue(all.contains("odd.csv line 2 is invalid: firstname: holds the control character U+0000 (NUL) at character 3"),
                all);
        assertTrue(all.contains("odd.csv line 3 is invalid: firstname: holds '\uD83D\uDE00' (U+1F600), a character the"
                + " destination's utf8 (three-byte) column cannot store"), all);
        assertFalse(all.contains("Incorrect string value"), all);
        assertEquals(1, customers("%.odd@example.org"), "the valid record is written, the two others are not");
        assertEquals("Fine", firstname("fine.odd@example.org"));
    }

    @Test
    void aSourceThatRefusesTheLoginGetsOneLineNamingTheConnection() throws Exception {
        ConnectionSettings source = shops.source();
        CliTest.Result result = CliTest.run("sync", "customer", "live", "-a", "openmage", "--db-host", source.host(),
                "--db-port", String.valueOf(source.port()), "--db-name", source.database(), "--db-user", "nobody_here",
                "--db-pass", "s3cret-Pa55");

        assertEquals(ExitCode.FAILED, result.exit());
        String all = result.out() + result.err();
        assertTrue(all.contains("Cannot connect to the source database nobody_here@" + source.host() + ":" + source.port()
                + "/" + source.database() + ": Access denied for user 'nobody_here'"), all);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace without -vv: " + all);
        assertFalse(all.contains("s3cret-Pa55"), "the password is never printed");

        CliTest.Result unknown = CliTest.run("sync", "customer", "live", "-a", "openmage", "--db-host", source.host(),
                "--db-port", String.valueOf(source.port()), "--db-name", "no_such_shop_db", "--db-user", source.user());
        assertEquals(ExitCode.FAILED, unknown.exit());
        assertTrue((unknown.out() + unknown.err()).contains("Unknown database 'no_such_shop_db'"), unknown.out() + unknown.err());
        assertFalse((unknown.out() + unknown.err()).contains("\tat "), unknown.err());
    }

    @Test
    void aDeadLetterDirectoryThatCannotBeWrittenStopsTheRunBeforeAnythingIsWritten() throws Exception {
        Path notADirectory = file("in-the-way", "a file where the directory should be".getBytes(StandardCharsets.UTF_8));
        Path csv = file("some-invalid.csv", (HEADER + "dl.ok@example.org,Ok,Person,base\n"
                + "not-an-email,Bad,Person,base\n").getBytes(StandardCharsets.UTF_8));
        try (DataSync app = DataSync.start(Path.of(""), Map.of("datasync.dead-letter.dir", notADirectory.resolve("dead").toString()))) {
            SyncJob job = app.sync(new JobSpec().entityType("customer").sourceSystem("live").file(csv).skipInvalid(true),
                    shops.destination());

            assertTrue(job.failed());
            assertTrue(job.failure().getMessage().startsWith("Cannot write dead letters to " + notADirectory.resolve("dead")),
                    job.failure().getMessage());
        }
        assertEquals(0, customers("dl.%@example.org"), "not even the valid record: its invalid neighbour would be lost");
    }

    @Test
    void twoSyncAllAtOnceWriteEachSkuOnce() throws Exception {
        ConnectionSettings source = shops.source();
        List<String> sourceArgs = List.of("--db-host", source.host(), "--db-port", String.valueOf(source.port()),
                "--db-name", source.database(), "--db-user", source.user());
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (ShopDatabase destination = ShopDatabase.open("destination", shops.destination(), 1, 20)) {
            List<Future<CliTest.Result>> runs = new ArrayList<>();
            try (RunLock held = RunLock.acquire(destination, "a test's run", 0)) {
                CliTest.Result refused = CliTest.run(concat(List.of("sync", "all", "third", "-a", "openmage"), sourceArgs));
                assertEquals(ExitCode.FAILED, refused.exit(), refused.out() + refused.err());
                assertTrue(refused.err().contains("Another DataSync run writes to") && refused.err().contains("a test's run, process "),
                        refused.err());
                // two sources' sync all, started together while the lock is held; each waits for it
                for (String name : List.of("first", "second")) {
                    runs.add(two.submit(() -> CliTest.run(concat(List.of("sync", "all", name, "-a", "openmage", "--wait-lock",
                            "120"), sourceArgs))));
                }
                Thread.sleep(2000);
            }
            for (Future<CliTest.Result> run : runs) {
                CliTest.Result result = run.get();
                assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
            }
        } finally {
            two.shutdown();
        }
        long products = Checksums.single(source, "SELECT COUNT(*) FROM catalog_product_entity");
        assertTrue(products >= 40, "the source has its catalog: " + products);
        assertEquals(products, Checksums.single(shops.destination(), "SELECT COUNT(DISTINCT sku) FROM catalog_product_entity"));
        assertEquals(products, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM catalog_product_entity"),
                "each sku once");
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }
}
