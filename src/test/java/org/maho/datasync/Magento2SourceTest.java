package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;

/**
 * The real Magento 2.4.2 database (its whole schema, MSI included) as a source for what the magento2 adapter reads
 * so far: with a German store view, a customer group, customers with addresses in Magento 2's four password forms,
 * a customer's and a guest's orders with an invoice, a shipment and a credit memo, subscribers and a CMS block and page
 * planted in it, {@code sync all -a magento2} into the clean OpenMage install moves its stores, configuration, tax
 * classes, rates and rules, groups, customers (static columns into OpenMage's attribute values, md5 and sha256 hashes in OpenMage's
 * form, the others listed for a reset), sales (renamed tax columns back, JSON values PHP-serialized), subscribers and
 * CMS content by code and identifier,
 * each page's Magento 2 layout as OpenMage's template, a shop's own product attributes with Magento 2's classes as
 * OpenMage's model aliases, the install's categories with their values; {@code verify -a magento2} finds them equal; a second run
 * changes nothing; the types it does not read yet are named, not attempted.
 */
class Magento2SourceTest {

    private static final Path SCHEMA = Path.of("../shared/fixtures/magento2/magento-2.4.2-schema.sql.gz");
    private static final String STORES = "SELECT GROUP_CONCAT(CONCAT_WS('|', w.code, g.name, s.code, s.name, s.is_active) ORDER BY s.code)"
            + " FROM %s s JOIN %s g ON g.group_id = s.group_id JOIN %s w ON w.website_id = s.website_id";
    private static final String SUBSCRIBERS = "SELECT GROUP_CONCAT(CONCAT_WS('|', n.subscriber_email, s.code, n.subscriber_status,"
            + " n.change_status_at) ORDER BY n.subscriber_email) FROM newsletter_subscriber n JOIN %s s ON s.store_id = n.store_id";
    private static final String BLOCKS = "SELECT GROUP_CONCAT(CONCAT_WS('|', b.identifier, b.title, b.content, b.is_active, (SELECT"
            + " GROUP_CONCAT(s.code ORDER BY s.code) FROM cms_block_store x JOIN %s s ON s.store_id = x.store_id WHERE x.block_id"
            + " = b.block_id)) ORDER BY b.identifier) FROM cms_block b WHERE b.identifier LIKE 'm2-%%'";

