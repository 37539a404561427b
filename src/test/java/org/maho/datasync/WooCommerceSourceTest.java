package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;

/**
 * The real WooCommerce 5.1 shop (orders kept as posts) as a source: {@code sync all -a woocommerce} into the clean
 * OpenMage install brings its categories with their tree, its global and per-product attributes with their options, its
 * products of every type (variable ones as configurables of their variations, grouped, external, downloadable, two
 * without a SKU under their slug), prices, stock, images, its customer with addresses (the WordPress hash not copied,
 * listed) and its orders with items, totals, addresses, payment and notes; each is compared by natural key with the
 * WordPress tables it came from. A second run changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WooCommerceSourceTest {

    private static final Path DUMP = Path.of("../shared/fixtures/woocommerce/woocommerce-5.1.0-shop.sql.gz");

    /** A WooCommerce meta value of post p. */
    private static String meta(String key) {
        return "(SELECT m.meta_value FROM wp_postmeta m WHERE m.post_id = p.ID AND m.meta_key = '" + key + "' LIMIT 1)";
    }

    /** An amount as text without trailing zeros, however it is kept (WordPress's "50.00", OpenMage's 50.0000). */
    private static String trimmed(String decimal) {
        return "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(" + decimal + " AS DECIMAL(12,4))))";
    }

    private static String productValue(String backend, String code) {
        return "(SELECT x.value FROM catalog_product_entity_" + backend + " x JOIN eav_attribute a ON a.attribute_id = x.attribute_id"
                + " AND a.attribute_code = '" + code + "' AND a.entity_type_id = p.entity_type_id WHERE x.entity_id = p.entity_id AND"
                + " x.store_id = 0)";
    }

    private static String optionLabel(String code) {
        return "(SELECT v.value FROM eav_attribute_option_value v WHERE v.store_id = 0 AND v.option_id = " + productValue("int", code) + ")";
    }

    /** Every product and variation not in the trash: SKU (the slug where it has none), name, price, sale price, stock status. */
    private static final String SOURCE_PRODUCTS = "SELECT GROUP_CONCAT(CONCAT_WS('|', COALESCE(NULLIF(" + meta("_sku") + ", ''),"
            + " p.post_name), p.post_title, COALESCE(NULLIF(" + meta("_regular_price") + ", ''), '-'), COALESCE(NULLIF("
            + meta("_sale_price") + ", ''), '-'), IF(" + meta("_stock_status") + " = 'outofstock', 0, 1)) ORDER BY"
            + " LOWER(COALESCE(NULLIF(" + meta("_sku") + ", ''), p.post_name)) SEPARATOR '\\n') FROM wp_posts p WHERE p.post_type IN"
            + " ('product', 'product_variation') AND p.post_status NOT IN ('trash', 'auto-draft')";
    private static final String PRODUCTS = "SELECT GROUP_CONCAT(CONCAT_WS('|', p.sku, " + productValue("varchar", "name") + ", COALESCE("
            + trimmed(productValue("decimal", "price")) + ", '-'), COALESCE(" + trimmed(productValue("decimal", "special_price"))
            + ", '-'), (SELECT s.is_in_stock FROM cataloginventory_stock_item s WHERE s.product_id = p.entity_id)) ORDER BY"
            + " LOWER(p.sku) SEPARATOR '\\n') FROM catalog_product_entity p";

    /** A variable product's variations by SKU. */
    private static final String SOURCE_CHILDREN = "SELECT GROUP_CONCAT(CONCAT(" + meta("_sku") + ", ':', (SELECT GROUP_CONCAT(v.meta_value"
            + " ORDER BY v.meta_value) FROM wp_posts c JOIN wp_postmeta v ON v.post_id = c.ID AND v.meta_key = '_sku' WHERE c.post_parent"
            + " = p.ID AND c.post_type = 'product_variation')) ORDER BY " + meta("_sku") + ") FROM wp_posts p WHERE p.post_type = 'product'"
            + " AND EXISTS (SELECT 1 FROM wp_posts c WHERE c.post_parent = p.ID AND c.post_type = 'product_variation')";
    private static final String CHILDREN = "SELECT GROUP_CONCAT(CONCAT(p.sku, ':', (SELECT GROUP_CONCAT(c.sku ORDER BY c.sku) FROM"
            + " catalog_product_super_link l JOIN catalog_product_entity c ON c.entity_id = l.product_id WHERE l.parent_id = p.entity_id))"
            + " ORDER BY p.sku) FROM catalog_product_entity p WHERE p.type_id = 'configurable'";

    /** Each product's categories by name (a product without one is left out on both sides). */
    private static final String SOURCE_CATEGORIES = "SELECT GROUP_CONCAT(CONCAT(COALESCE(NULLIF(" + meta("_sku") + ", ''), p.post_name),"
            + " ':', (SELECT GROUP_CONCAT(t.name ORDER BY t.name) FROM wp_term_relationships r JOIN wp_term_taxonomy x ON"
            + " x.term_taxonomy_id = r.term_taxonomy_id AND x.taxonomy = 'product_cat' JOIN wp_terms t ON t.term_id = x.term_id WHERE"
            + " r.object_id = p.ID)) ORDER BY LOWER(COALESCE(NULLIF(" + meta("_sku") + ", ''), p.post_name))) FROM wp_posts p WHERE"
            + " p.post_type = 'product' AND p.post_status = 'publish'";
    private static final String CATEGORIES = "SELECT GROUP_CONCAT(CONCAT(p.sku, ':', (SELECT GROUP_CONCAT(n.value ORDER BY n.value) FROM"
            + " catalog_category_product c JOIN catalog_category_entity_varchar n ON n.entity_id = c.category_id AND n.store_id = 0 AND"
            + " n.attribute_id = (SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'name' AND entity_type_id = 3) WHERE"
            + " c.product_id = p.entity_id)) ORDER BY LOWER(p.sku)) FROM catalog_product_entity p";

    /** The category tree as url-key paths below the default root category. */
    private static final String SOURCE_TREE = "SELECT GROUP_CONCAT(IF(x.parent = 0, t.slug, CONCAT((SELECT pt.slug FROM wp_terms pt WHERE"
            + " pt.term_id = x.parent), '/', t.slug)) ORDER BY 1) FROM wp_term_taxonomy x JOIN wp_terms t ON t.term_id = x.term_id WHERE"
            + " x.taxonomy = 'product_cat'";
    private static final String URL_KEY = "(SELECT u.value FROM catalog_category_entity_varchar u WHERE u.entity_id = %s AND u.store_id = 0"
            + " AND u.attribute_id = (SELECT attribute_id FROM eav_attribute WHERE attribute_code = 'url_key' AND entity_type_id = 3))";
    private static final String TREE = "SELECT GROUP_CONCAT(IF(e.level = 2, " + String.format(URL_KEY, "e.entity_id") + ", CONCAT("
            + String.format(URL_KEY, "e.parent_id") + ", '/', " + String.format(URL_KEY, "e.entity_id") + ")) ORDER BY 1) FROM"
            + " catalog_category_entity e WHERE e.level >= 2 AND e.path LIKE '1/2/%'";

    /** Orders: number, state/status, totals, customer, items and notes. */
    private static final String SOURCE_ORDERS = "SELECT GROUP_CONCAT(CONCAT_WS('|', p.ID, CASE p.post_status WHEN 'wc-processing' THEN"
            + " 'processing/processing' WHEN 'wc-on-hold' THEN 'holded/holded' ELSE p.post_status END, " + trimmed(meta("_order_total")) + ", "
            + trimmed(meta("_order_shipping")) + ", " + trimmed(meta("_cart_discount")) + ", " + meta("_billing_email") + ", (SELECT COUNT(*) FROM"
            + " wp_woocommerce_order_items i WHERE i.order_id = p.ID AND i.order_item_type = 'line_item'), (SELECT COUNT(*) FROM"
            + " wp_comments c WHERE c.comment_post_ID = p.ID AND c.comment_type = 'order_note')) ORDER BY p.ID SEPARATOR '\\n') FROM"
            + " wp_posts p WHERE p.post_type = 'shop_order'";
    private static final String ORDERS = "SELECT GROUP_CONCAT(CONCAT_WS('|', o.increment_id, CONCAT(o.state, '/', o.status), "
            + trimmed("o.grand_total") + ", " + trimmed("o.shipping_amount") + ", " + trimmed("-o.discount_amount") + ", o.customer_email,"
            + " (SELECT COUNT(*) FROM sales_flat_order_item i WHERE i.order_id = o.entity_id), (SELECT COUNT(*) FROM"
            + " sales_flat_order_status_history h WHERE h.parent_id = o.entity_id)) ORDER BY CAST(o.increment_id AS UNSIGNED) SEPARATOR"
            + " '\\n') FROM sales_flat_order o";

    /**
     * Two refunds as WooCommerce writes them (the dump has none): one of an item of order 64 (1 of its 2, 50.00), with a
     * reason; one of an amount alone (5.00 of order 60).
     */
    private static final String[] REFUNDS = {
            "INSERT INTO wp_posts (ID, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping,"
                    + " pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, post_type) VALUES"
                    + " (900, '2021-03-20 10:00:00', '2021-03-20 10:00:00', '', 'Refund', '', 'wc-completed', 'refund-900', '', '',"
                    + " '2021-03-20 10:00:00', '2021-03-20 10:00:00', '', 64, 'shop_order_refund'), (901, '2021-03-21 09:30:00',"
                    + " '2021-03-21 09:30:00', '', 'Refund', '', 'wc-completed', 'refund-901', '', '', '2021-03-21 09:30:00',"
                    + " '2021-03-21 09:30:00', '', 60, 'shop_order_refund')",
            "INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (900, '_refund_amount', '50.00'), (900, '_refund_reason',"
                    + " 'Damaged on arrival'), (900, '_order_currency', 'USD'), (900, '_order_total', '-50.00'), (900, '_order_shipping', '0'),"
                    + " (901, '_refund_amount', '5.00'), (901, '_refund_reason', 'Goodwill'), (901, '_order_currency', 'USD'),"
                    + " (901, '_order_total', '-5.00')",
            "INSERT INTO wp_woocommerce_order_items (order_item_id, order_item_name, order_item_type, order_id) VALUES"
                    + " (900, 'Sample virtual product', 'line_item', 900)",
            "INSERT INTO wp_woocommerce_order_itemmeta (order_item_id, meta_key, meta_value) VALUES (900, '_qty', '-1'),"
                    + " (900, '_line_total', '-50'), (900, '_line_subtotal', '-50'), (900, '_line_tax', '0'), (900, '_refunded_item_id', '4')",
            "INSERT INTO wp_woocommerce_order_itemmeta (order_item_id, meta_key, meta_value) SELECT 900, meta_key, meta_value FROM"
                    + " wp_woocommerce_order_itemmeta WHERE order_item_id = 4 AND meta_key IN ('_product_id', '_variation_id')"};

    /** Credit memos: number, order, amounts, items (order item's sku, qty, row total) and comments. */
    private static final String CREDITMEMOS = "SELECT GROUP_CONCAT(CONCAT_WS('|', c.increment_id, o.increment_id, c.state, "
            + trimmed("c.grand_total") + ", " + trimmed("c.subtotal") + ", " + trimmed("c.adjustment_positive") + ", c.created_at,"
            + " (SELECT GROUP_CONCAT(CONCAT_WS(':', oi.sku, " + trimmed("i.qty") + ", " + trimmed("i.row_total") + ")) FROM"
            + " sales_flat_creditmemo_item i JOIN sales_flat_order_item oi ON oi.item_id = i.order_item_id WHERE i.parent_id = c.entity_id),"
            + " (SELECT GROUP_CONCAT(m.comment) FROM sales_flat_creditmemo_comment m WHERE m.parent_id = c.entity_id)) ORDER BY"
            + " c.increment_id SEPARATOR '\\n') FROM sales_flat_creditmemo c JOIN sales_flat_order o ON o.entity_id = c.order_id";

    private static DatabaseServer server;
    private static ConnectionSettings source;
    private static ConnectionSettings destination;

    @BeforeAll
    static void loadTheShopAndTheCleanInstall() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DUMP), "needs ../shared/fixtures/woocommerce");
        server = TestServer.get();
        source = server.database(TestServer.uniqueName("woo_src"));
        destination = server.database(TestServer.uniqueName("woo_dst"));
        server.createDatabase(source.database());
        server.createDatabase(destination.database());
        DumpLoader.load(DUMP, source);
        TestShops.execute(source, REFUNDS);
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), destination);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (server != null) {
            server.dropDatabase(source.database());
            server.dropDatabase(destination.database());
        }
    }

    private static CliTest.Result cli(String... command) throws Exception {
        return CliTest.runAgainst(source, destination, command);
    }

    @Test
    @Order(1)
    void theWholeShopArrivesByNaturalKey() throws Exception {
        CliTest.Result result = cli("sync", "all", "live", "-a", "woocommerce");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        assertTrue(result.out().matches("(?s).*\\ncategory\\s+8\\s+8\\s+0\\s+0\\s+0\\s+0\\s.*"), result.out());
        assertTrue(result.out().matches("(?s).*\\nproduct\\s+27\\s+23\\s+0\\s+0\\s+4\\s+0\\s.*"), "4 in the trash: " + result.out());
        assertTrue(result.out().matches("(?s).*\\ncustomer\\s+1\\s+1\\s.*\\nsalesrule\\s+4\\s+4\\s.*\\norder\\s+24\\s+24\\s+0\\s+0\\s+0\\s+0\\s.*"),
                result.out());

        assertEquals(Checksums.text(source, SOURCE_PRODUCTS), Checksums.text(destination, PRODUCTS));
        assertEquals(Checksums.text(source, SOURCE_CHILDREN), Checksums.text(destination, CHILDREN));
        assertEquals(Checksums.text(source, SOURCE_TREE).replace(",", "\n"), Checksums.text(destination, TREE).replace(",", "\n"));
        assertEquals(Checksums.text(source, SOURCE_CATEGORIES), Checksums.text(destination, CATEGORIES));
        assertEquals("logo-collection:grouped|woo-album:downloadable|woo-hoodie:configurable|woo-vneck-tee:configurable|wp-pennant:virtual",
                Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT(sku, ':', type_id) ORDER BY sku SEPARATOR '|') FROM"
                        + " catalog_product_entity WHERE type_id <> 'simple' AND sku NOT LIKE 'sample-virtual%'"));
        assertEquals("woo-hoodie:color,wc_logo|woo-vneck-tee:color", Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT(p.sku, ':',"
                + " (SELECT GROUP_CONCAT(a.attribute_code ORDER BY s.position) FROM catalog_product_super_attribute s JOIN eav_attribute a"
                + " ON a.attribute_id = s.attribute_id WHERE s.product_id = p.entity_id)) ORDER BY p.sku SEPARATOR '|') FROM"
                + " catalog_product_entity p WHERE p.type_id = 'configurable'"), "a variation's 'any size' makes size no axis");
        assertEquals("Blue|Yes|1", Checksums.text(destination, "SELECT CONCAT_WS('|', " + optionLabel("color") + ", " + optionLabel("wc_logo")
                + ", " + productValue("int", "visibility") + ") FROM catalog_product_entity p WHERE p.sku = 'woo-hoodie-blue-logo'"));
        assertEquals("woo-beanie,woo-hoodie-with-logo", Checksums.text(destination, "SELECT GROUP_CONCAT(c.sku ORDER BY c.sku) FROM"
                + " catalog_product_link l JOIN catalog_product_entity p ON p.entity_id = l.product_id JOIN catalog_product_entity c ON"
                + " c.entity_id = l.linked_product_id WHERE p.sku = 'logo-collection'"), "the trashed T-Shirt is no child");
        assertEquals("https://mercantile.wordpress.org/product/wordpress-pennant/", Checksums.text(destination, "SELECT "
                + productValue("varchar", "wc_product_url") + " FROM catalog_product_entity p WHERE p.sku = 'wp-pennant'"));
        assertEquals(Checksums.text(source, "SELECT GROUP_CONCAT(m.meta_value ORDER BY m.meta_value) FROM wp_postmeta m JOIN wp_posts p ON"
                        + " p.ID = m.post_id WHERE m.meta_key = '_wp_attached_file' AND p.ID = (SELECT meta_value FROM wp_postmeta WHERE"
                        + " meta_key = '_thumbnail_id' AND post_id = (SELECT post_id FROM wp_postmeta WHERE meta_key = '_sku' AND"
                        + " meta_value = 'woo-belt'))"),
                Checksums.text(destination, "SELECT GROUP_CONCAT(TRIM(LEADING '/' FROM g.value)) FROM catalog_product_entity_media_gallery g"
                        + " JOIN catalog_product_entity p ON p.entity_id = g.entity_id WHERE p.sku = 'woo-belt'"));

        assertEquals("buyer@test.org|Testuser|Shoppe|101\ntest/CA|101\ntest/CA", Checksums.text(destination, "SELECT CONCAT_WS('|', e.email,"
                + " (SELECT v.value FROM customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND"
                + " a.attribute_code = 'firstname' AND a.entity_type_id = 1 WHERE v.entity_id = e.entity_id), (SELECT v.value FROM"
                + " customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND a.attribute_code = 'lastname' AND"
                + " a.entity_type_id = 1 WHERE v.entity_id = e.entity_id), (SELECT GROUP_CONCAT(CONCAT(s.value, '/', r.code) SEPARATOR '|')"
                + " FROM customer_address_entity ad JOIN customer_address_entity_text s ON s.entity_id = ad.entity_id JOIN"
                + " customer_address_entity_int ri ON ri.entity_id = ad.entity_id AND ri.attribute_id = (SELECT attribute_id FROM"
                + " eav_attribute WHERE attribute_code = 'region_id' AND entity_type_id = 2) JOIN directory_country_region r ON"
                + " r.region_id = ri.value WHERE ad.parent_id = e.entity_id)) FROM customer_entity e"));
        assertTrue(result.out().contains("1 customers' WordPress password hashes cannot be verified"), result.out());
        Path resets = Path.of(result.out().replaceFirst("(?s).*need a password reset; listed in (\\S+\\.csv).*", "$1"));
        assertEquals(List.of("email,wordpress_hash", "buyer@test.org,phpass"), Files.readAllLines(resets));
        Files.delete(resets);
        assertEquals(0, Checksums.single(destination, "SELECT COUNT(*) FROM customer_entity_varchar WHERE attribute_id = (SELECT"
                + " attribute_id FROM eav_attribute WHERE attribute_code = 'password_hash' AND entity_type_id = 1)"), "no hash invented");

        assertEquals(Checksums.text(source, SOURCE_ORDERS), Checksums.text(destination, ORDERS));
        assertEquals(24, Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order o JOIN customer_entity c ON c.entity_id ="
                + " o.customer_id WHERE o.customer_is_guest = 0"), "the buyer's orders are the customer's");
        assertEquals(Checksums.text(source, "SELECT " + trimmed("SUM(m.meta_value)") + " FROM wp_postmeta m JOIN wp_posts p ON p.ID = m.post_id"
                        + " AND p.post_type = 'shop_order' WHERE m.meta_key = '_order_total'"),
                Checksums.text(destination, "SELECT " + trimmed("SUM(grand_total)") + " FROM sales_flat_order"));
        assertEquals(32, Checksums.single(destination, "SELECT COUNT(*) FROM sales_flat_order_item i JOIN catalog_product_entity p ON"
                + " p.entity_id = i.product_id AND p.sku = i.sku"), "every item names its product, by SKU");
        assertEquals(Checksums.text(source, "SELECT GROUP_CONCAT(CONCAT_WS('|', p.post_title, CASE " + meta("discount_type") + " WHEN"
                        + " 'percent' THEN 'by_percent' WHEN 'fixed_cart' THEN 'cart_fixed' END, " + trimmed(meta("coupon_amount")) + ", "
                        + meta("usage_limit") + ", COALESCE(" + meta("usage_count") + ", 0), IF(" + meta("individual_use") + " = 'yes', 1, 0),"
                        + " (SELECT COUNT(*) FROM wp_postmeta u WHERE u.post_id = p.ID AND u.meta_key = '_used_by')) ORDER BY p.post_title)"
                        + " FROM wp_posts p WHERE p.post_type = 'shop_coupon'"),
                Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT_WS('|', r.name, r.simple_action, " + trimmed("r.discount_amount")
                        + ", c.usage_limit, c.times_used, r.stop_rules_processing, (SELECT COUNT(*) FROM salesrule_coupon_usage u WHERE"
                        + " u.coupon_id = c.coupon_id)) ORDER BY r.name) FROM salesrule r JOIN salesrule_coupon c ON c.rule_id = r.rule_id"
                        + " AND c.code = r.name"), "each coupon a rule of its own, by code");
        assertTrue(Checksums.text(destination, "SELECT actions_serialized FROM salesrule WHERE name = 'BR7QANHV'")
                .contains("s:3:\"sku\";s:8:\"operator\";s:2:\"()\";s:5:\"value\";s:22:\"sample-virtual-product\""),
                "the coupon's product, by SKU");
        assertEquals("cashondelivery:24", Checksums.text(destination, "SELECT CONCAT(method, ':', COUNT(*)) FROM sales_flat_order_payment"
                + " GROUP BY method"));

        assertTrue(result.out().matches("(?s).*\\ncreditmemo\\s+2\\s+2\\s+0\\s+0\\s+0\\s+0\\s.*"), result.out());
        assertEquals("900|64|2|50|50|0|2021-03-20 10:00:00|sample-virtual-product:1:50|Damaged on arrival\n"
                + "901|60|2|5|0|5|2021-03-21 09:30:00|Goodwill", Checksums.text(destination, CREDITMEMOS));
    }

    @Test
    @Order(2)
    void aSecondRunChangesNothing() throws Exception {
        CliTest.Result result = cli("sync", "all", "live", "-a", "woocommerce");

        assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
        for (String line : result.out().split("\n")) {
            if (line.matches("(taxclass|productattribute|category|product|customer|salesrule|order|creditmemo)\\s+\\d+\\s.*")) {
                assertTrue(line.matches("\\S+\\s+(\\d+)\\s+0\\s+0\\s+\\d+\\s+\\d+\\s+0\\s.*"), "nothing created or updated: " + line);
            }
        }
    }

    @Test
    @Order(3)
    void aWrongPrefixIsSaidPlainly() throws Exception {
        CliTest.Result prefix = cli("sync", "product", "live", "-a", "woocommerce", "--db-prefix", "shop_");
        assertEquals(ExitCode.FAILED, prefix.exit(), prefix.out() + prefix.err());
        assertTrue(prefix.out().contains("has no WordPress tables named with the prefix 'shop_' (no shop_posts): give the shop's table"
                + " prefix ($table_prefix in wp-config.php) with --db-prefix"), prefix.out());
        assertTrue(!prefix.out().contains("Exception") && !prefix.err().contains("\tat "), prefix.out() + prefix.err());
    }

    /** WooCommerce's HPOS tables as {@code OrdersTableDataStore::get_database_schema()} creates them. */
    private static final String[] HPOS_TABLES = {
            "CREATE TABLE wp_wc_orders (id bigint(20) unsigned NOT NULL, status varchar(20) NULL, currency varchar(10) NULL, type"
                    + " varchar(20) NULL, tax_amount decimal(26,8) NULL, total_amount decimal(26,8) NULL, customer_id bigint(20) unsigned NULL,"
                    + " billing_email varchar(320) NULL, date_created_gmt datetime NULL, date_updated_gmt datetime NULL, parent_order_id"
                    + " bigint(20) unsigned NULL, payment_method varchar(100) NULL, payment_method_title text NULL, transaction_id"
                    + " varchar(100) NULL, ip_address varchar(100) NULL, user_agent text NULL, customer_note text NULL, PRIMARY KEY (id),"
                    + " KEY status (status), KEY date_created (date_created_gmt), KEY type_status_date (type, status, date_created_gmt))",
            "CREATE TABLE wp_wc_order_addresses (id bigint(20) unsigned auto_increment primary key, order_id bigint(20) unsigned NOT NULL,"
                    + " address_type varchar(20) NULL, first_name text NULL, last_name text NULL, company text NULL, address_1 text NULL,"
                    + " address_2 text NULL, city text NULL, state text NULL, postcode text NULL, country text NULL, email varchar(320) NULL,"
                    + " phone varchar(100) NULL, KEY order_id (order_id), UNIQUE KEY address_type_order_id (address_type, order_id))",
            "CREATE TABLE wp_wc_order_operational_data (id bigint(20) unsigned auto_increment primary key, order_id bigint(20) unsigned"
                    + " NULL, created_via varchar(100) NULL, woocommerce_version varchar(20) NULL, prices_include_tax tinyint(1) NULL,"
                    + " coupon_usages_are_counted tinyint(1) NULL, download_permission_granted tinyint(1) NULL, cart_hash varchar(100) NULL,"
                    + " new_order_email_sent tinyint(1) NULL, order_key varchar(100) NULL, order_stock_reduced tinyint(1) NULL, date_paid_gmt"
                    + " datetime NULL, date_completed_gmt datetime NULL, shipping_tax_amount decimal(26,8) NULL, shipping_total_amount"
                    + " decimal(26,8) NULL, discount_tax_amount decimal(26,8) NULL, discount_total_amount decimal(26,8) NULL, recorded_sales"
                    + " tinyint(1) NULL, UNIQUE KEY order_id (order_id), KEY order_key (order_key))",
            "CREATE TABLE wp_wc_orders_meta (id bigint(20) unsigned auto_increment primary key, order_id bigint(20) unsigned NULL, meta_key"
                    + " varchar(255), meta_value text NULL, KEY meta_key_value (meta_key(100), meta_value(82)), KEY order_id_meta_key_meta_value"
                    + " (order_id, meta_key(100), meta_value(82)))"};

    /** The meta keys WooCommerce's migration moves into the HPOS tables' columns; the others go to wc_orders_meta. */
    private static final String MAPPED_KEYS = "'_order_currency', '_order_tax', '_order_total', '_customer_user', '_billing_email',"
            + " '_payment_method', '_payment_method_title', '_transaction_id', '_customer_ip_address', '_customer_user_agent',"
            + " '_created_via', '_order_version', '_prices_include_tax', '_recorded_coupon_usage_counts', '_download_permissions_granted',"
            + " '_cart_hash', '_new_order_email_sent', '_order_key', '_order_stock_reduced', '_paid_date', '_date_paid', '_completed_date',"
            + " '_date_completed', '_order_shipping_tax', '_order_shipping', '_cart_discount_tax', '_cart_discount', '_recorded_sales',"
            + " '_billing_first_name', '_billing_last_name', '_billing_company', '_billing_address_1', '_billing_address_2', '_billing_city',"
            + " '_billing_state', '_billing_postcode', '_billing_country', '_billing_phone', '_shipping_first_name', '_shipping_last_name',"
            + " '_shipping_company', '_shipping_address_1', '_shipping_address_2', '_shipping_city', '_shipping_state',"
            + " '_shipping_postcode', '_shipping_country', '_shipping_phone'";

    private static String address(String type) {
        String fields = "first_name, last_name, company, address_1, address_2, city, state, postcode, country, email, phone";
        StringBuilder values = new StringBuilder();
        for (String field : fields.split(", ")) {
            values.append(", ").append(meta("_" + type + "_" + field));
        }
        return "INSERT INTO wp_wc_order_addresses (order_id, address_type, " + fields + ") SELECT p.ID, '" + type + "'" + values
                + " FROM wp_posts p WHERE p.post_type = 'shop_order' AND " + meta("_" + type + "_address_1") + " IS NOT NULL";
    }

    /** The posts' orders moved into the HPOS tables as WooCommerce's migration moves them, the posts left as placeholders. */
    private static final String[] TO_HPOS = {
            "INSERT INTO wp_wc_orders SELECT p.ID, p.post_status, " + meta("_order_currency") + ", p.post_type, " + meta("_order_tax") + ", "
                    + meta("_order_total") + ", " + meta("_customer_user") + ", " + meta("_billing_email") + ", p.post_date_gmt,"
                    + " p.post_modified_gmt, p.post_parent, " + meta("_payment_method") + ", " + meta("_payment_method_title") + ", "
                    + meta("_transaction_id") + ", " + meta("_customer_ip_address") + ", " + meta("_customer_user_agent") + ", p.post_excerpt"
                    + " FROM wp_posts p WHERE p.post_type IN ('shop_order', 'shop_order_refund')",
            address("billing"), address("shipping"),
            "INSERT INTO wp_wc_order_operational_data (order_id, created_via, woocommerce_version, prices_include_tax, order_key,"
                    + " date_paid_gmt, shipping_tax_amount, shipping_total_amount, discount_tax_amount, discount_total_amount) SELECT p.ID, "
                    + meta("_created_via") + ", " + meta("_order_version") + ", " + meta("_prices_include_tax") + " = 'yes', "
                    + meta("_order_key") + ", FROM_UNIXTIME(" + meta("_date_paid") + "), " + meta("_order_shipping_tax") + ", "
                    + meta("_order_shipping") + ", " + meta("_cart_discount_tax") + ", " + meta("_cart_discount") + " FROM wp_posts p WHERE"
                    + " p.post_type IN ('shop_order', 'shop_order_refund')",
            "INSERT INTO wp_wc_orders_meta (order_id, meta_key, meta_value) SELECT m.post_id, m.meta_key, m.meta_value FROM wp_postmeta m"
                    + " JOIN wp_posts p ON p.ID = m.post_id AND p.post_type IN ('shop_order', 'shop_order_refund') WHERE m.meta_key NOT IN ("
                    + MAPPED_KEYS + ")",
            "DELETE m FROM wp_postmeta m JOIN wp_posts p ON p.ID = m.post_id AND p.post_type IN ('shop_order', 'shop_order_refund')",
            "UPDATE wp_posts SET post_type = 'shop_order_placehold' WHERE post_type IN ('shop_order', 'shop_order_refund')",
            "INSERT INTO wp_options (option_name, option_value) VALUES ('woocommerce_custom_orders_table_enabled', 'yes')"};

    /** Everything an order holds, for two destinations of the same shop. */
    private static final String ORDER_DETAILS = "SELECT GROUP_CONCAT(CONCAT_WS('|', o.increment_id, o.state, o.status, o.grand_total,"
            + " o.subtotal, o.tax_amount, o.shipping_amount, o.discount_amount, o.total_paid, o.total_due, o.order_currency_code,"
            + " o.customer_email, o.customer_is_guest, o.shipping_method, o.shipping_description, o.coupon_code, o.created_at,"
            + " o.remote_ip, (SELECT GROUP_CONCAT(CONCAT_WS(':', i.sku, i.name, i.qty_ordered, i.price, i.row_total, i.discount_amount)"
            + " ORDER BY i.sku, i.qty_ordered) FROM sales_flat_order_item i WHERE i.order_id = o.entity_id), (SELECT"
            + " GROUP_CONCAT(CONCAT_WS(':', a.address_type, a.firstname, a.street, a.city, a.region_id, a.postcode, a.country_id,"
            + " a.telephone, a.email) ORDER BY a.address_type) FROM sales_flat_order_address a WHERE a.parent_id = o.entity_id),"
            + " (SELECT GROUP_CONCAT(CONCAT_WS(':', p.method, p.amount_paid)) FROM sales_flat_order_payment p WHERE p.parent_id ="
            + " o.entity_id), (SELECT GROUP_CONCAT(h.comment ORDER BY h.created_at, h.comment) FROM sales_flat_order_status_history h"
            + " WHERE h.parent_id = o.entity_id)) ORDER BY CAST(o.increment_id AS UNSIGNED) SEPARATOR '\\n') FROM sales_flat_order o";

    @Test
    @Order(4)
    void ordersKeptInHposTablesArriveAsFromPosts() throws Exception {
        ConnectionSettings hpos = server.database(TestServer.uniqueName("woo_hpos"));
        ConnectionSettings hposDestination = server.database(TestServer.uniqueName("woo_hpos_dst"));
        server.createDatabase(hpos.database());
        server.createDatabase(hposDestination.database());
        try {
            DumpLoader.load(DUMP, hpos);
            TestShops.execute(hpos, REFUNDS);
            TestShops.execute(hpos, HPOS_TABLES);
            TestShops.execute(hpos, TO_HPOS);
            DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), hposDestination);
            assertEquals(ExitCode.OK, cli("sync", "all", "live", "-a", "woocommerce").exit());

            CliTest.Result result = CliTest.runAgainst(hpos, hposDestination, "sync", "all", "live", "-a", "woocommerce");

            assertEquals(ExitCode.OK, result.exit(), result.out() + result.err());
            assertTrue(result.out().matches("(?s).*\\ncustomer\\s+1\\s+1\\s.*\\norder\\s+24\\s+24\\s+0\\s+0\\s+0\\s+0\\s.*"), result.out());
            String fromPosts = Checksums.text(destination, ORDER_DETAILS);
            assertTrue(fromPosts.contains("101\ntest:Los angeles"), fromPosts);
            assertEquals(fromPosts, Checksums.text(hposDestination, ORDER_DETAILS));
            assertEquals(Checksums.text(destination, CREDITMEMOS), Checksums.text(hposDestination, CREDITMEMOS));
        } finally {
            server.dropDatabase(hpos.database());
            server.dropDatabase(hposDestination.database());
        }
    }
}
