package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** The original tool's order and newsletter CSV files, as users have them (the original could not import the latter). */
class SalesCsvTest extends SyncTestSupport {

    private TestShops shops;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("salescsv");
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob importFile(String entity, String name) throws Exception {
        Path file = CustomerCsvSyncTest.ORIGINAL_EXAMPLES.resolve(name);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file), "needs ../shared beside the checkout");
        SyncJob job = dataSync.sync(new JobSpec().entityType(entity).sourceSystem("legacy").adapter("csv").file(file),
                shops.destination());
        assertFalse(job.failed(), () -> name + ": " + job.failure());
        return job;
    }

    private String text(String sql) throws Exception {
        return Checksums.text(shops.destination(), sql);
    }

    private long count(String sql) throws Exception {
        return Checksums.single(shops.destination(), sql);
    }

    @Test
    void ordersWithItemsFindTheirCustomersItemsAndAddressesAndARerunChangesNothing() throws Exception {
        importFile("customer", "customers_with_addresses.csv");

        SyncJob orders = importFile("order", "orders_with_items.csv");

        assertEquals(3, orders.report().count(Outcome.CREATED));
        assertEquals("john.doe@example.com|0", text("SELECT CONCAT(c.email, '|', o.customer_is_guest) FROM sales_flat_order o"
                + " JOIN customer_entity c ON c.entity_id = o.customer_id WHERE o.increment_id = 'ORD-001'"));
        assertEquals("jane.smith@example.com", text("SELECT c.email FROM sales_flat_order o JOIN customer_entity c"
                + " ON c.entity_id = o.customer_id WHERE o.increment_id = 'ORD-003'"));
        assertEquals("1|NOT LOGGED IN|null", text("SELECT CONCAT(o.customer_is_guest, '|', g.customer_group_code, '|',"
                + " IFNULL(o.customer_id, 'null')) FROM sales_flat_order o JOIN customer_group g ON g.customer_group_id = o.customer_group_id"
                + " WHERE o.increment_id = 'ORD-002'"), "a guest's order stays a guest's");
        assertEquals("PROD-001:1.0000:99.9500:99.9500:109.9500|PROD-002:1.0000:49.9500:49.9500:54.9500", text(
                "SELECT GROUP_CONCAT(CONCAT_WS(':', i.sku, i.qty_ordered, i.price, i.row_total, i.row_total_incl_tax) ORDER BY i.sku"
                        + " SEPARATOR '|') FROM sales_flat_order_item i JOIN sales_flat_order o ON o.entity_id = i.order_id"
                        + " WHERE o.increment_id = 'ORD-001'"));
        assertEquals(0, count("SELECT COUNT(*) FROM sales_flat_order_item WHERE product_id IS NOT NULL"),
                "the files' skus are not products of this shop: items keep sku, name and prices without one");
        assertEquals("WIDGET-A:49.9500", text("SELECT CONCAT(i.sku, ':', i.price) FROM sales_flat_order_item i JOIN sales_flat_order o"
                + " ON o.entity_id = i.order_id WHERE o.increment_id = 'ORD-002'"), "the SKU:qty:price shorthand");
        assertEquals("billing:Sydney|shipping:Melbourne", addresses("ORD-001"));
        assertEquals("billing:Brisbane|shipping:Brisbane", addresses("ORD-003"), "same_as_billing copies the billing address");
        assertEquals("billing", text("SELECT a.address_type FROM sales_flat_order o JOIN sales_flat_order_address a"
                + " ON a.entity_id = o.billing_address_id WHERE o.increment_id = 'ORD-001'"));
        assertEquals("John Doe|checkmo|165.9000", text("SELECT CONCAT_WS('|', g.billing_name, p.method, p.amount_ordered)"
                + " FROM sales_flat_order o JOIN sales_flat_order_grid g ON g.entity_id = o.entity_id"
                + " JOIN sales_flat_order_payment p ON p.parent_id = o.entity_id WHERE o.increment_id = 'ORD-001'"));
        assertEquals("-9.0000|-9.0000|SAVE10", text("SELECT CONCAT_WS('|', discount_amount, base_discount_amount, coupon_code)"
                + " FROM sales_flat_order WHERE increment_id = 'ORD-001'"), "base amounts default to the order's");
        assertTrue(orders.report().warnings().keySet().stream().anyMatch(w -> w.contains("sales_flat_order_item.product_id")),
                orders.report().warnings().toString());

        Map<String, String> before = Checksums.of(shops.destination());
        SyncJob again = importFile("order", "orders_with_items.csv");
        assertEquals(3, again.report().count(Outcome.UNCHANGED));
        Checksums.assertUnchanged(before, Checksums.of(shops.destination()));
    }

    @Test
    void ordersBasicOfCustomersTheDestinationLacksAreGuestOrders() throws Exception {
        SyncJob orders = importFile("order", "orders_basic.csv");

        assertEquals(2, orders.report().count(Outcome.CREATED));
        assertEquals(2, count("SELECT COUNT(*) FROM sales_flat_order WHERE customer_id IS NULL AND customer_is_guest = 1"));
        assertEquals("processing|processing|199.0000|Jane Smith", text("SELECT CONCAT_WS('|', o.state, o.status, o.grand_total,"
                + " g.billing_name) FROM sales_flat_order o JOIN sales_flat_order_grid g ON g.entity_id = o.entity_id"
                + " WHERE o.increment_id = 'ORD-002'"));
        assertEquals(4, count("SELECT COUNT(*) FROM sales_flat_order_address"), "billing, and shipping the same as billing");
        assertTrue(orders.report().warnings().keySet().stream().anyMatch(w -> w.contains("imported as guest orders")),
                orders.report().warnings().toString());
    }

    @Test
    void newsletterSubscribersCsvImportsEverySubscriberWithItsStatusStoreAndCustomer() throws Exception {
        importFile("customer", "customers_with_addresses.csv");

        SyncJob subscribers = importFile("newsletter", "newsletter_subscribers.csv");

        assertEquals(5, subscribers.report().count(Outcome.CREATED));
        ConnectionSettings destination = shops.destination();
        assertEquals("newsletter1@example.com:1:wholesale_en|newsletter2@example.com:1:wholesale_en|newsletter3@example.com:1:wholesale_en"
                        + "|newsletter5@example.com:1:default|unsubscribed@example.com:3:wholesale_en",
                Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT_WS(':', n.subscriber_email, n.subscriber_status, s.code)"
                        + " ORDER BY n.subscriber_email SEPARATOR '|') FROM newsletter_subscriber n JOIN core_store s ON s.store_id = n.store_id"),
                "store ids in a file are the destination's own");
        assertEquals(0, count("SELECT COUNT(*) FROM newsletter_subscriber WHERE subscriber_email = 'newsletter3@example.com'"
                + " AND customer_id <> 0"), "customer 5001 is not on the destination: the subscriber is a guest");
        assertTrue(subscribers.report().warnings().keySet().stream().anyMatch(w -> w.contains("subscriber_firstname")),
                "columns the table does not have are reported: " + subscribers.report().warnings());

        SyncJob again = importFile("newsletter", "newsletter_subscribers.csv");
        assertEquals(5, again.report().count(Outcome.UNCHANGED));
        assertEquals(5, count("SELECT COUNT(*) FROM newsletter_subscriber"));
    }

    @Test
    void badOrderLinesAreDeadLetteredWithTheirReasonsAndTheValidOnesLand() throws Exception {
        Path file = java.nio.file.Files.createTempFile("orders", ".csv");
        java.nio.file.Files.writeString(file, String.join("\n",
                "entity_id,increment_id,customer_email,grand_total,base_grand_total,billing_firstname,billing_lastname,billing_street,"
                        + "billing_city,billing_country_id,items",
                "1,BAD-1,anna@example.com,10.00,10.00,Anna,Ant,1 Road,Town,DE,\"[{\"\"sku\"\":\"\"A\"\",\"\"qty_ordered\"\":1\"",
                "2,BAD 2,bert@example.com,10.00,10.00,Bert,Bee,2 Road,Town,DE,A:1:10.00",
                "3,BAD-3,carl@example.com,10.00,10.00,Carl,Cat,3 Road,Town,DE,A:zero:10.00",
                "4,OK-4,dora@example.com,10.00,10.00,Dora,Dog,4 Road,Town,DE,A:1:10.00",
                "5,BAD-5,not-an-email,10.00,10.00,Emil,Eel,5 Road,Town,DE,A:1:ten") + "\n");
        try {
            SyncJob job = dataSync.sync(new JobSpec().entityType("order").sourceSystem("legacy").adapter("csv").file(file)
                    .skipInvalid(true), shops.destination());

            assertFalse(job.failed(), () -> String.valueOf(job.failure()));
            assertEquals(1, job.report().count(Outcome.CREATED));
            assertEquals(4, job.report().count(Outcome.INVALID));
            assertEquals("OK-4", text("SELECT GROUP_CONCAT(increment_id) FROM sales_flat_order"));
            String reasons = String.join("\n", java.nio.file.Files.readAllLines(job.deadLetterFile()));
            for (String expected : List.of("line 2", "items", "is not valid JSON", "line 3", "'BAD 2' may hold only letters, digits",
                    "line 4", "items[1].qty_ordered", "'zero' is not a quantity above 0", "line 6", "'not-an-email' is not a valid email",
                    "items[1].price", "'ten' is not a number")) {
                assertTrue(reasons.contains(expected), expected + " in " + reasons);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private String addresses(String order) throws Exception {
        return text("SELECT GROUP_CONCAT(CONCAT(a.address_type, ':', a.city) ORDER BY a.address_type SEPARATOR '|')"
                + " FROM sales_flat_order_address a JOIN sales_flat_order o ON o.entity_id = a.parent_id WHERE o.increment_id = '" + order + "'");
    }
}
