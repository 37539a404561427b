package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.anonymize.Anonymizer;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.CopyMode;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;

/**
 * {@code --anonymize} on the real pair: the sample shop copied into the clean install holds none of the sample shop's
 * personal data, in any text column of any table, and stays consistent: orders still belong to their customers, every
 * customer logs in with the profile's password, a second run changes nothing, incremental keeps the same fakes, and
 * {@code verify --anonymize} finds the copy equal and clean.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnonymizedCopyTest {

    private static final Map<String, String> SECRET = Map.of("DATASYNC_ANONYMIZE_SECRET", "test-secret-of-the-anonymized-copy");
    /** the profile's password: datasync.anonymize.password-hash in config/application.properties */
    private static final String PROFILE_PASSWORD = "staging123";

    @RegisterExtension
    static final RealShops shops = new RealShops("anon");
    private static ConnectionSettings source;
    private static ConnectionSettings destination;

    @BeforeAll
    static void loadFixtures() throws Exception {
        source = shops.source();
        destination = shops.destination();
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(source, destination, SECRET, command);
    }

    @Test
    @Order(1)
    void withoutTheSecretNothingStarts() throws Exception {
        CliTest.Result refused = CliTest.runAgainst(source, destination, "sync", "all", "live", "--anonymize");

        assertEquals(ExitCode.USAGE, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--anonymize needs DATASYNC_ANONYMIZE_SECRET"), refused.err());
        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM customer_entity"));
    }

    @Test
    @Order(2)
    void anAnonymizedCopyHoldsNoneOfTheSourcesPersonalData() throws Exception {
        CliTest.Result result = cli("sync", "all", "live", "--anonymize");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertEquals(25, Checksums.single(destination, "SELECT COUNT(*) FROM customer_entity"));
        assertEquals(40, Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order"));
        assertEquals(16, Checksums.single(destination, "SELECT COUNT(*) FROM newsletter_subscriber"));

        PersonalData personal = PersonalData.of(source);
        assertTrue(personal.emails.size() >= 25 && personal.names.size() >= 20 && personal.streets.size() >= 10
                && personal.phones.size() >= 10 && personal.comments.size() >= 2, personal.toString());
        List<String> leaks = personal.foundIn(textValues(destination));
        assertEquals(List.of(), leaks, "no source email, name, street, phone or comment in any text column of the destination");

        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM customer_entity WHERE email NOT LIKE '%@example.invalid'"));
        assertEquals(25, Checksums.single(destination, "SELECT COUNT(DISTINCT email) FROM customer_entity"), "a fake per customer");
        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM newsletter_subscriber"
                + " WHERE subscriber_email NOT LIKE '%@example.invalid'"));
        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order WHERE customer_email NOT LIKE '%@example.invalid'"));
        // what is not personal stays: countries, cities, postcodes, totals
        for (String notPersonal : List.of("SELECT GROUP_CONCAT(CONCAT(country_id, city, postcode) ORDER BY country_id, city, postcode)"
                + " FROM sales_flat_order_address", "SELECT SUM(grand_total) FROM sales_flat_order")) {
            assertEquals(Checksums.text(source, notPersonal), Checksums.text(destination, notPersonal), notPersonal);
        }
    }

    @Test
    @Order(3)
    void everyCustomerLogsInWithTheProfilesPasswordAndOrdersKeepTheirCustomers() throws Exception {
        int customers = 0;
        try (Connection connection = TestServer.connect(destination); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT c.email, v.value FROM customer_entity c JOIN customer_entity_varchar v"
                     + " ON v.entity_id = c.entity_id JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                     + " AND a.attribute_code = 'password_hash'")) {
            while (rows.next()) {
                assertTrue(validatesAsOpenMage(PROFILE_PASSWORD, rows.getString(2)), rows.getString(1) + ": " + rows.getString(2));
                customers++;
            }
        }
        assertEquals(Checksums.single(source, "SELECT COUNT(*) FROM customer_entity_varchar v JOIN eav_attribute a"
                + " ON a.attribute_id = v.attribute_id AND a.attribute_code = 'password_hash'"), customers);

        String ownersOfOrders = "SELECT COUNT(*) FROM sales_flat_order o JOIN customer_entity c ON c.entity_id = o.customer_id"
                + " WHERE o.customer_email = c.email";
        assertEquals(Checksums.single(source, ownersOfOrders), Checksums.single(destination, ownersOfOrders),
                "every order that belonged to a customer belongs to that customer, with its customer's fake email");
        assertTrue(Checksums.single(destination, ownersOfOrders) > 20);
        String subscribedCustomers = "SELECT COUNT(*) FROM newsletter_subscriber s JOIN customer_entity c ON c.entity_id = s.customer_id"
                + " WHERE s.subscriber_email = c.email";
        assertEquals(Checksums.single(source, subscribedCustomers), Checksums.single(destination, subscribedCustomers));
    }

    @Test
    @Order(4)
    void verifyAnonymizedFindsTheCopyEqualAndClean() throws Exception {
        CliTest.Result verify = cli("verify", "live", "--anonymize");

        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("customer                 25        25         0         0"), verify.out());
        assertTrue(verify.out().contains("order                    40        40         0         0"), verify.out());
        assertTrue(verify.out().matches("(?s).*Personal data: [0-9,]+ source values of anonymized fields looked for in [0-9,]+ text"
                + " columns of [0-9,]+ destination tables: none found\\..*"), verify.out());

        CliTest.Result plain = CliTest.runAgainst(source, destination, "verify", "live", "-e", "customer");
        assertEquals(ExitCode.DIFFERENT, plain.exit(), "without --anonymize the fakes differ from the source: " + plain.out());
    }

    @Test
    @Order(5)
    void verifyFindsPersonalDataThatReachedTheCopyAnotherWay() throws Exception {
        String real = Checksums.text(source, "SELECT email FROM customer_entity ORDER BY entity_id LIMIT 1");
        TestShops.execute(destination, "UPDATE cms_block SET title = '" + real + "' WHERE identifier = 'footer_links'");
        try {
            CliTest.Result verify = cli("verify", "live", "--anonymize", "-e", "customer");

            assertEquals(ExitCode.DIFFERENT, verify.exit(), verify.out() + verify.err());
            assertTrue(verify.out().contains("found 1 time(s):"), verify.out());
            assertTrue(verify.out().contains("cms_block.title: '" + real + "'"), verify.out());
        } finally {
            TestShops.execute(destination, "UPDATE cms_block SET title = 'Footer Links' WHERE identifier = 'footer_links'");
        }
    }

    @Test
    @Order(6)
    void aSecondAnonymizedRunChangesNothing() throws Exception {
        Map<String, String> before = Checksums.of(destination);

        CliTest.Result again = cli("sync", "all", "live", "--anonymize");

        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }

    @Test
    @Order(7)
    void incrementalKeepsTheSameFakesAndFollowsAChangedEmail() throws Exception {
        assertEquals(ExitCode.OK, cli("tracker", "install").exit());
        Map<String, String> fakesBefore = customerEmails(destination);
        long movedId = Checksums.single(source, "SELECT entity_id FROM customer_entity ORDER BY entity_id LIMIT 1");
        String registered = "SELECT target_id FROM datasync_entity_registry WHERE entity_type = 'customer' AND source_id = " + movedId;
        long destinationId = Checksums.single(destination, registered);
        TestShops.execute(source, "UPDATE customer_entity SET email = 'moved.away@example.org' WHERE entity_id = " + movedId,
                "UPDATE customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                        + " AND a.attribute_code = 'lastname' SET v.value = 'Newname' WHERE v.entity_id = " + movedId);

        CliTest.Result incremental = cli("incremental", "live", "--mark-synced", "--anonymize");

        assertEquals(ExitCode.OK, incremental.exit(), incremental.out() + incremental.err());
        Map<String, String> fakesAfter = customerEmails(destination);
        assertEquals(fakesBefore.keySet(), fakesAfter.keySet(), "the same customers: the changed one is updated, not added");
        assertEquals(destinationId, Checksums.single(destination, registered));
        String id = String.valueOf(destinationId);
        assertNotEquals(fakesBefore.get(id), fakesAfter.get(id), "a new email, a new fake");
        assertTrue(fakesAfter.get(id).endsWith("@example.invalid"), fakesAfter.get(id));
        fakesBefore.remove(id);
        fakesAfter.remove(id);
        assertEquals(fakesBefore, fakesAfter, "every other customer keeps its fake");
        assertFalse(textValues(destination).contains("moved.away@example.org"));
        assertFalse(textValues(destination).contains("newname"));
        CliTest.Result verify = cli("verify", "live", "--anonymize", "-e", "customer,order,newsletter");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
    }

    @Test
    @Order(8)
    void theServiceAnonymizesWhatItSyncs() throws Exception {
        long sourceId = Checksums.single(source, "SELECT MAX(entity_id) FROM customer_entity");
        String registered = "SELECT target_id FROM datasync_entity_registry WHERE entity_type = 'customer' AND source_id = " + sourceId;
        String email = "SELECT email FROM customer_entity WHERE entity_id = (" + registered + ")";
        String before = Checksums.text(destination, email);
        String secret = SECRET.get("DATASYNC_ANONYMIZE_SECRET");
        try (DataSyncService ignored = DataSyncService.start(java.nio.file.Path.of(""), source, destination, "live",
                ApiCredentials.none(), Map.of("datasync.schedule.incremental", "0 0 0 1 1 ? 2099",
                        "camel.server.port", String.valueOf(ServiceApi.freePort())),
                dataSync -> new CopyMode(Anonymizer.of(dataSync.settings(), secret, dataSync.handlers()), false))) {
            TestShops.execute(source, "UPDATE customer_entity SET email = 'service.moved@example.org' WHERE entity_id = " + sourceId);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
            String after = before;
            while (after.equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = Checksums.text(destination, email);
            }
            assertNotEquals(before, after, "the service synced the change");
            assertTrue(after.endsWith("@example.invalid"), after);
            assertFalse(textValues(destination).contains("service.moved@example.org"));
        }
    }

    /** OpenMage's Mage_Core_Model_Encryption::validateHash for a salted hash: hash(salt . password) === the part before ':'. */
    private static boolean validatesAsOpenMage(String password, String stored) throws Exception {
        String[] parts = stored.split(":", 2);
        String salt = parts.length == 2 ? parts[1] : "";
        for (String algorithm : List.of("MD5", "SHA-256")) {
            byte[] digest = MessageDigest.getInstance(algorithm).digest((salt + password).getBytes(StandardCharsets.UTF_8));
            if (HexFormat.of().formatHex(digest).equals(parts[0])) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> customerEmails(ConnectionSettings shop) throws Exception {
        Map<String, String> emails = new TreeMap<>();
        try (Connection connection = TestServer.connect(shop); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT entity_id, email FROM customer_entity")) {
            while (rows.next()) {
                emails.put(rows.getString(1), rows.getString(2));
            }
        }
        return emails;
    }

    /** Every value of every text column of every table, lower-cased. */
    static Set<String> textValues(ConnectionSettings shop) throws Exception {
        Set<String> values = new HashSet<>();
        try (Connection connection = TestServer.connect(shop); Statement sql = connection.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c"
                    + " JOIN information_schema.TABLES t USING (TABLE_SCHEMA, TABLE_NAME) WHERE c.TABLE_SCHEMA = DATABASE()"
                    + " AND t.TABLE_TYPE = 'BASE TABLE' AND c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext')")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add("`" + rows.getString(2) + "`");
                }
            }
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                try (ResultSet rows = sql.executeQuery("SELECT " + String.join(", ", table.getValue()) + " FROM `" + table.getKey() + "`")) {
                    while (rows.next()) {
                        for (int i = 1; i <= table.getValue().size(); i++) {
                            if (rows.getString(i) != null) {
                                values.add(rows.getString(i).trim().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    /** The source shop's personal data, read straight from its tables, lower-cased. */
    private record PersonalData(Set<String> emails, Set<String> names, Set<String> streets, Set<String> phones,
                                Set<String> comments) {

        static PersonalData of(ConnectionSettings shop) throws Exception {
            PersonalData data = new PersonalData(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                    new LinkedHashSet<>(), new LinkedHashSet<>());
            String eav = "SELECT v.value FROM %s v JOIN eav_attribute a ON a.attribute_id = v.attribute_id WHERE a.attribute_code IN (%s)";
            collect(shop, data.emails, "SELECT email FROM customer_entity UNION SELECT customer_email FROM sales_flat_order"
                    + " UNION SELECT email FROM sales_flat_order_address UNION SELECT subscriber_email FROM newsletter_subscriber");
            collect(shop, data.names, eav.formatted("customer_entity_varchar", "'firstname', 'lastname', 'middlename'")
                    + " UNION " + eav.formatted("customer_address_entity_varchar", "'firstname', 'lastname', 'company'")
                    + " UNION SELECT firstname FROM sales_flat_order_address UNION SELECT lastname FROM sales_flat_order_address"
                    + " UNION SELECT company FROM sales_flat_order_address UNION SELECT customer_firstname FROM sales_flat_order"
                    + " UNION SELECT customer_lastname FROM sales_flat_order UNION SELECT billing_name FROM sales_flat_order_grid");
            collect(shop, data.streets, eav.formatted("customer_address_entity_text", "'street'")
                    + " UNION SELECT street FROM sales_flat_order_address");
            collect(shop, data.phones, eav.formatted("customer_address_entity_varchar", "'telephone', 'fax'")
                    + " UNION SELECT telephone FROM sales_flat_order_address");
            collect(shop, data.comments, "SELECT comment FROM sales_flat_order_status_history UNION SELECT comment FROM"
                    + " sales_flat_creditmemo_comment UNION SELECT comment FROM sales_flat_invoice_comment");
            data.names.removeIf(name -> name.length() < 3);
            // words both shops use for other things: Leon is a region of Spain, Brown a colour of the catalog, young a tag
            Set<String> shopWords = new HashSet<>();
            collect(shop, shopWords, "SELECT value FROM eav_attribute_option_value UNION SELECT default_name FROM"
                    + " directory_country_region UNION SELECT name FROM directory_country_region_name UNION SELECT name FROM tag");
            data.names.removeAll(shopWords);
            return data;
        }

        private static void collect(ConnectionSettings shop, Set<String> into, String sql) throws Exception {
            try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    if (rows.getString(1) != null && !rows.getString(1).isBlank()) {
                        into.add(rows.getString(1).trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        /** Emails, streets, phones and comments anywhere inside a value; names as whole values. */
        List<String> foundIn(Set<String> values) {
            List<String> found = new ArrayList<>();
            for (String value : values) {
                for (Set<String> inside : List.of(emails, streets, phones, comments)) {
                    inside.stream().filter(value::contains).forEach(personal -> found.add("'" + personal + "' in '" + value + "'"));
                }
                if (names.contains(value)) {
                    found.add("name '" + value + "'");
                }
            }
            return found;
        }
    }
}
