package org.maho.datasync.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.SqlScript;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.source.magento2.Magento2Tables;

/**
 * A Magento 2.4 shop made from a generated OpenMage shop as Magento's Data Migration Tool makes one from a Magento 1
 * shop (its map files, ../shared/reference/magento2, read forwards): the real 2.4 schema loaded from a dump of an
 * install, then the stores, configuration, tax classes, rates and rules, customer groups, the attributes Magento 2
 * lacks and the product attribute sets ({@link Magento2Eav}), categories, products of every type, customers with
 * addresses, ratings and reviews, orders with their invoices, shipments, credit memos and grids, newsletter subscribers and CMS content
 * copied into it table by table, on the same server. Customers' attribute values become Magento 2's static columns (a
 * gender by its label, a region by its code, a password hash with its version) or its value tables' (options by label),
 * group prices tier prices of quantity 1, the gallery Magento 2's three tables, stock its stock items and the default
 * source's items (MSI), price rules with their conditions as Magento 2 keeps them ({@link Magento2Conditions}),
 * PHP-serialized values JSON, renamed tables and columns take Magento 2's names.
 */
public final class Magento2Shop {

    /** The Magento 2.4.2 install the project's fixtures hold, the default schema of a generated Magento 2 shop. */
    public static final Path FIXTURE_SCHEMA = Path.of("../shared/fixtures/magento2/magento-2.4.2-schema.sql.gz");

    /** OpenMage's tables copied into Magento 2's, parents first, the install's own rows replaced. */
    private static final List<String> TABLES = List.of("core_website", "core_store_group", "core_store", "tax_class",
            "customer_group", "tax_calculation_rate", "tax_calculation_rate_title", "tax_calculation_rule", "tax_calculation",
            "catalog_category_entity", "catalog_product_entity", "catalog_product_website", "catalog_category_product",
            "catalog_product_entity_tier_price", "catalog_product_option", "catalog_product_option_title", "catalog_product_option_price",
            "catalog_product_option_type_value", "catalog_product_option_type_title", "catalog_product_option_type_price",
            "catalog_product_super_attribute", "catalog_product_super_attribute_label", "catalog_product_super_link",
            "catalog_product_relation", "catalog_product_link", "catalog_product_link_attribute_int", "catalog_product_link_attribute_decimal",
            "catalog_product_link_attribute_varchar", "catalog_product_bundle_option", "catalog_product_bundle_option_value",
            "catalog_product_bundle_selection", "catalog_product_bundle_selection_price", "downloadable_link", "downloadable_link_title",
            "downloadable_link_price", "downloadable_sample", "downloadable_sample_title", "cataloginventory_stock_item",
            "salesrule", "salesrule_website", "salesrule_customer_group", "salesrule_label", "salesrule_product_attribute",
            "salesrule_coupon", "catalogrule", "catalogrule_website", "catalogrule_customer_group",
            "customer_entity", "customer_address_entity", "salesrule_customer", "salesrule_coupon_usage", "rating", "rating_option", "rating_store", "rating_title", "review",
            "review_detail", "review_store", "rating_option_vote", "newsletter_subscriber", "cms_block",
            "cms_block_store", "cms_page", "cms_page_store", "sales_flat_order", "sales_flat_order_item", "sales_flat_order_address", "sales_flat_order_payment",
            "sales_flat_order_status_history", "sales_flat_order_grid", "sales_flat_invoice", "sales_flat_invoice_item",
            "sales_flat_invoice_comment", "sales_flat_invoice_grid", "sales_flat_shipment", "sales_flat_shipment_item",
            "sales_flat_shipment_comment", "sales_flat_shipment_track", "sales_flat_shipment_grid", "sales_flat_creditmemo",
            "sales_flat_creditmemo_item", "sales_flat_creditmemo_comment", "sales_flat_creditmemo_grid");

    /** EAV entity tables whose attributes and values move in, and whether their values have a store view. */
    private static final Map<String, Boolean> EAV_TABLES = Map.of("customer_entity", false, "customer_address_entity", false,
            "catalog_category_entity", true, "catalog_product_entity", true);

    private final String openMage;
    private final ShopMetadata source;
    private final ShopSql sql;
    private final Magento2Eav eav;