    /** A customer's and a guest's orders as Magento 2 keeps them, with an invoice, a shipment and a credit memo. */
    private static final String ORDERS = """
            INSERT INTO sales_order (entity_id, state, status, protect_code, shipping_description, is_virtual, store_id, customer_id, base_grand_total, base_subtotal, grand_total, subtotal, base_tax_amount, tax_amount, base_shipping_amount, shipping_amount, discount_tax_compensation_amount, base_discount_tax_compensation_amount, total_qty_ordered, customer_is_guest, customer_group_id, increment_id, base_currency_code, order_currency_code, global_currency_code, store_currency_code, customer_email, customer_firstname, customer_lastname, billing_address_id, shipping_address_id, created_at, updated_at, shipping_method, store_name, weight) VALUES
            (1, 'complete', 'complete', 'abc123', 'Flat Rate - Fixed', 0, 2, 1, 125.0000, 100.0000, 125.0000, 100.0000, 19.0000, 19.0000, 5.0000, 5.0000, 1.2500, 1.2500, 3.0000, 0, 1, '000000001', 'EUR', 'EUR', 'EUR', 'EUR', 'anna@example.com', 'Anna', 'Berg', 1, 2, '2024-03-01 10:00:00', '2024-03-02 10:00:00', 'flatrate_flatrate', 'Main Website\\nMain Website Store\\nDeutsch', 2.5000),
            (2, 'new', 'pending', 'def456', 'Flat Rate - Fixed', 0, 1, NULL, 50.0000, 45.0000, 50.0000, 45.0000, 0.0000, 0.0000, 5.0000, 5.0000, 0.0000, 0.0000, 1.0000, 1, 0, '000000002', 'USD', 'USD', 'USD', 'USD', 'guest@example.org', 'Gus', 'Guest', 3, NULL, '2024-04-01 12:00:00', '2024-04-01 12:00:00', 'flatrate_flatrate', 'Main Website\\nMain Website Store\\nDefault Store View', 1.0000);
            INSERT INTO sales_order_address (entity_id, parent_id, customer_address_id, region_id, region, postcode, lastname, street, city, email, telephone, country_id, firstname, address_type) VALUES
            (1, 1, 1, (SELECT region_id FROM directory_country_region WHERE country_id = 'US' AND code = 'TX'), 'Texas', '78701', 'Berg', 'Main St 1', 'Austin', 'anna@example.com', '555-1234', 'US', 'Anna', 'billing'),
            (2, 1, 2, NULL, 'Berlin', '10115', 'Berg', 'Unter den Linden 5', 'Berlin', 'anna@example.com', '030-1234', 'DE', 'Anna', 'shipping'),
            (3, 2, NULL, NULL, NULL, '75001', 'Guest', 'Rue 1', 'Paris', 'guest@example.org', '01', 'FR', 'Gus', 'billing');
            INSERT INTO sales_order_item (item_id, order_id, parent_item_id, store_id, created_at, updated_at, product_id, product_type, product_options, weight, sku, name, qty_ordered, qty_invoiced, qty_shipped, qty_refunded, price, base_price, row_total, base_row_total, tax_percent, tax_amount, discount_tax_compensation_amount, weee_tax_applied) VALUES
            (1, 1, NULL, 2, '2024-03-01 10:00:00', '2024-03-01 10:00:00', NULL, 'configurable', '{"info_buyRequest":{"qty":"2","super_attribute":{"93":"52"},"options":[]},"attributes_info":[{"label":"Color","value":"Red","option_id":93,"option_value":"52"}],"simple_name":"Shirt Red","simple_sku":"shirt-red","product_calculations":1,"shipment_type":0,"price":12.5}', 1.0000, 'shirt-red', 'Shirt', 2.0000, 2.0000, 2.0000, 1.0000, 40.0000, 40.0000, 80.0000, 80.0000, 19.0000, 15.2000, 1.0000, '[]'),
            (2, 1, 1, 2, '2024-03-01 10:00:00', '2024-03-01 10:00:00', NULL, 'simple', '{"info_buyRequest":{"qty":"2"}}', 1.0000, 'shirt-red', 'Shirt Red', 2.0000, 2.0000, 2.0000, 1.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, NULL),
            (3, 1, NULL, 2, '2024-03-01 10:00:00', '2024-03-01 10:00:00', NULL, 'simple', '{"info_buyRequest":{"qty":1,"options":{"7":"Gravur: Anna"}},"options":[{"label":"Engraving","value":"Gravur: Anna","option_id":"7"}]}', 0.5000, 'mug', 'Mug – «Grüße»', 1.0000, 1.0000, 1.0000, 0.0000, 20.0000, 20.0000, 20.0000, 20.0000, 19.0000, 3.8000, 0.2500, NULL),
            (4, 2, NULL, 1, '2024-04-01 12:00:00', '2024-04-01 12:00:00', NULL, 'simple', '{"info_buyRequest":{"qty":"1"}}', 1.0000, 'cap', 'Cap', 1.0000, 0.0000, 0.0000, 0.0000, 45.0000, 45.0000, 45.0000, 45.0000, 0.0000, 0.0000, 0.0000, NULL);
            INSERT INTO sales_order_payment (entity_id, parent_id, base_amount_paid, amount_paid, base_amount_ordered, amount_ordered, method, cc_last_4, additional_information) VALUES
            (1, 1, 125.0000, 125.0000, 125.0000, 125.0000, 'checkmo', NULL, '{"method_title":"Check \\\\/ Money order"}'),
            (2, 2, NULL, NULL, 50.0000, 50.0000, 'ccsave', '1111', '{"method_title":"Credit Card","cc_exp":[12,2030],"amount":1.5}');
            INSERT INTO sales_order_status_history (entity_id, parent_id, is_customer_notified, is_visible_on_front, comment, status, created_at, entity_name) VALUES
            (1, 1, 1, 0, 'Shipped in one parcel', 'complete', '2024-03-02 10:00:00', 'order');
            INSERT INTO sales_order_grid (entity_id, status, store_id, store_name, customer_id, base_grand_total, grand_total, increment_id, base_currency_code, order_currency_code, shipping_name, billing_name, created_at, updated_at, billing_address, shipping_address, customer_email, customer_name, payment_method) VALUES
            (1, 'complete', 2, 'Deutsch', 1, 125.0000, 125.0000, '000000001', 'EUR', 'EUR', 'Anna Berg', 'Anna Berg', '2024-03-01 10:00:00', '2024-03-02 10:00:00', 'Main St 1 Austin', 'Unter den Linden 5 Berlin', 'anna@example.com', 'Anna Berg', 'checkmo'),
            (2, 'pending', 1, 'Default Store View', NULL, 50.0000, 50.0000, '000000002', 'USD', 'USD', NULL, 'Gus Guest', '2024-04-01 12:00:00', '2024-04-01 12:00:00', 'Rue 1 Paris', NULL, 'guest@example.org', 'Gus Guest', 'ccsave');
            INSERT INTO sales_invoice (entity_id, store_id, base_grand_total, grand_total, order_id, state, increment_id, created_at, updated_at, discount_tax_compensation_amount, billing_address_id, shipping_address_id, total_qty) VALUES
            (1, 2, 125.0000, 125.0000, 1, 2, '000000001', '2024-03-01 11:00:00', '2024-03-01 11:00:00', 1.2500, 1, 2, 3.0000);
            INSERT INTO sales_invoice_item (entity_id, parent_id, order_item_id, sku, name, qty, price, row_total, discount_tax_compensation_amount, weee_tax_applied) VALUES
            (1, 1, 1, 'shirt-red', 'Shirt', 2.0000, 40.0000, 80.0000, 1.0000, '[]'),
            (2, 1, 3, 'mug', 'Mug – «Grüße»', 1.0000, 20.0000, 20.0000, 0.2500, NULL);
            INSERT INTO sales_shipment (entity_id, store_id, total_qty, order_id, increment_id, created_at, updated_at, packages, billing_address_id, shipping_address_id) VALUES
            (1, 2, 3.0000, 1, '000000001', '2024-03-02 09:00:00', '2024-03-02 09:00:00', '{"1":{"params":{"container":"","weight":2.5},"items":{"1":{"qty":"2","name":"Shirt"}}}}', 1, 2);
            INSERT INTO sales_shipment_item (entity_id, parent_id, order_item_id, sku, name, qty) VALUES (1, 1, 1, 'shirt-red', 'Shirt', 2.0000), (2, 1, 3, 'mug', 'Mug – «Grüße»', 1.0000);
            INSERT INTO sales_shipment_track (entity_id, parent_id, order_id, track_number, title, carrier_code, created_at, updated_at) VALUES (1, 1, 1, '1Z999', 'UPS', 'ups', '2024-03-02 09:00:00', '2024-03-02 09:00:00');
            INSERT INTO sales_creditmemo (entity_id, store_id, grand_total, base_grand_total, order_id, state, increment_id, created_at, updated_at, discount_tax_compensation_amount, billing_address_id, shipping_address_id) VALUES
            (1, 2, 40.0000, 40.0000, 1, 2, '000000001', '2024-03-05 09:00:00', '2024-03-05 09:00:00', 0.5000, 1, 2);
            INSERT INTO sales_creditmemo_item (entity_id, parent_id, order_item_id, sku, name, qty, price, row_total, discount_tax_compensation_amount) VALUES (1, 1, 1, 'shirt-red', 'Shirt', 1.0000, 40.0000, 40.0000, 0.5000);
            """;

    /** The install's own product in a second source beside its default one (101). */
    private static final String SOURCE_ITEMS = "INSERT IGNORE INTO inventory_source_item (source_code, sku, quantity, status) VALUES"
            + " ('default', 'PLANT1', 101, 1), ('eu', 'PLANT1', 20, 1)";

    private static final String STOCK = "SELECT CONCAT(s.qty, ':', s.is_in_stock) FROM cataloginventory_stock_item s JOIN"
            + " catalog_product_entity p ON p.entity_id = s.product_id WHERE p.sku = 'PLANT1'";

    private static String productValue(String backend, String code) {
        return "(SELECT x.value FROM catalog_product_entity_" + backend + " x JOIN eav_attribute a ON a.attribute_id = x.attribute_id"
                + " AND a.attribute_code = '" + code + "' AND a.entity_type_id = p.entity_type_id WHERE x.entity_id = p.entity_id AND"
                + " x.store_id = 0)";
    }

