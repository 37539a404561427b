package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.maho.datasync.db.ConnectionSettings;

/**
 * A real shop's history, planted in the OpenMage sample shop: a customer whose website was deleted, orders whose
 * customer group, store view, product or customer no longer exists, a store-view value that hides the default with
 * NULL, a customer attribute of the shop's own, configuration at every scope and credentials that must stay. Everything arrives; nothing is rejected for it; verify finds the two
 * shops equal; a second run changes nothing.
 */
class ShopHistoryTest {

    @RegisterExtension
    static final RealShops shops = new RealShops("om_history");
    private static ConnectionSettings source;
    private static ConnectionSettings destination;

    @BeforeAll
    static void plantHistory() throws Exception {
        source = shops.source();
        destination = shops.destination();
        try (Connection connection = TestServer.connect(source); Statement sql = connection.createStatement()) {
            sql.execute("SET FOREIGN_KEY_CHECKS = 0");
            sql.executeUpdate("UPDATE customer_entity SET website_id = NULL WHERE email = 'lucas.hall.6@example.com'");
            sql.executeUpdate("UPDATE sales_flat_order SET customer_group_id = 99 WHERE increment_id = '100000002'");
            sql.executeUpdate("UPDATE sales_flat_order SET store_id = 99 WHERE increment_id = '100000003'");
            sql.executeUpdate("UPDATE sales_flat_order_item i JOIN sales_flat_order o ON o.entity_id = i.order_id SET i.store_id = 99"
                    + " WHERE o.increment_id = '100000003'");
            sql.executeUpdate("UPDATE sales_flat_order_item i JOIN sales_flat_order o ON o.entity_id = i.order_id"
                    + " SET i.product_id = 99999 WHERE o.increment_id = '100000004'");
            sql.executeUpdate("UPDATE sales_flat_order SET customer_id = 99999 WHERE increment_id = '100000005'");
            // the German view hides the default name of one product with a NULL row
            sql.executeUpdate("INSERT INTO catalog_product_entity_varchar (entity_type_id, attribute_id, store_id, entity_id, value)"
                    + " SELECT p.entity_type_id, a.attribute_id, 2, p.entity_id, NULL FROM catalog_product_entity p"
                    + " JOIN eav_attribute a ON a.attribute_code = 'name' AND a.entity_type_id = p.entity_type_id WHERE p.sku = 'ecco_3'");
            // a customer attribute of the shop's own, shown in two forms, with a value
            sql.executeUpdate("INSERT INTO eav_attribute (entity_type_id, attribute_code, backend_type, frontend_input,"
                    + " frontend_label, is_user_defined) VALUES (1, 'loyalty_number', 'varchar', 'text', 'Loyalty number', 1)");
            sql.executeUpdate("INSERT INTO customer_eav_attribute (attribute_id, is_visible, sort_order) SELECT attribute_id, 1, 200"
                    + " FROM eav_attribute WHERE attribute_code = 'loyalty_number'");
            sql.executeUpdate("INSERT INTO customer_form_attribute (form_code, attribute_id) SELECT f.code, a.attribute_id FROM"
                    + " eav_attribute a JOIN (SELECT 'adminhtml_customer' code UNION SELECT 'customer_account_edit') f"
                    + " WHERE a.attribute_code = 'loyalty_number'");
            // configuration at every scope, and paths that must never travel
            sql.executeUpdate("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES"
                    + " ('stores', 2, 'general/locale/code', 'de_DE'), ('stores', 3, 'general/locale/code', 'fr_FR'),"
                    + " ('websites', 1, 'design/theme/default', 'modern'), ('default', 0, 'web/cookie/cookie_domain', 'shop.example'),"
                    + " ('default', 0, 'payment/paypal_express/api_password', '0:2:secret'),"
                    + " ('default', 0, 'carriers/ups/access_license_number', '0:2:secret')");
            sql.executeUpdate("INSERT INTO customer_entity_varchar (entity_type_id, attribute_id, entity_id, value)"
                    + " SELECT 1, a.attribute_id, c.entity_id, 'LN-0042' FROM eav_attribute a JOIN customer_entity c"
                    + " ON c.email = 'emma.schmidt.1@example.com' WHERE a.attribute_code = 'loyalty_number'");
        }
    }

