package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.RunLock;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.tracker.ChangeTracker;
import org.maho.datasync.tracker.IncrementalSync;

/**
 * A destination kept in sync with a changing source: the tracker's triggers record changes made by plain SQL, and an
 * incremental run replays them. One pair of shops, synced whole once, then changed test by test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalSyncTest {

    private static final List<String> ALL = List.of("taxclass", "customergroup", "productattribute", "attributeset", "category",
            "product", "customer", "salesrule", "order", "invoice", "shipment", "creditmemo", "newsletter", "cms_block", "cms_page");

    private static TestShops shops;
    private static DataSync dataSync;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        shops = new TestShops("incr").withCustomers(40, 7).withCatalog(40, 8).withSales(60, 9);
        dataSync = DataSync.start(Path.of(""), Map.of("datasync.incremental.max-attempts", "2"));
        for (String entity : ALL) {
            assertFalse(dataSync.sync(new JobSpec().entityType(entity).sourceSystem("live").adapter("openmage")
                    .source(shops.source()), shops.destination()).failed(), entity);
        }
        ChangeTracker.install(dataSync.database("source", shops.source()));
    }

    @AfterAll
    static void dropShops() throws Exception {
        dataSync.close();
        shops.close();
    }

    private static List<IncrementalSync.TypeRun> incremental(boolean dryRun, JobSpec.StockMode stock) throws Exception {
        return incremental(dryRun, stock, type -> { });
    }

    private static List<IncrementalSync.TypeRun> incremental(boolean dryRun, JobSpec.StockMode stock,
                                                             java.util.function.Consumer<String> beforeAcknowledging) throws Exception {
        List<IncrementalSync.TypeRun> runs = IncrementalSync.configured(dataSync, shops.source(), shops.destination())
                .beforeAcknowledging(beforeAcknowledging)
                .run(new IncrementalSync.Options("live", List.of(), true, null, dryRun, stock, 0, 50));
        runs.forEach(run -> assertFalse(run.job().failed(), () -> run.type() + ": " + run.job().failure()));
        return runs;
    }

    private static long pending(String type) throws Exception {
        return Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0"
                + (type == null ? "" : " AND entity_type = '" + type + "'"));
    }

    private static String destination(String sql) throws Exception {
        return Checksums.text(shops.destination(), sql);
    }

    private static String source(String sql) throws Exception {
        return Checksums.text(shops.source(), sql);
    }

    private static String attribute(String entityType, String code) {
        return "(SELECT a.attribute_id FROM eav_attribute a JOIN eav_entity_type t USING (entity_type_id)"
                + " WHERE t.entity_type_code = '" + entityType + "' AND a.attribute_code = '" + code + "')";
    }

    @Test
    @Order(1)
    void theTrackerFollowsEveryTrackedTableAndATriggerNeverMakesTheShopsWriteFail() throws Exception {
        assertTrue(Checksums.single(shops.source(), "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                + " AND TRIGGER_NAME LIKE 'datasync\\_trk\\_%'") > 150);
        assertEquals(0, pending(null), "installing records no change");

        TestShops.execute(shops.source(), "RENAME TABLE datasync_change_tracker TO datasync_change_tracker_away",
                "UPDATE customer_entity SET updated_at = '2025-12-01 10:00:00' WHERE entity_id = 1",
                "RENAME TABLE datasync_change_tracker_away TO datasync_change_tracker");

        assertEquals("2025-12-01 10:00:00", source("SELECT updated_at FROM customer_entity WHERE entity_id = 1"),
                "the shop's write went through without the tracker table");
    }

    @Test
    @Order(2)
    void insertsUpdatesAndDeletesByPlainSqlReachTheDestinationAfterOneRun() throws Exception {
        String deletedSku = source("SELECT sku FROM catalog_product_entity WHERE type_id = 'simple' AND entity_id NOT IN"
                + " (SELECT product_id FROM catalog_product_super_link) AND entity_id NOT IN (SELECT product_id FROM"
                + " catalog_product_bundle_selection) AND entity_id NOT IN (SELECT linked_product_id FROM catalog_product_link)"
                + " ORDER BY entity_id DESC LIMIT 1");
        String pricedSku = source("SELECT MIN(sku) FROM catalog_product_entity WHERE type_id = 'simple'");
        String leaver = source("SELECT email FROM customer_entity ORDER BY entity_id DESC LIMIT 1");
        String order = source("SELECT MIN(increment_id) FROM sales_flat_order");
        TestShops.execute(shops.source(),
                // a new customer with an address
                "INSERT INTO customer_entity (entity_id, entity_type_id, attribute_set_id, website_id, email, group_id, store_id,"
                        + " created_at, updated_at, is_active) SELECT 9001, entity_type_id, 0, website_id, 'nina.new@example.com',"
                        + " group_id, store_id, '2025-12-02 09:00:00', '2025-12-02 09:00:00', 1 FROM customer_entity WHERE entity_id = 1",
                "INSERT INTO customer_entity_varchar (entity_type_id, attribute_id, entity_id, value) SELECT entity_type_id, "
                        + attribute("customer", "firstname") + ", 9001, 'Nina' FROM customer_entity WHERE entity_id = 9001",
                "INSERT INTO customer_entity_varchar (entity_type_id, attribute_id, entity_id, value) SELECT entity_type_id, "
                        + attribute("customer", "lastname") + ", 9001, 'Neu' FROM customer_entity WHERE entity_id = 9001",
                "INSERT INTO customer_address_entity (entity_id, entity_type_id, attribute_set_id, parent_id, created_at, updated_at,"
                        + " is_active) VALUES (9001, 0, 0, 9001, '2025-12-02 09:00:00', '2025-12-02 09:00:00', 1)",
                "INSERT INTO customer_address_entity_varchar (entity_type_id, attribute_id, entity_id, value) VALUES (0, "
                        + attribute("customer_address", "city") + ", 9001, 'Neustadt')",
                // an attribute-only change of a product and a stock change
                "UPDATE catalog_product_entity_decimal SET value = 123.4500 WHERE attribute_id = " + attribute("catalog_product", "price")
                        + " AND store_id = 0 AND entity_id = (SELECT entity_id FROM catalog_product_entity WHERE sku = '" + pricedSku + "')",
                "UPDATE cataloginventory_stock_item SET qty = 777 WHERE product_id = (SELECT entity_id FROM catalog_product_entity"
                        + " WHERE sku = '" + pricedSku + "')",
                // an order's status and a new comment
                "UPDATE sales_flat_order SET status = 'holded', state = 'holded' WHERE increment_id = '" + order + "'",
                "INSERT INTO sales_flat_order_status_history (parent_id, comment, status, created_at, entity_name) SELECT entity_id,"
                        + " 'Held: call the customer', 'holded', '2025-12-02 10:00:00', 'order' FROM sales_flat_order WHERE increment_id = '"
                        + order + "'",
                // deletions: a product (hard), a customer (soft, by default), a CMS block
                "DELETE FROM catalog_product_entity WHERE sku = '" + deletedSku + "'",
                "DELETE FROM customer_entity WHERE email = '" + leaver + "'",
                "DELETE FROM cms_block WHERE identifier = 'promo' AND block_id = (SELECT MIN(block_id) FROM cms_block WHERE identifier = 'promo')");
        assertTrue(pending(null) >= 7);

        List<IncrementalSync.TypeRun> runs = incremental(false, JobSpec.StockMode.INCLUDE);

        assertEquals(0, pending(null), "every change acknowledged");
        assertTrue(runs.stream().allMatch(run -> run.failed() == 0));
        assertEquals("Nina Neu Neustadt", destination("SELECT CONCAT_WS(' ', f.value, l.value, c.value) FROM customer_entity e"
                + " JOIN customer_entity_varchar f ON f.entity_id = e.entity_id AND f.attribute_id = " + attribute("customer", "firstname")
                + " JOIN customer_entity_varchar l ON l.entity_id = e.entity_id AND l.attribute_id = " + attribute("customer", "lastname")
                + " JOIN customer_address_entity a ON a.parent_id = e.entity_id JOIN customer_address_entity_varchar c"
                + " ON c.entity_id = a.entity_id AND c.attribute_id = " + attribute("customer_address", "city")
                + " WHERE e.email = 'nina.new@example.com'"));
        assertEquals("123.4500|777.0000", destination("SELECT CONCAT(d.value, '|', s.qty) FROM catalog_product_entity p"
                + " JOIN catalog_product_entity_decimal d ON d.entity_id = p.entity_id AND d.store_id = 0 AND d.attribute_id = "
                + attribute("catalog_product", "price") + " JOIN cataloginventory_stock_item s ON s.product_id = p.entity_id"
                + " WHERE p.sku = '" + pricedSku + "'"));
        assertEquals("holded|1", destination("SELECT CONCAT(o.status, '|', COUNT(h.entity_id)) FROM sales_flat_order o"
                + " JOIN sales_flat_order_status_history h ON h.parent_id = o.entity_id AND h.comment = 'Held: call the customer'"
                + " WHERE o.increment_id = '" + order + "' GROUP BY o.status"));
        assertEquals("0", destination("SELECT COUNT(*) FROM catalog_product_entity WHERE sku = '" + deletedSku + "'"),
                "a product deleted at the source is deleted (hard, by default)");
        assertEquals("0", destination("SELECT COUNT(*) FROM datasync_entity_registry r LEFT JOIN catalog_product_entity p"
                + " ON p.entity_id = r.target_id WHERE r.entity_type = 'product' AND p.entity_id IS NULL"), "its registry row went too");
        assertEquals("0", destination("SELECT is_active FROM customer_entity WHERE email = '" + leaver + "'"),
                "a customer deleted at the source is deactivated (soft, by default)");
        assertEquals("1", destination("SELECT COUNT(*) FROM cms_block WHERE identifier = 'promo'"), "one promo block of two is left");
        assertTrue(incremental(false, JobSpec.StockMode.INCLUDE).isEmpty(), "a second run finds nothing pending");
    }

    @Test
    @Order(3)
    void aChangeMadeWhileItsEntityIsBeingSyncedStaysPendingAndTheNextRunSyncsIt() throws Exception {
        TestShops.execute(shops.source(), "UPDATE customer_entity_varchar SET value = 'Before' WHERE entity_id = 2 AND attribute_id = "
                + attribute("customer", "lastname"));
        String email = source("SELECT email FROM customer_entity WHERE entity_id = 2");
        String lastname = "SELECT v.value FROM customer_entity e JOIN customer_entity_varchar v ON v.entity_id = e.entity_id"
                + " AND v.attribute_id = " + attribute("customer", "lastname") + " WHERE e.email = '" + email + "'";

        incremental(false, JobSpec.StockMode.INCLUDE, type -> {
            if ("customer".equals(type)) {
                try {
                    // the run has read and written the customer; this change comes before it acknowledges
                    TestShops.execute(shops.source(), "UPDATE customer_entity_varchar SET value = 'After' WHERE entity_id = 2"
                            + " AND attribute_id = " + attribute("customer", "lastname"));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertEquals("Before", destination(lastname));
        assertEquals(1, pending("customer"), "the change made during the run is still pending");

        incremental(false, JobSpec.StockMode.INCLUDE);

        assertEquals("After", destination(lastname));
        assertEquals(0, pending("customer"));
    }

    @Test
    @Order(4)
    void aFailingRecordIsRetriedThenParkedWithItsReasonAndNeverBlocksTheOthers() throws Exception {
        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'not-an-email' WHERE entity_id = 3",
                "UPDATE customer_entity_varchar SET value = 'Other' WHERE entity_id = 4 AND attribute_id = " + attribute("customer", "lastname"));

        List<IncrementalSync.TypeRun> first = incremental(false, JobSpec.StockMode.INCLUDE);

        assertEquals(1, first.get(0).failed());
        assertEquals(0, first.get(0).parked());
        assertEquals("Other", destination("SELECT v.value FROM customer_entity_varchar v WHERE v.attribute_id = "
                + attribute("customer", "lastname") + " AND v.entity_id = (SELECT target_id FROM datasync_entity_registry"
                + " WHERE entity_type = 'customer' AND source_id = 4)"), "the other customer's change went through");
        assertEquals("1", source("SELECT attempts FROM datasync_change_tracker WHERE entity_type = 'customer' AND entity_id = 3"
                + " AND sync_completed = 0"));

        List<IncrementalSync.TypeRun> second = incremental(false, JobSpec.StockMode.INCLUDE);

        assertEquals(1, second.get(0).parked());
        assertEquals(0, pending("customer"), "parked, not pending: it is not retried forever");
        assertTrue(source("SELECT last_error FROM datasync_change_tracker WHERE entity_type = 'customer' AND entity_id = 3"
                + " AND sync_completed = 2").contains("'not-an-email' is not a valid email address"));
        CliTest.Result status = cli("tracker", "status");
        assertTrue(status.out().contains("customer #3 after 2 attempts") && status.out().contains("not a valid email"), status.out());

        TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'fixed.three@example.com' WHERE entity_id = 3");
        assertEquals(1, pending("customer"), "a new change of a parked entity is pending again");
        incremental(false, JobSpec.StockMode.INCLUDE);
        assertEquals("1", destination("SELECT COUNT(*) FROM customer_entity WHERE email = 'fixed.three@example.com'"));
    }

    @Test
    @Order(5)
    void excludedStockChangesStayPendingUntilARunIncludesThem() throws Exception {
        String sku = source("SELECT MAX(sku) FROM catalog_product_entity WHERE type_id = 'simple'");
        String product = "(SELECT entity_id FROM catalog_product_entity WHERE sku = '" + sku + "')";
        TestShops.execute(shops.source(), "UPDATE cataloginventory_stock_item SET qty = 4242 WHERE product_id = " + product,
                "UPDATE catalog_product_entity_varchar SET value = 'Renamed product' WHERE store_id = 0 AND attribute_id = "
                        + attribute("catalog_product", "name") + " AND entity_id = " + product);
        String qty = "SELECT s.qty FROM cataloginventory_stock_item s JOIN catalog_product_entity p ON p.entity_id = s.product_id"
                + " WHERE p.sku = '" + sku + "'";

        incremental(false, JobSpec.StockMode.EXCLUDE);

        assertNotEquals("4242.0000", destination(qty), "products synced without their stock");
        assertEquals("Renamed product", destination("SELECT v.value FROM catalog_product_entity_varchar v JOIN catalog_product_entity p"
                + " ON p.entity_id = v.entity_id WHERE v.store_id = 0 AND v.attribute_id = " + attribute("catalog_product", "name")
                + " AND p.sku = '" + sku + "'"));
        assertEquals(1, pending("stock"));

        incremental(false, JobSpec.StockMode.ONLY);

        assertEquals("4242.0000", destination(qty));
        assertEquals(0, pending(null));
    }

    @Test
    @Order(6)
    void aDryRunWritesNothingAndAcknowledgesNothing() throws Exception {
        TestShops.execute(shops.source(), "UPDATE sales_flat_order SET status = 'processing' WHERE entity_id = 5",
                "DELETE FROM newsletter_subscriber WHERE subscriber_id = (SELECT MIN(subscriber_id) FROM (SELECT subscriber_id FROM"
                        + " newsletter_subscriber) s)");
        Map<String, String> before = Checksums.of(shops.destination());
        String tracker = source("SELECT GROUP_CONCAT(CONCAT(tracker_id, ':', revision, ':', sync_completed) ORDER BY tracker_id)"
                + " FROM datasync_change_tracker");

        List<IncrementalSync.TypeRun> dry = incremental(true, JobSpec.StockMode.INCLUDE);

        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
        assertEquals(tracker, source("SELECT GROUP_CONCAT(CONCAT(tracker_id, ':', revision, ':', sync_completed) ORDER BY tracker_id)"
                + " FROM datasync_change_tracker"));
        assertEquals(1, dry.stream().filter(run -> run.type().equals("newsletter")).findFirst().orElseThrow().job().report().deleted(),
                "the dry run says what it would delete");
        incremental(false, JobSpec.StockMode.INCLUDE);
        assertEquals(0, pending(null));
    }

    @Test
    @Order(7)
    void afterChangesOfEveryKindByPlainSqlOneRunLeavesTheDestinationEqualToTheSource() throws Exception {
        String category = source("SELECT MAX(entity_id) FROM catalog_category_entity WHERE level = 3");
        String track = source("SELECT MIN(entity_id) FROM sales_flat_shipment_track");
        String address = source("SELECT MIN(entity_id) FROM customer_address_entity");
        TestShops.execute(shops.source(),
                "UPDATE catalog_category_entity_varchar SET value = 'Renamed category' WHERE entity_id = " + category
                        + " AND store_id = 0 AND attribute_id = " + attribute("catalog_category", "name"),
                "INSERT INTO catalog_product_entity_varchar (entity_type_id, attribute_id, store_id, entity_id, value)"
                        + " SELECT entity_type_id, " + attribute("catalog_product", "name") + ", (SELECT store_id FROM core_store"
                        + " WHERE code = 'german'), entity_id, 'Deutscher Name' FROM catalog_product_entity ORDER BY entity_id LIMIT 1"
                        + " ON DUPLICATE KEY UPDATE value = 'Deutscher Name'",
                "DELETE FROM catalog_category_product WHERE product_id = (SELECT MAX(product_id) FROM (SELECT product_id FROM"
                        + " catalog_category_product) p)",
                "UPDATE sales_flat_order_item SET qty_canceled = 1 WHERE item_id = (SELECT MIN(item_id) FROM (SELECT item_id FROM"
                        + " sales_flat_order_item) i)",
                "DELETE FROM sales_flat_shipment_track WHERE entity_id = " + track,
                "DELETE FROM customer_address_entity WHERE entity_id = " + address,
                "UPDATE newsletter_subscriber SET subscriber_status = 3 WHERE customer_id <> 0 ORDER BY subscriber_id LIMIT 2",
                "UPDATE cms_page SET content = CONCAT(content, '<p>New paragraph</p>') WHERE identifier = 'home'");

        incremental(false, JobSpec.StockMode.INCLUDE);

        assertEquals(0, pending(null));
        assertEquals(CatalogView.categories(shops.source()), CatalogView.categories(shops.destination()));
        CatalogSyncTest.assertSameProducts(CatalogView.products(shops.source()), CatalogView.products(shops.destination()));
        Map<String, CustomerView.Customer> sourceCustomers = CustomerView.load(shops.source());
        Map<String, CustomerView.Customer> destinationCustomers = CustomerView.load(shops.destination());
        // customers deleted at the source are kept, deactivated (soft, by default)
        destinationCustomers.keySet().retainAll(sourceCustomers.keySet());
        assertEquals(sourceCustomers.keySet(), destinationCustomers.keySet());
        sourceCustomers.forEach((key, customer) -> {
            assertEquals(customer.values().keySet(), destinationCustomers.get(key).values().keySet(), key);
            assertEquals(customer.addresses(), destinationCustomers.get(key).addresses(), key + " addresses");
        });
        Map<String, java.util.Set<String>> columns = SalesView.commonColumns(shops.source(), shops.destination());
        Map<String, String> sourceDocuments = SalesView.load(shops.source(), columns, java.util.function.UnaryOperator.identity());
        Map<String, String> destinationDocuments = SalesView.load(shops.destination(), columns, java.util.function.UnaryOperator.identity());
        assertEquals(sourceDocuments.keySet(), destinationDocuments.keySet());
        // the source's foreign keys let go of a deleted customer (its orders' customer_id becomes NULL, without a
        // trigger); the destination keeps the deactivated customer, and its documents keep pointing at it
        List<String> retired = List.of(destination("SELECT IFNULL(GROUP_CONCAT(email), '') FROM customer_entity WHERE is_active = 0"
                + " AND email NOT IN (SELECT email FROM " + shops.source().database() + ".customer_entity)").split(","));
        sourceDocuments.keySet().removeIf(key -> retired.stream().anyMatch(email -> !email.isEmpty()
                && destinationDocuments.get(key).contains(email)));
        SalesView.assertSameDocuments(sourceDocuments, destinationDocuments);
    }

    @Test
    @Order(8)
    void oneRunAtATimeAndACrashedHolderNeverBlocks() throws Exception {
        TestShops.execute(shops.source(), "UPDATE sales_flat_order SET status = 'complete' WHERE entity_id = 5");
        try (RunLock held = RunLock.acquire(dataSync.database("destination", shops.destination()), "incremental", 0)) {
            CliTest.Result second = cli("incremental", "--mark-synced");
            assertEquals(1, second.exit(), second.out() + second.err());
            assertTrue(second.err().contains("Another DataSync run writes to") && second.err().contains("incremental, process "
                    + ProcessHandle.current().pid()) && second.err().contains("ago"), second.err());
        }
        // a holder that dies: its connection ends, and the server lets the lock go
        ConnectionSettings destination = shops.destination();
        Connection crashed = TestServer.connect(destination);
        try (Statement statement = crashed.createStatement()) {
            statement.execute("SELECT GET_LOCK('datasync:" + destination.database() + "', 0)");
        }
        crashed.close();

        CliTest.Result after = cli("incremental", "--mark-synced");

        assertEquals(0, after.exit(), after.out() + after.err());
        assertEquals("complete", destination("SELECT status FROM sales_flat_order WHERE increment_id = (SELECT increment_id FROM "
                + shops.source().database() + ".sales_flat_order WHERE entity_id = 5)"));
    }

    /**
     * The shop writes a new product and its stock item in one transaction while a run is under way, after it read its
     * changes: neither is seen by that run (the stock item alone would find no product and be passed over), and the
     * next run writes both.
     */
    @Test
    @Order(8)
    void aProductAndItsStockItemWrittenTogetherDuringARunArriveTogetherInTheNext() throws Exception {
        TestShops.execute(shops.source(), "UPDATE customer_entity SET updated_at = updated_at + INTERVAL 1 SECOND WHERE entity_id = 2");
        SourceWriter writer = new SourceWriter(new java.util.Random(81));
        String[] sku = {null};
        incremental(false, JobSpec.StockMode.INCLUDE, type -> {
            if (sku[0] == null) {
                try (java.sql.Connection connection = TestServer.connect(shops.source())) {
                    sku[0] = writer.newProduct(connection);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertTrue(pending("stock") > 0 && pending("product") > 0, "made after the run read its changes: both wait");
        assertEquals("0", destination("SELECT COUNT(*) FROM catalog_product_entity WHERE sku = '" + sku[0] + "'"));

        incremental(false, JobSpec.StockMode.INCLUDE);

        assertEquals(0, pending(null));
        assertEquals(source("SELECT CONCAT(s.qty + 0, '|', s.is_in_stock) FROM cataloginventory_stock_item s JOIN"
                        + " catalog_product_entity p ON p.entity_id = s.product_id WHERE p.sku = '" + sku[0] + "'"),
                destination("SELECT CONCAT(s.qty + 0, '|', s.is_in_stock) FROM cataloginventory_stock_item s JOIN"
                        + " catalog_product_entity p ON p.entity_id = s.product_id WHERE p.sku = '" + sku[0] + "'"));
    }

    @Test
    @Order(9)
    void uninstallDropsOurTriggersAndNothingElse() throws Exception {
        TestShops.execute(shops.source(), "CREATE TRIGGER shop_own_trigger BEFORE UPDATE ON core_store FOR EACH ROW SET NEW.name = NEW.name");

        CliTest.Result result = cli("tracker", "uninstall");

        assertEquals(0, result.exit(), result.err());
        assertEquals("shop_own_trigger", source("SELECT GROUP_CONCAT(TRIGGER_NAME) FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = DATABASE()"));
        assertEquals("1", source("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'datasync_change_tracker'"), "the table and its history stay");
        TestShops.execute(shops.source(), "UPDATE customer_entity SET updated_at = '2025-12-24 10:00:00' WHERE entity_id = 1");
        assertEquals(0, pending(null), "nothing is tracked any more");
    }

    /** The command line against this test's shops, the destination and source from a .env file as a user has them. */
    private static CliTest.Result cli(String... args) throws Exception {
        Path env = CliTest.envFile(shops.destination(), shops.source());
        System.setProperty("datasync.env-file", env.toString());
        try {
            return CliTest.run(args);
        } finally {
            System.clearProperty("datasync.env-file");
            Files.deleteIfExists(env);
        }
    }
}