    private static final String PLANT = "SELECT CONCAT_WS('|', p.type_id, " + productValue("varchar", "name") + ", "
            + productValue("varchar", "url_key") + ", TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM " + productValue("decimal", "price")
            + ")), (SELECT t.class_name FROM tax_class t WHERE t.class_id = " + productValue("int", "tax_class_id") + "), (SELECT"
            + " GROUP_CONCAT(v.value) FROM catalog_category_product c JOIN catalog_category_entity_varchar v ON v.entity_id = c.category_id"
            + " AND v.store_id = 0 AND v.attribute_id = (SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'url_key' AND"
            + " entity_type_id = 3) WHERE c.product_id = p.entity_id), (SELECT GROUP_CONCAT(w.code) FROM catalog_product_website x JOIN"
            + " core_website w ON w.website_id = x.website_id WHERE x.product_id = p.entity_id), (SELECT GROUP_CONCAT(g.value, ':',"
            + " v.position ORDER BY v.position) FROM catalog_product_entity_media_gallery g JOIN catalog_product_entity_media_gallery_value"
            + " v ON v.value_id = g.value_id AND v.store_id = 0 WHERE g.entity_id = p.entity_id), (SELECT CONCAT(s.qty, ':',"
            + " s.is_in_stock) FROM cataloginventory_stock_item s WHERE s.product_id = p.entity_id)) FROM catalog_product_entity p"
            + " WHERE p.sku = 'PLANT1'";

    private static DatabaseServer server;
    private static ConnectionSettings source;
    private static ConnectionSettings destination;