    private Magento2Shop(Connection connection, String openMage, ShopMetadata source) {
        this.openMage = openMage;
        this.source = source;
        this.sql = new ShopSql(connection);
        this.eav = new Magento2Eav(connection, openMage, sql);
    }

    /**
     * Creates {@code database} afresh from {@code schemaDump} and copies the generated OpenMage shop {@code openMage}
     * (a database without a table prefix on the same server) into it.
     */
    public static void create(DatabaseServer server, String database, Path schemaDump, ConnectionSettings openMage)
            throws SQLException, IOException {
        server.createDatabase(database);
        try (Connection connection = SampleShop.connect(server.database(database))) {
            SqlScript.loadDump(connection, schemaDump);
            String from = "`" + openMage.database() + "`.";
            ShopMetadata source = ShopMetadata.load(connection, table -> from + table);
            new Magento2Shop(connection, from, source).copy();
        }
    }

    private void copy() throws SQLException {
        // the admin website, store and group keep their id 0 rather than take the next
        sql.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO'), FOREIGN_KEY_CHECKS = 0");
        eav.attributes(List.of("customer", "customer_address", "catalog_category", "catalog_product"));
        eav.sets("catalog_product");
        // the install's own product goes with the rest of its catalog
        for (String table : List.of("catalog_product_entity_media_gallery", "catalog_product_entity_media_gallery_value",
                "catalog_product_entity_media_gallery_value_to_entity", "inventory_source_item")) {
            sql.execute("DELETE FROM " + table);
        }
        sql.execute("DELETE FROM url_rewrite WHERE entity_type = 'product'");
        Magento2Conditions conditions = new Magento2Conditions(sql, openMage);
        for (String table : TABLES) {
            String target = Magento2Tables.tableName(table);
            sql.execute("DELETE FROM " + target);
            copy(table, changedColumns(table));
            if (EAV_TABLES.containsKey(table)) {
                eav.values(table, EAV_TABLES.get(table));
            }
            for (String column : Magento2Tables.jsonColumns(table)) {
                if (Magento2Tables.holdsRuleConditions(table, column)) {
                    conditions.rewrite(table, column);
                } else {
                    json(target, Magento2Tables.magento2SalesColumn(column));
                }
            }
        }
        for (String entity : List.of("catalog_category_entity", "catalog_product_entity")) {
            sql.execute("UPDATE " + entity + "_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id AND a.attribute_code"
                    + " = 'page_layout' SET v.value = " + pageLayout("v.value"));
        }
        groupPrices();
        gallery();
        sourceItems();
        // the install's own settings stay, the generated shop's are added
        sql.execute("INSERT IGNORE INTO core_config_data (scope, scope_id, path, value) SELECT scope, scope_id, path, value FROM "
                + openMage + "core_config_data");
        sql.execute("SET FOREIGN_KEY_CHECKS = 1");
    }

    /** The columns whose Magento 2 values are not the OpenMage row's columns of the same name, as expressions over it. */
    private Map<String, String> changedColumns(String table) throws SQLException {
        return switch (table) {
            case "core_store_group" -> Map.of("code", "IF(s.group_id = 0, 'default', TRIM(BOTH '_' FROM LOWER(REGEXP_REPLACE(s.name,"
                    + " '[^A-Za-z0-9]+', '_'))))");
            case "cms_page" -> Map.of("page_layout", pageLayout("s.root_template"));
            case "catalog_category_entity" -> Map.of("attribute_set_id", eav.setByName("catalog_category"));
            case "catalog_product_entity" -> Map.of("attribute_set_id", eav.setByName("catalog_product"));
            // Magento 2 keeps a voter's address as ip2long's integer where OpenMage keeps inet_pton's bytes (ConvertIp)
            case "rating_option_vote" -> Map.of("remote_ip_long", "COALESCE(INET_ATON(INET6_NTOA(s.remote_ip_long)), 0)");
            case "salesrule_product_attribute" -> Map.of("attribute_id", "(SELECT m.new_id FROM attribute_map m WHERE m.old_id ="
                    + " s.attribute_id)");
            case "catalog_product_super_attribute" -> Map.of("attribute_id", "(SELECT m.new_id FROM attribute_map m WHERE m.old_id ="
                    + " s.attribute_id)");
            // a link attribute as Magento 2's of the same link type and code
            case "catalog_product_link_attribute_int", "catalog_product_link_attribute_decimal", "catalog_product_link_attribute_varchar" ->
                    Map.of("product_link_attribute_id", "(SELECT n.product_link_attribute_id FROM catalog_product_link_attribute n JOIN "
                            + openMage + "catalog_product_link_attribute o ON o.link_type_id = n.link_type_id AND o.product_link_attribute_code"
                            + " = n.product_link_attribute_code WHERE o.product_link_attribute_id = s.product_link_attribute_id)");
            // Magento 2's bundle rows name their product too
            case "catalog_product_bundle_option_value" -> Map.of("parent_product_id", "(SELECT o.parent_id FROM " + openMage
                    + "catalog_product_bundle_option o WHERE o.option_id = s.option_id)");
            case "catalog_product_bundle_selection_price" -> Map.of("parent_product_id", "(SELECT b.parent_product_id FROM " + openMage
                    + "catalog_product_bundle_selection b WHERE b.selection_id = s.selection_id)");
            case "customer_entity" -> staticColumns("customer", table);
            case "customer_address_entity" -> staticColumns("customer_address", table);
            default -> Magento2Tables.salesTables().contains(table) ? salesColumns(table) : Map.of();
        };
    }