    @Test
    void aShopWithHistoryArrivesWholeAndEqual() throws Exception {
        CliTest.Result sync = cli("sync", "all", "live");

        assertEquals(0, sync.exit(), sync.out() + sync.err());
        assertTrue(sync.out().contains("order warnings:"), sync.out());
        assertTrue(sync.out().contains("order.customer_group_id: points at a customer group the source no longer has; written empty"),
                sync.out());
        assertTrue(sync.out().contains("order.store_id: points at a store the source no longer has; written empty"), sync.out());
        assertTrue(sync.out().contains("order.customer_id: points at a customer the source no longer has; written without one"),
                sync.out());
        for (String line : sync.out().split("\n")) {
            if (line.matches("^[a-z_]+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+.*")) {
                assertEquals("0", line.trim().split("\\s+")[6], "nothing invalid: " + line);
            }
        }

        assertEquals("NULL|2", Checksums.text(destination, "SELECT CONCAT(IFNULL(c.website_id, 'NULL'), '|', COUNT(o.entity_id))"
                + " FROM customer_entity c JOIN sales_flat_order o ON o.customer_id = c.entity_id"
                + " WHERE c.email = 'lucas.hall.6@example.com' GROUP BY c.entity_id"), "the website-less customer, with both orders");
        assertEquals("NULL", order("IFNULL(customer_group_id, 'NULL')", "100000002"));
        assertEquals("NULL", order("IFNULL(store_id, 'NULL')", "100000003"));
        assertEquals("NULL", order("IFNULL(customer_id, 'NULL')", "100000005"));
        assertEquals(order("customer_email", "100000005"), "mia.miller.7@example.com", "the document keeps who placed it");
        assertNull(Checksums.text(destination, "SELECT GROUP_CONCAT(i.product_id) FROM sales_flat_order_item i JOIN sales_flat_order o"
                + " ON o.entity_id = i.order_id WHERE o.increment_id = '100000004'"), "items of a deleted product keep no product");
        assertEquals(Checksums.text(source, "SELECT GROUP_CONCAT(i.sku ORDER BY i.sku) FROM sales_flat_order_item i JOIN sales_flat_order o"
                        + " ON o.entity_id = i.order_id WHERE o.increment_id = '100000004'"),
                Checksums.text(destination, "SELECT GROUP_CONCAT(i.sku ORDER BY i.sku) FROM sales_flat_order_item i JOIN sales_flat_order o"
                        + " ON o.entity_id = i.order_id WHERE o.increment_id = '100000004'"), "...but their sku and name");
        assertEquals(1L, Checksums.single(destination, "SELECT COUNT(*) FROM catalog_product_entity_varchar v JOIN catalog_product_entity p"
                + " ON p.entity_id = v.entity_id JOIN core_store s ON s.store_id = v.store_id JOIN eav_attribute a ON a.attribute_id ="
                + " v.attribute_id WHERE p.sku = 'ecco_3' AND s.code = 'german' AND a.attribute_code = 'name' AND v.value IS NULL"),
                "the German view's NULL row, which hides the default name there");
        assertEquals("adminhtml_customer,customer_account_edit|LN-0042", Checksums.text(destination,
                "SELECT CONCAT((SELECT GROUP_CONCAT(f.form_code ORDER BY f.form_code) FROM customer_form_attribute f"
                        + " WHERE f.attribute_id = a.attribute_id), '|', v.value) FROM eav_attribute a JOIN customer_entity_varchar v"
                        + " ON v.attribute_id = a.attribute_id JOIN customer_entity c ON c.entity_id = v.entity_id"
                        + " WHERE a.attribute_code = 'loyalty_number' AND c.email = 'emma.schmidt.1@example.com'"),
                "the shop's own customer attribute, its forms and its value");

        String config = "SELECT GROUP_CONCAT(CONCAT(c.scope, ':', COALESCE(s.code, w.code, ''), ':', c.path, '=', c.value)"
                + " ORDER BY c.scope, c.path, s.code) FROM core_config_data c LEFT JOIN core_store s ON c.scope = 'stores' AND"
                + " s.store_id = c.scope_id LEFT JOIN core_website w ON c.scope = 'websites' AND w.website_id = c.scope_id"
                + " WHERE c.path IN ('general/locale/code', 'design/theme/default')";
        assertEquals("default::general/locale/code=en_US,stores:french:general/locale/code=fr_FR,"
                + "stores:german:general/locale/code=de_DE,websites:base:design/theme/default=modern", Checksums.text(destination, config),
                "values by scope code, the store views' ids being the destination's");
        assertEquals(0L, Checksums.single(destination, "SELECT COUNT(*) FROM core_config_data WHERE value IN ('shop.example', '0:2:secret')"),
                "the cookie domain and credentials never travel");
        assertEquals("http://127.0.0.1/", Checksums.text(destination, "SELECT value FROM core_config_data WHERE path = 'web/unsecure/base_url'"));
        for (String path : List.of("web/cookie/cookie_domain", "payment/paypal_express/api_password", "carriers/ups/access_license_number",
                "web/unsecure/base_url", "web/secure/base_url")) {
            assertTrue(sync.out().contains("config " + path + ": never copied, it must differ between shops (datasync.config.never)"),
                    path + ": " + sync.out());
        }

        CliTest.Result verify = cli("verify", "live");
        assertEquals(0, verify.exit(), verify.out() + verify.err());

        Map<String, String> before = Checksums.of(destination);
        assertEquals(0, cli("sync", "all", "live").exit());
        Checksums.assertUnchanged(before, Checksums.of(destination));
    }

    private static String order(String column, String incrementId) throws Exception {
        return Checksums.text(destination, "SELECT " + column + " FROM sales_flat_order WHERE increment_id = '" + incrementId + "'");
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(source, destination, command);
    }
}