    @BeforeAll
    static void loadMagento2AndTheCleanInstall() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCHEMA), "needs ../shared/fixtures/magento2");
        server = TestServer.get();
        source = server.database(TestServer.uniqueName("m2_src"));
        destination = server.database(TestServer.uniqueName("m2_dst"));
        server.createDatabase(source.database());
        server.createDatabase(destination.database());
        DumpLoader.load(SCHEMA, source);
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), destination);
        TestShops.execute(source,
                "INSERT INTO store (store_id, code, website_id, group_id, name, sort_order, is_active) VALUES (2, 'german', 1, 1,"
                        + " 'Deutsch', 1, 1)",
                "INSERT INTO customer_group (customer_group_code, tax_class_id) VALUES ('Trade', 3)",
                "INSERT INTO newsletter_subscriber (store_id, change_status_at, customer_id, subscriber_email, subscriber_status,"
                        + " subscriber_confirm_code) VALUES (1, '2024-05-01 10:00:00', 0, 'reader@example.net', 1, 'abc'),"
                        + " (2, '2024-06-01 11:30:00', 0, 'leser@example.de', 3, 'def')",
                "INSERT INTO cms_block (block_id, title, identifier, content, is_active) VALUES (10, 'Sale', 'm2-sale',"
                        + " '<p>Sale {{widget type=\"Magento\\\\Cms\\\\Block\\\\Widget\\\\Block\" block_id=\"11\"}}</p>', 1),"
                        + " (11, 'Banner', 'm2-banner', '<p>Grüße</p>', 1)",
                "INSERT INTO cms_block_store (block_id, store_id) VALUES (10, 0), (11, 2)",
                "INSERT INTO cms_page (title, page_layout, identifier, content, is_active, meta_title) VALUES"
                        + " ('Shipping', '2columns-left', 'shipping', '<p>Two days</p>', 1, 'Shipping times'),"
                        + " ('Landing', 'cms-full-width', 'landing', '<p>Welcome</p>', 1, NULL)",
                "INSERT INTO cms_page_store (page_id, store_id) SELECT page_id, 0 FROM cms_page WHERE identifier IN ('shipping', 'landing')",
                // Magento 2's four password forms: md5 (0) and sha256 (1) of salt + password, Argon2id, an upgraded chain
                "INSERT INTO customer_entity (entity_id, website_id, email, group_id, store_id, created_at, is_active, created_in,"
                        + " firstname, lastname, dob, password_hash, gender, taxvat) VALUES"
                        + " (1, 1, 'anna@example.com', 1, 2, '2023-01-02 03:04:05', 1, 'Deutsch', 'Anna', 'Berg', '1980-05-06',"
                        + " CONCAT(MD5('pepperanna-secret'), ':pepper:0'), 2, 'DE123'),"
                        + " (2, 1, 'ben@example.com', 4, 1, '2023-02-03 04:05:06', 1, 'Default Store View', 'Ben', 'Cole', NULL,"
                        + " CONCAT(SHA2('saltyben-secret', 256), ':salty:1'), 1, NULL),"
                        + " (3, 1, 'cleo@example.com', 1, 1, '2023-03-04 05:06:07', 1, 'Default Store View', 'Cleo', 'Dunn', NULL,"
                        + " 'c0ffee:0123456789abcdef0123456789abcdef:3_32_2_67108864', 3, NULL),"
                        + " (4, 1, 'dan@example.com', 1, 1, '2023-04-05 06:07:08', 1, 'Default Store View', 'Dan', 'Eve', NULL,"
                        + " 'beef:salt:0:2', NULL, NULL)",
                "INSERT INTO customer_address_entity (entity_id, parent_id, city, country_id, firstname, lastname, postcode, region_id,"
                        + " region, street, telephone) VALUES"
                        + " (1, 1, 'Austin', 'US', 'Anna', 'Berg', '78701', (SELECT region_id FROM directory_country_region WHERE"
                        + " country_id = 'US' AND code = 'TX'), 'Texas', 'Main St 1\nSuite 2', '555-1234'),"
                        + " (2, 1, 'Berlin', 'DE', 'Anna', 'Berg', '10115', (SELECT region_id FROM directory_country_region WHERE"
                        + " country_id = 'DE' AND code = 'BER'), 'Berlin', 'Unter den Linden 5', '030-1234'),"
                        + " (3, 2, 'Paris', 'FR', 'Ben', 'Cole', '75001', NULL, NULL, 'Rue de Rivoli 1', '01-2345')",
                "UPDATE customer_entity SET default_billing = 1, default_shipping = 2 WHERE entity_id = 1",
                "UPDATE customer_entity SET default_billing = 3, default_shipping = 3 WHERE entity_id = 2");
        TestShops.execute(source, ORDERS.split(";\n"));
        TestShops.execute(source, CATALOG);
        TestShops.execute(source, RULES);
        TestShops.execute(source, "INSERT INTO inventory_source (source_code, name, enabled, country_id, postcode) VALUES ('eu',"
                + " 'EU warehouse', 1, 'DE', '10115')", SOURCE_ITEMS);
        // a customer's review of the install's product with a vote; Magento 2's switched-off rating (Price)
        TestShops.execute(source, "INSERT INTO review (review_id, created_at, entity_id, entity_pk_value, status_id) VALUES"
                        + " (1, '2024-03-01 10:00:00', 1, 1, 1)",
                "INSERT INTO review_detail (review_id, store_id, title, detail, nickname, customer_id) VALUES (1, 1, 'Lovely',"
                        + " 'Grows fast', 'Anna', 1)",
                "INSERT INTO review_store (review_id, store_id) VALUES (1, 0), (1, 1)",
                "INSERT INTO rating_option_vote (option_id, remote_ip, remote_ip_long, customer_id, entity_pk_value, rating_id,"
                        + " review_id, percent, value) SELECT option_id, '10.0.0.1', 167772161, 1, 1, 1, 1, 80, 4 FROM rating_option"
                        + " WHERE rating_id = 1 AND value = 4",
                "INSERT INTO rating_store (rating_id, store_id) VALUES (1, 1), (3, 1)",
                "UPDATE rating SET is_active = 0 WHERE rating_code = 'Price'");
        // a shop's own rewrites beside the ones Magento 2 made (autogenerated): a product's old URL, the product in a
        // category for the german view, a CMS page, an external redirect
        TestShops.execute(source, "INSERT INTO url_rewrite (entity_type, entity_id, request_path, target_path, redirect_type, store_id,"
                + " description, is_autogenerated, metadata) VALUES ('product', 1, 'old-plant.html', 'strelitzias.html', 301, 1, 'moved',"
                + " 0, NULL), ('product', 1, 'pflanzen/strelitzie.html', 'catalog/product/view/id/1/category/3', 0, 2, NULL, 0,"
                + " '{\"category_id\":\"3\"}'), ('cms-page', 2, 'start.html', 'cms/page/view/page_id/2', 0, 1, NULL, 0, NULL),"
                + " ('custom', 0, 'blog', 'https://blog.example.com/', 302, 1, NULL, 0, NULL)");
        TestShops.execute(source, "INSERT INTO tax_calculation_rate (tax_calculation_rate_id, tax_country_id, tax_region_id, tax_postcode,"
                        + " code, rate) VALUES (3, 'DE', 0, '*', 'DE-*-19', 19.0000)",
                "INSERT INTO tax_calculation_rate_title (tax_calculation_rate_id, store_id, value) VALUES (3, 2, 'MwSt.')",
                "INSERT INTO tax_calculation_rule (tax_calculation_rule_id, code, priority, position, calculate_subtotal) VALUES"
                        + " (1, 'German VAT', 0, 0, 0)",
                "INSERT INTO tax_calculation (tax_calculation_rate_id, tax_calculation_rule_id, customer_tax_class_id, product_tax_class_id)"
                        + " SELECT 3, 1, c.class_id, p.class_id FROM tax_class c, tax_class p WHERE c.class_name = 'Retail Customer'"
                        + " AND p.class_name = 'Taxable Goods'");
    }

    /**
     * A shop's own product attributes as Magento 2 keeps them, naming Magento 2 classes as models (one of a vendor's, which
     * OpenMage has no counterpart of), with options and labels per store; a German name of a category, a Magento 2 layout.
     */
    private static final String[] CATALOG = {
            "INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type, frontend_input, frontend_label,"
                    + " source_model, backend_model, is_user_defined) VALUES"
                    + " (900, 4, 'flower_color', 'int', 'select', 'Flower colour', 'Magento\\\\Eav\\\\Model\\\\Entity\\\\Attribute\\\\Source\\\\Table', NULL, 1),"
                    + " (901, 4, 'occasion', 'varchar', 'multiselect', 'Occasion', NULL, 'Magento\\\\Eav\\\\Model\\\\Entity\\\\Attribute\\\\Backend\\\\ArrayBackend', 1),"
                    + " (902, 4, 'care_note', 'varchar', 'text', 'Care', NULL, 'Vendor\\\\Care\\\\Model\\\\Backend', 1)",
            "INSERT INTO catalog_eav_attribute (attribute_id, is_global, is_filterable, is_used_in_grid) VALUES (900, 0, 1, 1), (901, 1, 0, 0),"
                    + " (902, 1, 0, 0)",
            "INSERT INTO eav_attribute_label (attribute_id, store_id, value) VALUES (900, 2, 'Blütenfarbe')",
            "INSERT INTO eav_attribute_option (option_id, attribute_id, sort_order) VALUES (900, 900, 1), (901, 900, 2), (902, 901, 0), (903, 901, 1)",
            "INSERT INTO eav_attribute_option_value (option_id, store_id, value) VALUES (900, 0, 'Red'), (900, 2, 'Rot'), (901, 0, 'Yellow'),"
                    + " (902, 0, 'Birthday'), (903, 0, 'Wedding')",
            "INSERT INTO eav_entity_attribute (entity_type_id, attribute_set_id, attribute_group_id, attribute_id, sort_order) SELECT 4, 4,"
                    + " MIN(attribute_group_id), 900, 99 FROM eav_attribute_group WHERE attribute_set_id = 4",
            "INSERT INTO catalog_category_entity_varchar (attribute_id, store_id, entity_id, value) SELECT attribute_id, 2, 3, 'Pflanzen'"
                    + " FROM eav_attribute WHERE attribute_code = 'name' AND entity_type_id = 3",
            "INSERT INTO catalog_category_entity_varchar (attribute_id, store_id, entity_id, value) SELECT attribute_id, 0, 4, '2columns-left'"
                    + " FROM eav_attribute WHERE attribute_code = 'page_layout' AND entity_type_id = 3"};

    /**
     * A cart price rule with a coupon, a label and a subtotal condition, and a catalog price rule on a category, their
     * conditions as Magento 2 keeps them: JSON naming its own classes (| stands for a backslash, escaped in JSON).
     */
    private static final String[] RULES = {
            "INSERT INTO salesrule (rule_id, name, description, is_active, conditions_serialized, actions_serialized,"
                    + " stop_rules_processing, is_advanced, sort_order, simple_action, discount_amount, discount_step, apply_to_shipping,"
                    + " times_used, is_rss, coupon_type, use_auto_generation, uses_per_coupon, uses_per_customer) VALUES (1, 'Spring sale',"
                    + " 'Ten off', 1, " + json("{\"type\":\"Magento|SalesRule|Model|Rule|Condition|Combine\",\"attribute\":null,\"operator\":null,"
                    + "\"value\":\"1\",\"is_value_processed\":null,\"aggregator\":\"all\",\"conditions\":[{\"type\":"
                    + "\"Magento|SalesRule|Model|Rule|Condition|Address\",\"attribute\":\"base_subtotal\",\"operator\":\">=\","
                    + "\"value\":\"100\",\"is_value_processed\":false}]}") + ", " + json("{\"type\":"
                    + "\"Magento|SalesRule|Model|Rule|Condition|Product|Combine\",\"attribute\":null,\"operator\":null,\"value\":\"1\","
                    + "\"is_value_processed\":null,\"aggregator\":\"all\"}") + ", 0, 1, 0, 'by_percent', 10.0000, 0, 0, 3, 1, 2, 0, 0, 1)",
            "INSERT INTO salesrule_website (rule_id, website_id) VALUES (1, 1)",
            "INSERT INTO salesrule_customer_group (rule_id, customer_group_id) VALUES (1, 0), (1, 1)",
            "INSERT INTO salesrule_label (rule_id, store_id, label) VALUES (1, 2, 'Frühlingsrabatt')",
            "INSERT INTO salesrule_coupon (rule_id, code, usage_limit, usage_per_customer, times_used, is_primary, created_at, type)"
                    + " VALUES (1, 'SPRING10', 100, 1, 3, 1, '2024-03-01 00:00:00', 0)",
            "INSERT INTO catalogrule (rule_id, name, is_active, conditions_serialized, actions_serialized, stop_rules_processing,"
                    + " sort_order, simple_action, discount_amount) VALUES (1, 'Plant week', 1, " + json("{\"type\":"
                    + "\"Magento|CatalogRule|Model|Rule|Condition|Combine\",\"attribute\":null,\"operator\":null,\"value\":\"1\","
                    + "\"is_value_processed\":null,\"aggregator\":\"all\",\"conditions\":[{\"type\":"
                    + "\"Magento|CatalogRule|Model|Rule|Condition|Product\",\"attribute\":\"category_ids\",\"operator\":\"==\","
                    + "\"value\":\"3\",\"is_value_processed\":false}]}") + ", " + json("{\"type\":"
                    + "\"Magento|CatalogRule|Model|Rule|Action|Collection\",\"attribute\":null,\"operator\":\"=\",\"value\":null}")
                    + ", 0, 0, 'by_percent', 15.0000)",
            "INSERT INTO catalogrule_website (rule_id, website_id) VALUES (1, 1)",
            "INSERT INTO catalogrule_customer_group (rule_id, customer_group_id) VALUES (1, 0), (1, 1)"};

    /** A JSON text in SQL, each | a backslash as JSON escapes it. */
    private static String json(String text) {
        return "REPLACE('" + text + "', '|', CONCAT(CHAR(92), CHAR(92)))";
    }

    /** A customer on the destination as OpenMage keeps it, in EAV values, by codes: what Magento 2 kept in columns. */
    private static final String CUSTOMERS = "SELECT GROUP_CONCAT(CONCAT_WS('|', c.email, w.code, s.code, g.customer_group_code, "
            + value("varchar", "firstname") + ", " + value("varchar", "lastname") + ", IFNULL(" + value("datetime", "dob") + ", '-'),"
            + " IFNULL((SELECT o.value FROM eav_attribute_option_value o WHERE o.store_id = 0 AND o.option_id = " + value("int", "gender")
            + "), '-'), IFNULL(" + value("varchar", "password_hash") + ", '-'), IFNULL(" + street("default_billing") + ", '-'),"
            + " IFNULL(" + street("default_shipping") + ", '-')) ORDER BY c.email SEPARATOR '\\n')"
            + " FROM customer_entity c JOIN core_website w ON w.website_id = c.website_id JOIN core_store s ON s.store_id = c.store_id"
            + " JOIN customer_group g ON g.customer_group_id = c.group_id";

    private static String categoryValue(String code, String store) {
        return "(SELECT v.value FROM catalog_category_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND"
                + " a.attribute_code = '" + code + "' AND a.entity_type_id = c.entity_type_id WHERE v.entity_id = c.entity_id AND v.store_id = "
                + store + ")";
    }

    private static String value(String backend, String code) {
        return "(SELECT x.value FROM customer_entity_" + backend + " x JOIN eav_attribute a ON a.attribute_id = x.attribute_id"
                + " AND a.attribute_code = '" + code + "' AND a.entity_type_id = c.entity_type_id WHERE x.entity_id = c.entity_id)";
    }

    /** The street and region code of the address a customer's default points at. */
    private static String street(String defaultAddress) {
        return "(SELECT CONCAT(t.value, '/', IFNULL(r.code, '-')) FROM customer_address_entity_text t JOIN eav_attribute a"
                + " ON a.attribute_id = t.attribute_id AND a.attribute_code = 'street' LEFT JOIN customer_address_entity_int ri"
                + " ON ri.entity_id = t.entity_id AND ri.attribute_id = (SELECT attribute_id FROM eav_attribute WHERE attribute_code"
                + " = 'region_id' AND entity_type_id = a.entity_type_id) LEFT JOIN directory_country_region r ON r.region_id = ri.value"
                + " WHERE t.entity_id = " + value("int", defaultAddress) + ")";
    }

    @AfterAll
    static void drop() throws Exception {
        if (server != null) {
            server.dropDatabase(source.database());
            server.dropDatabase(destination.database());
        }
    }

    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(source, destination, command);
    }

    @Test
    void storesConfigurationGroupsSubscribersAndContentArriveAndVerifyEqual() throws Exception {
        CliTest.Result result = cli("sync", "all", "live", "-a", "magento2");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.err().contains("does not read these entity types") && result.err().contains("tag")
                && !result.err().contains("product") && !result.err().contains("urlrewrite"), result.err());
        assertEquals(Checksums.text(source, String.format(STORES, "store", "store_group", "store_website")),
                Checksums.text(destination, String.format(STORES, "core_store", "core_store_group", "core_website")));
        assertEquals("Trade", Checksums.text(destination, "SELECT customer_group_code FROM customer_group WHERE customer_group_code = 'Trade'"));
        assertEquals(Checksums.text(source, String.format(SUBSCRIBERS, "store")), Checksums.text(destination, String.format(SUBSCRIBERS, "core_store")));
        String blocks = Checksums.text(destination, String.format(BLOCKS, "core_store"));
        long banner = Checksums.single(destination, "SELECT block_id FROM cms_block WHERE identifier = 'm2-banner'");
        assertEquals(Checksums.text(source, String.format(BLOCKS, "store")).replace("block_id=\"11\"", "block_id=\"" + banner + "\""), blocks,
                "the widget names the destination's block");
        assertEquals("two_columns_left", Checksums.text(destination, "SELECT root_template FROM cms_page WHERE identifier = 'shipping'"));
        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM cms_page WHERE identifier = 'landing' AND root_template IS NOT NULL"),
                "a layout OpenMage has no counterpart for is not invented");
        assertTrue(result.out().contains("'cms-full-width' has no OpenMage counterpart"), result.out());
        assertTrue(result.out().contains("'meta_title' is not a column on the destination"), "what is left behind is said: " + result.out());

        assertEquals(String.join("\n",
                        "anna@example.com|base|german|General|Anna|Berg|1980-05-06 00:00:00|Female|" + md5("pepperanna-secret")
                                + ":pepper|Main St 1\nSuite 2/TX|Unter den Linden 5/BER",
                        "ben@example.com|base|default|Trade|Ben|Cole|-|Male|" + sha256("saltyben-secret") + ":salty|Rue de Rivoli 1/-"
                                + "|Rue de Rivoli 1/-",
                        "cleo@example.com|base|default|General|Cleo|Dunn|-|-|-|-|-",
                        "dan@example.com|base|default|General|Dan|Eve|-|-|-|-|-"),
                Checksums.text(destination, CUSTOMERS), "md5 and sha256 hashes in OpenMage's form, Argon2id and upgraded ones not"
                        + " copied, \"Not Specified\" no gender");
        assertTrue(result.out().contains("2 customers' Magento 2 password hashes"), result.out());
        Path resets = Path.of(result.out().replaceFirst("(?s).*need a password reset; listed in (\\S+\\.csv).*", "$1"));
        assertEquals(List.of("email,magento2_hash_version", "cleo@example.com,3_32_2_67108864", "dan@example.com,0:2"),
                Files.readAllLines(resets));
        Files.delete(resets);

        assertTrue(result.out().matches("(?s).*\\norder\\s+2\\s+2\\s.*\\ninvoice\\s+1\\s+1\\s.*\\nshipment\\s+1\\s+1\\s.*"
                + "\\ncreditmemo\\s+1\\s+1\\s.*"), result.out());
        assertEquals("a:2:{s:15:\"info_buyRequest\";a:2:{s:3:\"qty\";i:1;s:7:\"options\";a:1:{i:7;s:12:\"Gravur: Anna\";}}s:7:\"options\";"
                        + "a:1:{i:0;a:3:{s:5:\"label\";s:9:\"Engraving\";s:5:\"value\";s:12:\"Gravur: Anna\";s:9:\"option_id\";s:1:\"7\";}}}",
                Checksums.text(destination, "SELECT product_options FROM sales_flat_order_item WHERE sku = 'mug'"),
                "Magento 2's JSON as PHP's serialize(json_decode($json, true)) writes it: \"7\" an integer key, 1 an integer");
        assertEquals("a:3:{s:12:\"method_title\";s:11:\"Credit Card\";s:6:\"cc_exp\";a:2:{i:0;i:12;i:1;i:2030;}s:6:\"amount\";d:1.5;}|1111",
                Checksums.text(destination, "SELECT CONCAT(p.additional_information, '|', p.cc_last4) FROM sales_flat_order_payment p"
                        + " JOIN sales_flat_order o ON o.entity_id = p.parent_id WHERE o.increment_id = '000000002'"));
        assertEquals("1.2500|1.2500|german|anna@example.com", Checksums.text(destination, "SELECT CONCAT_WS('|', o.hidden_tax_amount,"
                + " o.base_hidden_tax_amount, s.code, c.email) FROM sales_flat_order o JOIN core_store s ON s.store_id = o.store_id"
                + " JOIN customer_entity c ON c.entity_id = o.customer_id WHERE o.increment_id = '000000001'"), "renamed tax columns, references");
        for (String serialized : Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT_WS('\\n', i.product_options, i.weee_tax_applied)"
                + " SEPARATOR '\\n') FROM sales_flat_order_item i").split("\n")) {
            org.maho.datasync.model.PhpSerialized.parse(serialized);
        }

        assertEquals("German VAT|DE-*-19|19.0000|Retail Customer|Taxable Goods|german:MwSt.", Checksums.text(destination,
                "SELECT CONCAT_WS('|', u.code, r.code, r.rate, c.class_name, p.class_name, (SELECT GROUP_CONCAT(s.code, ':', t.value)"
                        + " FROM tax_calculation_rate_title t JOIN core_store s ON s.store_id = t.store_id WHERE t.tax_calculation_rate_id"
                        + " = r.tax_calculation_rate_id)) FROM tax_calculation x JOIN tax_calculation_rule u ON u.tax_calculation_rule_id"
                        + " = x.tax_calculation_rule_id JOIN tax_calculation_rate r ON r.tax_calculation_rate_id = x.tax_calculation_rate_id"
                        + " JOIN tax_class c ON c.class_id = x.customer_tax_class_id JOIN tax_class p ON p.class_id = x.product_tax_class_id"
                        + " WHERE u.code = 'German VAT'"));

        assertEquals(String.join("\n", "care_note|text|-|-|Care", "flower_color|select|eav/entity_attribute_source_table|-|Flower colour",
                        "occasion|multiselect|-|eav/entity_attribute_backend_array|Occasion"),
                Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT_WS('|', attribute_code, frontend_input, IFNULL(source_model, '-'),"
                        + " IFNULL(backend_model, '-'), frontend_label) ORDER BY attribute_code SEPARATOR '\\n') FROM eav_attribute WHERE"
                        + " attribute_code IN ('flower_color', 'occasion', 'care_note')"), "Magento 2's classes as OpenMage's models");
        assertTrue(result.out().contains("care_note: Magento 2's backend_model Vendor\\Care\\Model\\Backend has no OpenMage counterpart"),
                result.out());
        assertEquals("german:Blütenfarbe|admin:Red,german:Rot|admin:Yellow", Checksums.text(destination, "SELECT CONCAT_WS('|',"
                + " (SELECT GROUP_CONCAT(s.code, ':', l.value) FROM eav_attribute_label l JOIN core_store s ON s.store_id = l.store_id"
                + " WHERE l.attribute_id = a.attribute_id), (SELECT GROUP_CONCAT((SELECT GROUP_CONCAT(s.code, ':', v.value ORDER BY s.code)"
                + " FROM eav_attribute_option_value v JOIN core_store s ON s.store_id = v.store_id WHERE v.option_id = o.option_id)"
                + " ORDER BY o.sort_order SEPARATOR '|') FROM eav_attribute_option o WHERE o.attribute_id = a.attribute_id))"
                + " FROM eav_attribute a WHERE a.attribute_code = 'flower_color'"));
        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM eav_attribute WHERE attribute_code IN"
                + " ('quantity_and_stock_status', 'custom_layout_update_file')"), "Magento 2's own machinery is not created");
        assertEquals(String.join("\n", "Plantas|plantas|photo-1563419837758-e48ef1b731dd.jpeg|-|german:Pflanzen",
                        "Ramos|ramos|" + Checksums.text(source, "SELECT SUBSTRING_INDEX(value, '/', -1) FROM catalog_category_entity_varchar"
                                + " WHERE entity_id = 4 AND attribute_id = (SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'image'"
                                + " AND entity_type_id = 3)") + "|two_columns_left|-"),
                Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT_WS('|', " + categoryValue("name", "0") + ", "
                        + categoryValue("url_key", "0") + ", " + categoryValue("image", "0") + ", IFNULL(" + categoryValue("page_layout", "0")
                        + ", '-'), IFNULL((SELECT GROUP_CONCAT(s.code, ':', v.value) FROM catalog_category_entity_varchar v JOIN core_store s"
                        + " ON s.store_id = v.store_id WHERE v.entity_id = c.entity_id AND v.store_id > 0 AND v.attribute_id = (SELECT"
                        + " attribute_id FROM eav_attribute WHERE attribute_code = 'name' AND entity_type_id = 3)), '-')) ORDER BY c.entity_id"
                        + " SEPARATOR '\\n') FROM catalog_category_entity c WHERE c.level = 2 AND c.path LIKE '1/2/%'"),
                "categories below the default root by url key, the image as OpenMage's file name, the layout as OpenMage's template");

        assertEquals("Spring sale|a:7:{s:4:\"type\";s:32:\"salesrule/rule_condition_combine\";s:9:\"attribute\";N;s:8:\"operator\";N;"
                        + "s:5:\"value\";s:1:\"1\";s:18:\"is_value_processed\";N;s:10:\"aggregator\";s:3:\"all\";s:10:\"conditions\";a:1:{i:0;"
                        + "a:5:{s:4:\"type\";s:32:\"salesrule/rule_condition_address\";s:9:\"attribute\";s:13:\"base_subtotal\";"
                        + "s:8:\"operator\";s:2:\">=\";s:5:\"value\";s:3:\"100\";s:18:\"is_value_processed\";b:0;}}}|SPRING10:100:1:3"
                        + "|german:Frühlingsrabatt|base|NOT LOGGED IN,General",
                Checksums.text(destination, "SELECT CONCAT_WS('|', r.name, r.conditions_serialized, (SELECT CONCAT_WS(':', c.code,"
                        + " c.usage_limit, c.usage_per_customer, c.times_used) FROM salesrule_coupon c WHERE c.rule_id = r.rule_id),"
                        + " (SELECT GROUP_CONCAT(s.code, ':', l.label) FROM salesrule_label l JOIN core_store s ON s.store_id = l.store_id"
                        + " WHERE l.rule_id = r.rule_id), (SELECT GROUP_CONCAT(w.code) FROM salesrule_website x JOIN core_website w ON"
                        + " w.website_id = x.website_id WHERE x.rule_id = r.rule_id), (SELECT GROUP_CONCAT(g.customer_group_code ORDER BY"
                        + " g.customer_group_code DESC) FROM salesrule_customer_group x JOIN customer_group g ON g.customer_group_id ="
                        + " x.customer_group_id WHERE x.rule_id = r.rule_id)) FROM salesrule r WHERE r.name = 'Spring sale'"),
                "Magento 2's JSON conditions as PHP-serialized ones naming OpenMage's condition types");
        String plantas = Checksums.text(destination, "SELECT c.entity_id FROM catalog_category_entity c JOIN catalog_category_entity_varchar v"
                + " ON v.entity_id = c.entity_id AND v.store_id = 0 JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND"
                + " a.attribute_code = 'url_key' AND a.entity_type_id = c.entity_type_id WHERE v.value = 'plantas'");
        String catalogRule = Checksums.text(destination, "SELECT conditions_serialized FROM catalogrule WHERE name = 'Plant week'");
        assertTrue(catalogRule.startsWith("a:7:{s:4:\"type\";s:34:\"catalogrule/rule_condition_combine\"")
                && catalogRule.contains("s:34:\"catalogrule/rule_condition_product\";s:9:\"attribute\";s:12:\"category_ids\"")
                && catalogRule.contains("s:5:\"value\";s:" + plantas.length() + ":\"" + plantas + "\""), catalogRule + " names Plantas by the"
                + " destination's id " + plantas);

        assertEquals("simple|Strelitzias|strelitzias|6.54|Taxable Goods|plantas|base|/n/i/nicole-0dab89e4-d1eb-45dc-a68f-7c3ba9d8d01a.jpg:1,"
                        + "/n/i/nicole-b208306a-f410-415d-8cd5-ec606101518f.jpg:2|121.0000:1", Checksums.text(destination, PLANT),
                "the install's own product with its gallery (Magento 2 links images to products in a table of their own) and the"
                        + " quantity of both its sources");

        assertEquals("PLANT1|Lovely|Grows fast|Anna|anna@example.com|Approved|admin,default|Quality:4:10.0.0.1", Checksums.text(destination,
                "SELECT CONCAT_WS('|', p.sku, d.title, d.detail, d.nickname, c.email, st.status_code, (SELECT GROUP_CONCAT(s.code"
                        + " ORDER BY s.code) FROM review_store rs JOIN core_store s ON s.store_id = rs.store_id WHERE rs.review_id ="
                        + " r.review_id), (SELECT GROUP_CONCAT(CONCAT_WS(':', ra.rating_code, v.value, v.remote_ip)) FROM rating_option_vote v"
                        + " JOIN rating ra ON ra.rating_id = v.rating_id WHERE v.review_id = r.review_id)) FROM review r JOIN review_detail d"
                        + " ON d.review_id = r.review_id JOIN catalog_product_entity p ON p.entity_id = r.entity_pk_value LEFT JOIN"
                        + " customer_entity c ON c.entity_id = d.customer_id JOIN review_status st ON st.status_id = r.status_id"),
                "a review by its product's sku and its customer's email, with its vote");
        assertEquals("Price|-\nQuality|default\nValue|-", Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT(r.rating_code, '|',"
                + " IFNULL((SELECT GROUP_CONCAT(s.code) FROM rating_store x JOIN core_store s ON s.store_id = x.store_id WHERE x.rating_id"
                + " = r.rating_id), '-')) ORDER BY r.rating_code SEPARATOR '\\n') FROM rating r WHERE r.rating_code IN ('Price',"
                + " 'Quality', 'Value')"), "a rating Magento 2 switched off is shown in no store view");

        String product = Checksums.text(destination, "SELECT entity_id FROM catalog_product_entity WHERE sku = 'PLANT1'");
        String home = Checksums.text(destination, "SELECT page_id FROM cms_page WHERE identifier = 'home'");
        assertEquals(String.join("\n",
                        "default|blog|https://blog.example.com/|R|-|-",
                        "default|old-plant.html|strelitzias.html|RP|PLANT1|-",
                        "default|start.html|cms/page/view/page_id/" + home + "|-|-|-",
                        "german|pflanzen/strelitzie.html|catalog/product/view/id/" + product + "/category/" + plantas + "|-|PLANT1|plantas"),
                Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT_WS('|', s.code, r.request_path, r.target_path, IFNULL(r.options,"
                        + " '-'), IFNULL(p.sku, '-'), IFNULL(" + categoryValue("url_key", "0") + ", '-')) ORDER BY s.code, r.request_path"
                        + " SEPARATOR '\\n') FROM core_url_rewrite r JOIN core_store s ON s.store_id = r.store_id LEFT JOIN"
                        + " catalog_product_entity p ON p.entity_id = r.product_id LEFT JOIN catalog_category_entity c ON c.entity_id ="
                        + " r.category_id WHERE r.is_system = 0"),
                "custom rewrites naming the destination's product, category and page; Magento 2's own not copied");
        assertTrue(result.out().contains("8 system rewrites at the source were not copied"), result.out());

        CliTest.Result verify = cli("verify", "live", "-a", "magento2");
        assertEquals(ExitCode.OK, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().matches("(?s).*\\ncms_page\\s+6\\s+6\\s+0\\s+0\\s.*"), verify.out());

        Map<String, String> before = Checksums.of(destination);
        CliTest.Result again = cli("sync", "all", "live", "-a", "magento2");
        assertEquals(ExitCode.OK, again.exit(), again.out() + again.err());
        Checksums.assertUnchanged(before, Checksums.of(destination));

        TestShops.execute(source, "INSERT INTO salesrule (rule_id, name, is_active, conditions_serialized, actions_serialized,"
                + " simple_action, discount_amount) VALUES (2, 'Vendor rule', 1, " + json("{\"type\":\"Vendor|Loyalty|Model|Condition\","
                + "\"aggregator\":\"all\",\"value\":\"1\"}") + ", '{}', 'by_fixed', 5)");
        CliTest.Result vendor = cli("sync", "salesrule", "live", "-a", "magento2", "--skip-invalid");
        assertEquals(ExitCode.INVALID_RECORDS, vendor.exit(), vendor.out() + vendor.err());
        assertTrue((vendor.out() + vendor.err()).contains("the condition type Vendor\\Loyalty\\Model\\Condition is Magento 2's"),
                vendor.out() + vendor.err());

        CliTest.Result tags = cli("sync", "tag", "live", "-a", "magento2");
        assertEquals(ExitCode.USAGE, tags.exit(), tags.out() + tags.err());
        assertTrue(tags.err().contains("cannot be read by the magento2 adapter"), tags.err());
    }

    /**
     * With MSI, a product's quantity is its source items' summed over the sources datasync.magento2.msi-sources names
     * (every source by default); without MSI (no source items), its stock item's. The install's product has 101 in the
     * default source, and the test gives it 20 in a second one.
     */
    @Test
    void stockIsTheChosenSourcesSumWithMsiAndTheStockItemWithout() throws Exception {
        try {
            CliTest.Result every = cli("sync", "product", "live", "-a", "magento2");
            assertEquals(ExitCode.OK, every.exit(), every.out() + every.err());
            assertTrue(every.out().contains("the sum of its source items over every source"), every.out());
            assertEquals("121.0000:1", Checksums.text(destination, STOCK));

            System.setProperty("datasync.magento2.msi-sources", "eu");
            CliTest.Result eu = cli("sync", "stock", "live", "-a", "magento2");
            assertEquals(ExitCode.OK, eu.exit(), eu.out() + eu.err());
            assertTrue(eu.out().contains("over the sources eu"), eu.out());
            assertEquals("20.0000:1", Checksums.text(destination, STOCK));

            System.clearProperty("datasync.magento2.msi-sources");
            TestShops.execute(source, "DELETE FROM inventory_source_item", "UPDATE cataloginventory_stock_item SET qty = 77 WHERE product_id = 1");
            CliTest.Result legacy = cli("sync", "stock", "live", "-a", "magento2");
            assertEquals(ExitCode.OK, legacy.exit(), legacy.out() + legacy.err());
            assertTrue(legacy.out().contains("no multi-source inventory"), legacy.out());
            assertEquals("77.0000:1", Checksums.text(destination, STOCK));
        } finally {
            System.clearProperty("datasync.magento2.msi-sources");
            TestShops.execute(source, "UPDATE cataloginventory_stock_item SET qty = 101 WHERE product_id = 1", SOURCE_ITEMS);
        }
    }
}