    /** Magento 2 has no group prices: the migration tool makes them tier prices of quantity 1. */
    private void groupPrices() throws SQLException {
        sql.execute("INSERT IGNORE INTO catalog_product_entity_tier_price (entity_id, all_groups, customer_group_id, qty, value, website_id)"
                + " SELECT entity_id, all_groups, customer_group_id, 1, value, website_id FROM " + openMage + "catalog_product_entity_group_price");
    }

    /** An image of Magento 2's gallery is linked to its product in a table of its own, and its store values name the product. */
    private void gallery() throws SQLException {
        sql.execute("INSERT INTO catalog_product_entity_media_gallery (value_id, attribute_id, value, media_type, disabled) SELECT s.value_id,"
                + " m.new_id, s.value, 'image', 0 FROM " + openMage + "catalog_product_entity_media_gallery s JOIN attribute_map m ON"
                + " m.old_id = s.attribute_id");
        sql.execute("INSERT INTO catalog_product_entity_media_gallery_value_to_entity (value_id, entity_id) SELECT value_id, entity_id FROM "
                + openMage + "catalog_product_entity_media_gallery");
        sql.execute("INSERT INTO catalog_product_entity_media_gallery_value (value_id, store_id, entity_id, label, position, disabled)"
                + " SELECT v.value_id, v.store_id, g.entity_id, v.label, v.position, v.disabled FROM " + openMage
                + "catalog_product_entity_media_gallery_value v JOIN " + openMage + "catalog_product_entity_media_gallery g ON g.value_id = v.value_id");
    }

    /**
     * Magento 2's multi-source inventory: each product that keeps a quantity (not a configurable, grouped or bundle one)
     * has it in the default source, as an upgrade to 2.3 puts it there.
     */
    private void sourceItems() throws SQLException {
        sql.execute("INSERT INTO inventory_source_item (source_code, sku, quantity, status) SELECT 'default', p.sku, COALESCE(s.qty, 0),"
                + " s.is_in_stock FROM " + openMage + "cataloginventory_stock_item s JOIN " + openMage + "catalog_product_entity p ON"
                + " p.entity_id = s.product_id WHERE p.type_id NOT IN ('configurable', 'grouped', 'bundle')");
    }

