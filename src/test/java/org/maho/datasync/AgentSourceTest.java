package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.tracker.ChangeTracker;
import org.maho.datasync.tracker.IncrementalSync;

/**
 * The sample shop read through the source agent (PHP's built-in server running agent/datasync-agent.php as a read-only
 * database user) arrives as it does read directly; and the agent answers nothing but its allow-list of signed reads.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentSourceTest {

    private static final String SECRET = "agent-test-secret-" + UUID.randomUUID();
    private static final String READER = "agent_ro_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String READER_PASS = "Agent-reader-1";

    private static DatabaseServer server;
    private static ConnectionSettings source;
    private static ConnectionSettings direct;
    private static ConnectionSettings throughAgent;
    private static PhpAgent agent;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(OpenMageFixtureCompatibilityTest.FIXTURES),
                "needs ../shared/fixtures/openmage");
        server = TestServer.get();
        source = server.database(TestServer.uniqueName("agent_src"));
        direct = server.database(TestServer.uniqueName("agent_direct"));
        throughAgent = server.database(TestServer.uniqueName("agent_dest"));
        for (ConnectionSettings shop : List.of(source, direct, throughAgent)) {
            server.createDatabase(shop.database());
        }
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-sample-shop.sql"), source);
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), direct);
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), throughAgent);
        // the agent's database user may read the shop and nothing else
        TestShops.execute(source, "CREATE USER '" + READER + "'@'%' IDENTIFIED BY '" + READER_PASS + "'",
                "CREATE USER '" + READER + "'@'localhost' IDENTIFIED BY '" + READER_PASS + "'",
                "GRANT SELECT ON `" + source.database() + "`.* TO '" + READER + "'@'%'",
                "GRANT SELECT ON `" + source.database() + "`.* TO '" + READER + "'@'localhost'");
        agent = PhpAgent.start(source, READER, READER_PASS, SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            TestShops.execute(source, "DROP USER IF EXISTS '" + READER + "'@'%'", "DROP USER IF EXISTS '" + READER + "'@'localhost'");
            for (ConnectionSettings shop : List.of(source, direct, throughAgent)) {
                server.dropDatabase(shop.database());
            }
        }
    }

    @Test
    @Order(1)
    void syncAllThroughTheAgentWritesWhatADirectSyncWrites() throws Exception {
        CliTest.Result directly = CliTest.runAgainst(source, direct, "sync", "all", "live", "-a", "openmage", "-q");
        assertEquals(ExitCode.OK, directly.exit(), directly.out() + directly.err());

        CliTest.Result viaAgent = throughAgent("sync", "all", "live", "-a", "agent", "--url", agent.url(), "-q");
        assertEquals(ExitCode.OK, viaAgent.exit(), viaAgent.out() + viaAgent.err() + agent.log());
        assertTrue(viaAgent.out().contains("product ") && viaAgent.out().contains("agent " + agent.url()), viaAgent.out());

        Map<String, List<String>> expected = contents(direct);
        Map<String, List<String>> written = contents(throughAgent);
        assertEquals(expected.keySet(), written.keySet());
        int tablesWithRows = 0;
        for (String table : expected.keySet()) {
            assertEquals(expected.get(table), written.get(table), table + ": the same rows as the direct sync wrote");
            tablesWithRows += expected.get(table).isEmpty() ? 0 : 1;
        }
        assertTrue(tablesWithRows > 100, "the shop's tables hold rows: " + tablesWithRows);

        CliTest.Result verified = throughAgent("verify", "live", "-a", "agent", "--url", agent.url());
        assertEquals(0, verified.exit(), verified.out() + verified.err());

        CliTest.Result again = throughAgent("sync", "all", "live", "-a", "agent", "--url", agent.url(), "-q");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        assertEquals(written, contents(throughAgent), "a second run changes nothing");
    }

    @Test
    @Order(2)
    void aSignedReadOfTheAllowListIsAnswered() throws Exception {
        Answer stores = post(select("core_store", "store_id", "GT", 0));
        assertEquals(200, stores.status(), stores.body());
        assertTrue(stores.body().startsWith("{\"columns\":[\"store_id\",\"code\""), stores.body());
        assertTrue(stores.body().contains("\"default\"") && stores.body().endsWith("{\"end\":true}\n"), stores.body());
    }

    @Test
    @Order(3)
    void aBadSignatureAnOldTimestampOrAReplayedNonceGets401AndNothingElse() throws Exception {
        String body = select("core_store", "store_id", "GT", 0);
        long now = System.currentTimeMillis() / 1000;
        Answer forged = send(body, now, nonce(), "another-secret-of-the-same-length-" + UUID.randomUUID());
        assertEquals(new Answer(401, ""), forged);
        Answer old = send(body, now - 3600, nonce(), SECRET);
        assertEquals(new Answer(401, ""), old);
        String nonce = nonce();
        assertEquals(200, send(body, now, nonce, SECRET).status());
        assertEquals(new Answer(401, ""), send(body, now, nonce, SECRET), "the same nonce again is a replay");
        Answer unsigned = new Answer(HTTP.send(HttpRequest.newBuilder(URI.create(agent.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals(new Answer(401, ""), unsigned);
    }

    @Test
    @Order(4)
    void whatIsNotOnTheAllowListGets400AndNoData() throws Exception {
        Answer adminUsers = post("{\"op\":\"select\",\"table\":\"admin_user\"}");
        assertEquals(400, adminUsers.status());
        assertEquals("{\"error\":\"the table is not one this agent answers for\"}", adminUsers.body());
        Answer tableInjection = post("{\"op\":\"select\",\"table\":\"core_store` UNION SELECT * FROM admin_user -- \"}");
        assertEquals(400, tableInjection.status());
        assertFalse(tableInjection.body().contains("columns"), tableInjection.body());
        Answer columnInjection = post(select("core_store", "store_id` > 0 OR `1", "GT", 0));
        assertEquals(400, columnInjection.status());
        assertEquals("{\"error\":\"a column is not one of the table's\"}", columnInjection.body());
        Answer unknownOp = post("{\"op\":\"exec\",\"sql\":\"DELETE FROM core_store\"}");
        assertEquals(400, unknownOp.status());
        Answer unknownComparison = post("{\"op\":\"select\",\"table\":\"core_store\",\"where\":[{\"column\":\"code\","
                + "\"op\":\"LIKE\",\"values\":[\"%\"]}]}");
        assertEquals(400, unknownComparison.status());
    }

    @Test
    @Order(5)
    void sqlInAValueIsAValue() throws Exception {
        Answer injected = post("{\"op\":\"select\",\"table\":\"core_store\",\"where\":[{\"column\":\"code\",\"op\":\"EQ\","
                + "\"values\":[\"x' OR '1'='1\"]}]}");
        assertEquals(200, injected.status());
        assertEquals("{\"columns\":[\"store_id\",\"code\",\"website_id\",\"group_id\",\"name\",\"sort_order\",\"is_active\"]}\n"
                + "{\"end\":true}\n", injected.body(), "no store has that code");
        assertEquals(4, rows(source, "SELECT COUNT(*) FROM core_store"), "and nothing was changed");
    }

    @Test
    @Order(6)
    void anOversizedRequestGets413() throws Exception {
        String huge = "{\"op\":\"select\",\"table\":\"core_store\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Answer refused = post(huge);
        assertEquals(413, refused.status());
        assertFalse(refused.body().contains("columns"));
    }

    @Test
    @Order(7)
    void plainHttpIsRefusedUnlessAllowedAndNoCredentialOrTraceLeaves() throws Exception {
        try {
            agent.configure(source, READER, READER_PASS, false);
            Answer plain = post(select("core_store", "store_id", "GT", 0));
            assertEquals(403, plain.status());
            assertFalse(plain.body().contains("columns"));

            agent.configure(source, READER, "a-wrong-password", true);
            Answer broken = post(select("core_store", "store_id", "GT", 0));
            assertEquals(500, broken.status());
            for (String leak : List.of("a-wrong-password", READER, "PDOException", "#0", ".php", "SQLSTATE")) {
                assertFalse(broken.body().contains(leak), leak + " in " + broken.body());
            }
        } finally {
            agent.configure(source, READER, READER_PASS, true);
        }
    }

    @Test
    @Order(7)
    void withoutDatabaseSettingsTheAgentReadsTheShopsLocalXml() throws Exception {
        try {
            agent.configureFromLocalXml(source, READER, READER_PASS);
            Answer stores = post(select("core_store", "store_id", "GT", 0));
            assertEquals(200, stores.status(), stores.body() + agent.log());
            assertTrue(stores.body().contains("\"default\""), stores.body());
        } finally {
            agent.configure(source, READER, READER_PASS, true);
        }
    }

    @Test
    @Order(8)
    void aRefusalIsAMessageNamingTheUrlAndTheStatus() throws Exception {
        Path env = CliTest.envFile(throughAgent, null);
        Files.writeString(env, "DATASYNC_AGENT_SECRET=not-the-agents-secret-but-long-enough\n", java.nio.file.StandardOpenOption.APPEND);
        System.setProperty("datasync.env-file", env.toString());
        try {
            CliTest.Result refused = CliTest.run("sync", "customer", "live", "-a", "agent", "--url", agent.url());
            assertEquals(ExitCode.FAILED, refused.exit(), refused.out() + refused.err());
            String all = refused.out() + refused.err();
            assertTrue(all.contains(agent.url()) && all.contains("HTTP 401"), all);
            assertFalse(all.contains("\tat org."), "no stack trace: " + all);
        } finally {
            System.clearProperty("datasync.env-file");
            Files.deleteIfExists(env);
        }
    }

    /**
     * The tracker read and acknowledged through the agent, whose database user may change the tracker's table and nothing
     * else: a change made while its entity is synced stays pending (acknowledged by revision), and the next run takes it.
     */
    @Test
    @Order(9)
    void incrementalThroughTheAgentAcknowledgesByRevision() throws Exception {
        try (DataSync dataSync = DataSync.start(Path.of(""))) {
            ChangeTracker.install(dataSync.database("source", source));
            TestShops.execute(source, "GRANT UPDATE, DELETE ON `" + source.database() + "`.datasync_change_tracker TO '" + READER + "'@'%'",
                    "GRANT UPDATE, DELETE ON `" + source.database() + "`.datasync_change_tracker TO '" + READER + "'@'localhost'");
            long customer = Checksums.single(source, "SELECT MIN(entity_id) FROM customer_entity");
            String email = sourceText("SELECT email FROM customer_entity WHERE entity_id = " + customer);
            String lastname = "(SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'lastname' AND entity_type_id ="
                    + " (SELECT entity_type_id FROM eav_entity_type WHERE entity_type_code = 'customer'))";
            String setLastname = "UPDATE customer_entity_varchar SET value = '%s' WHERE entity_id = " + customer + " AND attribute_id = "
                    + lastname;
            String atDestination = "SELECT v.value FROM customer_entity e JOIN customer_entity_varchar v ON v.entity_id = e.entity_id"
                    + " AND v.attribute_id = " + lastname + " WHERE e.email = '" + email + "'";
            TestShops.execute(source, String.format(setLastname, "Before"));

            IncrementalSync through = IncrementalSync.configured(dataSync, null, throughAgent)
                    .through(new AgentEndpoint(agent.url(), SECRET));
            List<IncrementalSync.TypeRun> runs = through.beforeAcknowledging(type -> {
                if ("customer".equals(type)) {
                    try {
                        TestShops.execute(source, String.format(setLastname, "After"));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).run(new IncrementalSync.Options("live", List.of(), true, null, false, JobSpec.StockMode.INCLUDE, 0, 50));
            runs.forEach(run -> assertFalse(run.job().failed(), () -> run.type() + ": " + run.job().failure()));
            assertEquals("Before", destinationText(atDestination));
            assertEquals(1, pending("customer"), "the change made during the run is still pending");

            CliTest.Result next = throughAgent("incremental", "live", "-a", "agent", "--url", agent.url(), "--mark-synced");
            assertEquals(ExitCode.OK, next.exit(), next.out() + next.err());
            assertEquals("After", destinationText(atDestination));
            assertEquals(0, pending(null), "every change acknowledged");
            assertTrue(Checksums.single(source, "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 1") >= 1);
        }
    }

    private static long pending(String type) throws Exception {
        return Checksums.single(source, "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0"
                + (type == null ? "" : " AND entity_type = '" + type + "'"));
    }

    private static String sourceText(String sql) throws Exception {
        return text(source, sql);
    }

    private static String destinationText(String sql) throws Exception {
        return text(throughAgent, sql);
    }

    private static String text(ConnectionSettings shop, String sql) throws Exception {
        try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** A command against the destination the agent's sync writes, the agent's secret in .env.local. */
    private static CliTest.Result throughAgent(String... command) throws Exception {
        Path env = CliTest.envFile(throughAgent, null);
        Files.writeString(env, "DATASYNC_AGENT_SECRET=" + SECRET + "\n", java.nio.file.StandardOpenOption.APPEND);
        System.setProperty("datasync.env-file", env.toString());
        try {
            return CliTest.run(command);
        } finally {
            System.clearProperty("datasync.env-file");
            Files.deleteIfExists(env);
        }
    }

    /**
     * Every table's rows, sorted, without DataSync's own tables and without auto-increment columns: the order in which
     * one entity's attribute values are inserted is free, and so their value ids.
     */
    private static Map<String, List<String>> contents(ConnectionSettings shop) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'datasync%' AND EXTRA NOT LIKE '%auto_increment%'"
                    + " ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add("`" + rows.getString(2) + "`");
                }
            }
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT CONCAT_WS('|', " + String.join(", ",
                        table.getValue().stream().map(c -> "IFNULL(" + c + ", '<null>')").toList()) + ") FROM `" + table.getKey() + "`")) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                lines.sort(null);
                tables.put(table.getKey(), lines);
            }
        }
        return tables;
    }

    private static long rows(ConnectionSettings shop, String sql) throws Exception {
        try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String select(String table, String column, String op, Object value) {
        return "{\"op\":\"select\",\"table\":\"" + table + "\",\"where\":[{\"column\":\"" + column.replace("\"", "\\\"")
                + "\",\"op\":\"" + op + "\",\"values\":[" + value + "]}]}";
    }

    private record Answer(int status, String body) {
        Answer(HttpResponse<String> response) {
            this(response.statusCode(), response.body());
        }
    }

    private static Answer post(String body) throws Exception {
        return send(body, System.currentTimeMillis() / 1000, nonce(), SECRET);
    }

    /** A request signed as the agent's README says: HMAC-SHA256 over method, path, timestamp, nonce and body. */
    private static Answer send(String body, long timestamp, String nonce, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(("POST\n/datasync-agent.php\n" + timestamp + "\n" + nonce + "\n"
                + body).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(agent.url()))
                .header("X-DataSync-Timestamp", String.valueOf(timestamp)).header("X-DataSync-Nonce", nonce)
                .header("X-DataSync-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equals).orElse(false);
        String text = gzip ? new String(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes(), StandardCharsets.UTF_8)
                : new String(bytes, StandardCharsets.UTF_8);
        return new Answer(response.statusCode(), text);
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
