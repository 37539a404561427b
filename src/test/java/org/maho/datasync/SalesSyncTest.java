package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/**
 * Orders, invoices, shipments, credit memos, subscribers and CMS content between two generated shops whose store,
 * customer, product and every other id differ. The tests run in order on one pair of shops: the catalog and the
 * customers are synced once, then the sales documents.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesSyncTest extends SyncTestSupport {

    static final List<String> SALES = List.of("salesrule", "order", "invoice", "shipment", "creditmemo", "newsletter", "cms_block", "cms_page");
    private static final int ORDERS = 150;

    private static TestShops shops;

    @BeforeAll
    static void shopsWithCatalogAndCustomers() throws Exception {
        shops = new TestShops("sales").withCustomers(60, 3).withCatalog(60, 4).withSales(ORDERS, 5);
        for (String entity : CatalogSyncTest.CATALOG) {
            sync(entity, spec -> spec);
        }
        sync("customer", spec -> spec);
    }

    @AfterAll
    static void dropShops() throws Exception {
        shops.close();
    }

    private static SyncJob sync(String entity, UnaryOperator<JobSpec> options) {
        JobSpec spec = new JobSpec().entityType(entity).sourceSystem("live").adapter("openmage")
                .source(shops.source()).batchSize(35);
        SyncJob job = dataSync.sync(options.apply(spec), shops.destination());
        assertFalse(job.failed(), () -> entity + " failed: " + job.failure());
        return job;
    }

    private static long count(ConnectionSettings shop, String sql) throws Exception {
        return Checksums.single(shop, sql);
    }

    @Test
    void aRunWithoutAChosenBatchSizeTakesItsEntityTypesFromTheConfiguration() throws Exception {
        java.util.Properties config = new java.util.Properties();
        try (java.io.Reader file = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("config", "application.properties"))) {
            config.load(file);
        }
        for (String entity : List.of("order", "customer")) {
            JobSpec spec = new JobSpec().entityType(entity).sourceSystem("live").adapter("openmage")
                    .source(shops.source()).dryRun(true).skipInvalid(true);
            SyncJob job = dataSync.sync(spec, shops.destination());
            assertFalse(job.failed(), () -> entity + " failed: " + job.failure());
            String configured = config.getProperty("datasync.batch-size." + entity, config.getProperty("datasync.batch-size"));
            assertEquals(Integer.parseInt(configured.trim()), job.spec().batchSize(), entity);
        }
        assertEquals(35, sync("order", spec -> spec.dryRun(true).skipInvalid(true)).spec().batchSize(), "a chosen batch size wins");
    }

    @Test
    @Order(1)
    void aDryRunOfOrdersWritesNothingAndReportsWhatItWouldCreate() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob dry = sync("order", spec -> spec.dryRun(true));

        assertEquals(ORDERS, dry.report().count(Outcome.CREATED));
        assertEquals(before, Checksums.of(shops.destination()));
    }

    @Test
    @Order(2)
    void invoicesOfOrdersTheDestinationLacksAreInvalidWithTheReason() throws Exception {
        long invoices = count(shops.source(), "SELECT COUNT(*) FROM sales_flat_invoice");

        SyncJob job = sync("invoice", spec -> spec.skipInvalid(true));

        assertEquals(invoices, job.report().count(Outcome.INVALID));
        assertEquals(0, count(shops.destination(), "SELECT COUNT(*) FROM sales_flat_invoice"));
        String sample = job.report().invalidSamples().get(0);
        assertTrue(sample.matches("(?s).*order_id: order '\\d+' does not exist on the destination.*"), sample);
    }

    @Test
    @Order(3)
    void everyDocumentArrivesEqualByIncrementIdWithItsItemsAddressesTotalsAndGridRows() throws Exception {
        for (String entity : SALES) {
            SyncJob job = sync(entity, spec -> spec);
            assertEquals(0, job.report().count(Outcome.INVALID), entity);
        }
        ConnectionSettings source = shops.source();
        ConnectionSettings destination = shops.destination();

        Map<String, Set<String>> columns = SalesView.commonColumns(source, destination);
        Map<String, String> expected = SalesView.load(source, columns, UnaryOperator.identity());
        Map<String, String> actual = SalesView.load(destination, columns, UnaryOperator.identity());
        assertEquals(expected.keySet(), actual.keySet());
        SalesView.assertSameDocuments(expected, actual);

        for (String table : List.of("sales_flat_order", "sales_flat_order_item", "sales_flat_order_address", "sales_flat_order_payment",
                "sales_flat_order_status_history", "sales_flat_order_grid", "sales_flat_invoice_item", "sales_flat_invoice_grid",
                "sales_flat_shipment_track", "sales_flat_shipment_grid", "sales_flat_creditmemo_item", "sales_flat_creditmemo_grid",
                "newsletter_subscriber", "cms_page_store", "cms_block_store")) {
            assertEquals(count(source, "SELECT COUNT(*) FROM " + table), count(destination, "SELECT COUNT(*) FROM " + table), table);
        }
        assertTrue(count(destination, "SELECT COUNT(*) FROM sales_flat_order WHERE customer_id IS NULL AND customer_is_guest = 1") > 0,
                "guest orders stay guests'");
        assertEquals(count(source, "SELECT COUNT(*) FROM sales_flat_order_item c JOIN sales_flat_order_item p ON p.item_id = c.parent_item_id"
                        + " WHERE p.product_type IN ('configurable', 'bundle')"),
                count(destination, "SELECT COUNT(*) FROM sales_flat_order_item c JOIN sales_flat_order_item p ON p.item_id = c.parent_item_id"
                        + " WHERE p.product_type IN ('configurable', 'bundle') AND p.order_id = c.order_id"),
                "child items of configurable and bundle items point at their parent in the same order");
        for (String composite : List.of("configurable", "bundle")) {
            assertTrue(count(destination, "SELECT COUNT(*) FROM sales_flat_order_item c JOIN sales_flat_order_item p"
                    + " ON p.item_id = c.parent_item_id WHERE p.product_type = '" + composite + "'") > 0, composite + " child items");
        }
        assertTrue(count(destination, "SELECT COUNT(*) FROM sales_flat_order_item WHERE product_id IS NULL AND sku LIKE 'DISCONTINUED-%'") > 0,
                "an item of a product the destination lacks keeps its sku with no product");
    }

    @Test
    @Order(4)
    void theDestinationsIncrementCountersAreMovedPastEveryImportedNumber() throws Exception {
        ConnectionSettings destination = shops.destination();
        for (String[] type : new String[][] {{"order", "sales_flat_order"}, {"invoice", "sales_flat_invoice"},
                {"shipment", "sales_flat_shipment"}, {"creditmemo", "sales_flat_creditmemo"}}) {
            long counters = count(destination, "SELECT COUNT(*) FROM eav_entity_store s JOIN eav_entity_type t USING (entity_type_id)"
                    + " WHERE t.entity_type_code = '" + type[0] + "'");
            assertTrue(counters > 0, type[0]);
            // the number OpenMage gives the next document of each store: prefix + (last + 1), padded to 8 digits
            long taken = count(destination, "SELECT COUNT(*) FROM eav_entity_store s JOIN eav_entity_type t USING (entity_type_id)"
                    + " JOIN " + type[1] + " d ON d.increment_id = CONCAT(s.increment_prefix,"
                    + " LPAD(CAST(SUBSTRING(s.increment_last_id, LENGTH(s.increment_prefix) + 1) AS UNSIGNED) + 1, 8, '0'))"
                    + " WHERE t.entity_type_code = '" + type[0] + "'");
            assertEquals(0, taken, type[0] + ": a document the destination creates next takes a number already imported");
            long behind = count(destination, "SELECT COUNT(*) FROM " + type[1] + " d JOIN eav_entity_store s"
                    + " ON d.increment_id LIKE CONCAT(s.increment_prefix, '%') AND LENGTH(d.increment_id) = LENGTH(s.increment_prefix) + 8"
                    + " JOIN eav_entity_type t ON t.entity_type_id = s.entity_type_id AND t.entity_type_code = '" + type[0] + "'"
                    + " WHERE d.increment_id > s.increment_last_id");
            assertEquals(0, behind, type[0] + ": imported numbers above a store's counter");
        }
    }

    @Test
    @Order(5)
    void aSecondRunChangesNothing() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());

        for (String entity : SALES) {
            SyncJob again = sync(entity, spec -> spec);
            assertEquals(again.report().read(), again.report().count(Outcome.UNCHANGED), entity);
        }
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
    }

    @Test
    @Order(6)
    void filtersSelectOrdersByIncrementIdIdAndDate() throws Exception {
        List<String> two = List.of(Checksums.text(shops.source(), "SELECT MIN(increment_id) FROM sales_flat_order"),
                Checksums.text(shops.source(), "SELECT MAX(increment_id) FROM sales_flat_order"));
        assertEquals(2, sync("order", spec -> spec.dryRun(true).incrementIds(two)).report().read());
        long firstThree = count(shops.source(), "SELECT COUNT(*) FROM sales_flat_invoice WHERE entity_id IN (1, 2, 3)");
        assertEquals(firstThree, sync("invoice", spec -> spec.dryRun(true).entityIds(List.of("1", "2", "3"))).report().read());
        long inMarch = count(shops.source(), "SELECT COUNT(*) FROM sales_flat_order WHERE created_at >= '2025-03-01'"
                + " AND created_at <= '2025-03-31 23:59:59'");
        assertTrue(inMarch > 0 && inMarch < ORDERS);
        assertEquals(inMarch, sync("order", spec -> spec.dryRun(true).dateFrom(java.time.LocalDateTime.of(2025, 3, 1, 0, 0))
                .dateTo(java.time.LocalDateTime.of(2025, 3, 31, 23, 59, 59))).report().read());
    }

    @Test
    @Order(7)
    void aChangedOrderOnTheSourceIsUpdatedAndANewTrackArrivesWithItsShipment() throws Exception {
        String order = Checksums.text(shops.source(), "SELECT o.increment_id FROM sales_flat_order o JOIN sales_flat_shipment s"
                + " ON s.order_id = o.entity_id ORDER BY o.entity_id LIMIT 1");
        TestShops.execute(shops.source(),
                "UPDATE sales_flat_order SET status = 'holded', state = 'holded' WHERE increment_id = '" + order + "'",
                "INSERT INTO sales_flat_order_status_history (parent_id, comment, status, created_at, entity_name)"
                        + " SELECT entity_id, 'On hold: address check', 'holded', '2025-10-01 10:00:00', 'order' FROM sales_flat_order"
                        + " WHERE increment_id = '" + order + "'",
                "INSERT INTO sales_flat_shipment_track (parent_id, order_id, track_number, title, carrier_code, created_at)"
                        + " SELECT s.entity_id, s.order_id, 'JJD000390007', 'DHL', 'dhl', '2025-10-02 10:00:00' FROM sales_flat_shipment s"
                        + " JOIN sales_flat_order o ON o.entity_id = s.order_id WHERE o.increment_id = '" + order + "' LIMIT 1");

        SyncJob orders = sync("order", spec -> spec.incrementIds(List.of(order)));
        SyncJob shipments = sync("shipment", spec -> spec);

        assertEquals(1, orders.report().count(Outcome.UPDATED));
        assertEquals(1, shipments.report().count(Outcome.UPDATED));
        ConnectionSettings destination = shops.destination();
        assertEquals("holded", Checksums.text(destination, "SELECT status FROM sales_flat_order WHERE increment_id = '" + order + "'"));
        assertEquals(1, count(destination, "SELECT COUNT(*) FROM sales_flat_order_status_history h JOIN sales_flat_order o"
                + " ON o.entity_id = h.parent_id WHERE o.increment_id = '" + order + "' AND h.comment = 'On hold: address check'"));
        assertEquals(1, count(destination, "SELECT COUNT(*) FROM sales_flat_shipment_track WHERE track_number = 'JJD000390007'"
                + " AND order_id = (SELECT entity_id FROM sales_flat_order WHERE increment_id = '" + order + "')"));
    }

    @Test
    @Order(8)
    void anOrderWhoseCustomerTheDestinationLacksIsInvalidWithTheReason() throws Exception {
        String order = Checksums.text(shops.source(), "SELECT increment_id FROM sales_flat_order WHERE customer_id IS NOT NULL"
                + " ORDER BY entity_id DESC LIMIT 1");
        String email = Checksums.text(shops.source(), "SELECT c.email FROM sales_flat_order o JOIN customer_entity c"
                + " ON c.entity_id = o.customer_id WHERE o.increment_id = '" + order + "'");
        TestShops.execute(shops.destination(), "DELETE FROM customer_entity WHERE email = '" + email + "'");

        SyncJob job = sync("order", spec -> spec.incrementIds(List.of(order)).skipInvalid(true));

        assertEquals(1, job.report().count(Outcome.INVALID));
        String sample = job.report().invalidSamples().get(0);
        assertTrue(sample.contains("customer_id: customer '" + email.toLowerCase(java.util.Locale.ROOT)) && sample.contains(
                "does not exist on the destination"), sample);
    }
}