    /** Expressions for the columns of a Magento 2 entity table that OpenMage keeps as attribute values of the same code. */
    private Map<String, String> staticColumns(String entityType, String table) throws SQLException {
        Set<String> openMageColumns = sql.columns(openMage, table);
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : sql.columnTypes("", table).entrySet()) {
            ShopMetadata.Attribute attribute = source.attribute(entityType, column.getKey()).orElse(null);
            if (openMageColumns.contains(column.getKey()) || attribute == null || attribute.isStatic()) {
                continue;
            }
            String value = "(SELECT v.value FROM " + openMage + table + "_" + attribute.backendType() + " v WHERE v.entity_id"
                    + " = s.entity_id AND v.attribute_id = " + attribute.id() + ")";
            expressions.put(column.getKey(), switch (column.getKey()) {
                // Magento 2's hash:salt:version, md5 (0) or sha256 (1) of the salt and the password as OpenMage's are
                case "password_hash" -> "CASE WHEN " + value + " REGEXP '^[0-9a-f]{64}:' THEN CONCAT(" + value + ", ':1') WHEN " + value
                        + " REGEXP '^[0-9a-f]{32}:' THEN CONCAT(" + value + ", ':0') ELSE " + value + " END";
                case "region_id" -> region(value);
                // an option as Magento 2's of the same label (Magento2Eav's option_map)
                default -> source.hasOptions(attribute) ? "(SELECT o.new_id FROM option_map o WHERE o.old_id = " + value + ")"
                        : "date".equals(column.getValue()) ? "DATE(" + value + ")" : value;
            });
        }
        return expressions;
    }

    /** Magento 2's page layout for OpenMage's root template in {@code template}; one it has none of as it is. */
    private static String pageLayout(String template) {
        return "CASE " + template + Magento2Tables.pageLayouts().entrySet().stream()
                .map(layout -> " WHEN '" + layout.getValue() + "' THEN '" + layout.getKey() + "'").collect(Collectors.joining()) + " ELSE "
                + template + " END";
    }

    /** Magento 2's region of the same country and code (the generated shop's directory has ids of its own). */
    private String region(String openMageRegionId) {
        return "(SELECT r.region_id FROM directory_country_region r JOIN " + openMage + "directory_country_region o"
                + " ON o.country_id = r.country_id AND o.code = r.code WHERE o.region_id = " + openMageRegionId + ")";
    }

    /**
     * A sales table's columns under Magento 2's names; grids name the order's customer as Magento 2's do.
     */
    private Map<String, String> salesColumns(String table) throws SQLException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (String column : sql.columns(openMage, table)) {
            expressions.put(Magento2Tables.magento2SalesColumn(column), switch (column) {
                case "region_id" -> region("s.region_id");
                default -> "s." + column;
            });
        }
        if (table.endsWith("_grid")) {
            String order = table.equals("sales_flat_order_grid") ? "s.entity_id" : "s.order_id";
            expressions.put("customer_name", "(SELECT CONCAT_WS(' ', o.customer_firstname, o.customer_lastname) FROM " + openMage
                    + "sales_flat_order o WHERE o.entity_id = " + order + ")");
        }
        return expressions;
    }

    /**
     * Copies one of OpenMage's tables into Magento 2's: the columns both have, and those given as expressions over the
     * OpenMage row {@code s}.
     */
    private void copy(String table, Map<String, String> expressions) throws SQLException {
        String target = Magento2Tables.tableName(table);
        Set<String> targetColumns = sql.columns("", target);
        Map<String, String> select = new LinkedHashMap<>();
        for (String column : sql.columns(openMage, table)) {
            if (targetColumns.contains(column)) {
                select.put(column, "s." + column);
            }
        }
        expressions.forEach((column, expression) -> {
            if (targetColumns.contains(column)) {
                select.put(column, expression);
            }
        });
        sql.execute("INSERT INTO " + target + " (" + String.join(", ", select.keySet()) + ") SELECT " + String.join(", ", select.values())
                + " FROM " + openMage + table + " s");
    }

    /** Rewrites a column's PHP-serialized values as the JSON Magento 2 keeps (json_encode(unserialize($value))). */
    private void json(String table, String column) throws SQLException {
        String key = sql.columns("", table).contains("item_id") ? "item_id" : "entity_id";
        List<Object[]> rewritten = new ArrayList<>();
        for (Map<String, Object> row : sql.rows("SELECT " + key + " id, " + column + " value FROM " + table + " WHERE " + column
                + " IS NOT NULL AND " + column + " <> ''")) {
            rewritten.add(new Object[] {PhpToJson.json(row.get("value").toString()), row.get("id")});
        }
        // a row's time of change stays the generated one, not the time of this rewrite (ON UPDATE CURRENT_TIMESTAMP)
        String keepTime = sql.columns("", table).contains("updated_at") ? ", updated_at = updated_at" : "";
        sql.update("UPDATE " + table + " SET " + column + " = ?" + keepTime + " WHERE " + key + " = ?", rewritten);
    }
}
