package org.maho.datasync;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.maho.datasync.db.ConnectionSettings;

/**
 * A shop's catalog as a user would compare two shops: categories by url-key path, products by sku, every value by
 * attribute code and store code, options by label, and every part of a product (prices, gallery, options,
 * configurable, grouped, bundle, downloadable parts, links, stock) in shop-independent terms. Written with its
 * own SQL, independent of the code under test.
 */
public final class CatalogView {

    private final Connection connection;
    private final Map<Integer, String[]> attributes = new HashMap<>();
    private final Map<String, String> optionLabels = new HashMap<>();
    private final Map<String, String> stores = new HashMap<>();
    private final Map<String, String> websites = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> taxClasses = new HashMap<>();
    private final Map<String, String> sets = new HashMap<>();
    private final Map<String, String> skus = new HashMap<>();
    private final Map<String, String> linkTypes = new HashMap<>();
    private final Map<String, String> linkAttributes = new HashMap<>();
    private final Map<String, String> categoryPaths = new HashMap<>();

    private CatalogView(Connection connection) {
        this.connection = connection;
    }

    /** Categories by url-key path (root categories by name): every value by "code@store". */
    public static Map<String, Map<String, String>> categories(ConnectionSettings shop) throws SQLException {
        try (Connection connection = TestServer.connect(shop)) {
            CatalogView view = new CatalogView(connection);
            view.load();
            return view.categories();
        }
    }

    /** Products by lower-case sku: values by "code@store", and each part as a sorted list of text. */
    public static Map<String, Map<String, Object>> products(ConnectionSettings shop) throws SQLException {
        try (Connection connection = TestServer.connect(shop)) {
            CatalogView view = new CatalogView(connection);
            view.load();
            return view.products();
        }
    }

    private void load() throws SQLException {
        query("SELECT a.attribute_id, a.attribute_code, a.backend_type, t.entity_type_code, a.frontend_input,"
                + " COALESCE(a.source_model, '') FROM eav_attribute a JOIN eav_entity_type t USING (entity_type_id)", row ->
                attributes.put(row.getInt(1), new String[] {row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6)}));
        query("SELECT o.attribute_id, o.option_id, v.value FROM eav_attribute_option o JOIN eav_attribute_option_value v"
                + " ON v.option_id = o.option_id AND v.store_id = 0", row -> optionLabels.put(row.getInt(1) + ":" + row.getString(2), row.getString(3)));
        query("SELECT store_id, code FROM core_store", row -> stores.put(row.getString(1), row.getString(2)));
        query("SELECT website_id, code FROM core_website", row -> websites.put(row.getString(1), row.getString(2)));
        query("SELECT customer_group_id, customer_group_code FROM customer_group", row -> groups.put(row.getString(1), row.getString(2)));
        query("SELECT class_id, class_name FROM tax_class", row -> taxClasses.put(row.getString(1), row.getString(2)));
        query("SELECT attribute_set_id, attribute_set_name FROM eav_attribute_set", row -> sets.put(row.getString(1), row.getString(2)));
        query("SELECT entity_id, sku FROM catalog_product_entity", row -> skus.put(row.getString(1), row.getString(2).toLowerCase(Locale.ROOT)));
        query("SELECT link_type_id, code FROM catalog_product_link_type", row -> linkTypes.put(row.getString(1), row.getString(2)));
        query("SELECT a.product_link_attribute_id, t.code, a.product_link_attribute_code FROM catalog_product_link_attribute a"
                + " JOIN catalog_product_link_type t USING (link_type_id)", row -> linkAttributes.put(row.getString(1), row.getString(2) + "." + row.getString(3)));
        Map<String, String[]> nodes = new HashMap<>();
        query("SELECT e.entity_id, e.path, e.level, (SELECT v.value FROM catalog_category_entity_varchar v JOIN eav_attribute a"
                + " USING (attribute_id) WHERE v.entity_id = e.entity_id AND a.attribute_code = 'name' AND v.store_id = 0 AND a.entity_type_id = e.entity_type_id),"
                + " (SELECT v.value FROM catalog_category_entity_varchar v JOIN eav_attribute a USING (attribute_id)"
                + " WHERE v.entity_id = e.entity_id AND a.attribute_code = 'url_key' AND v.store_id = 0 AND a.entity_type_id = e.entity_type_id)"
                + " FROM catalog_category_entity e", row -> nodes.put(row.getString(1),
                new String[] {row.getString(2), row.getString(3), row.getString(4), row.getString(5)}));
        for (Map.Entry<String, String[]> node : nodes.entrySet()) {
            StringBuilder key = new StringBuilder();
            for (String id : node.getValue()[0].split("/")) {
                String[] step = nodes.get(id);
                if (step == null || "0".equals(step[1])) {
                    continue;
                }
                String segment = "1".equals(step[1]) || step[3] == null ? step[2] : step[3];
                key.append(key.length() == 0 ? "" : "/").append(segment == null ? "?" : segment.toLowerCase(Locale.ROOT));
            }
            categoryPaths.put(node.getKey(), key.toString());
        }
    }

    private Map<String, Map<String, String>> categories() throws SQLException {
        Map<String, Map<String, String>> byPath = new TreeMap<>();
        Map<String, Map<String, String>> byId = new HashMap<>();
        query("SELECT entity_id, level, position, attribute_set_id FROM catalog_category_entity WHERE level > 0", row -> {
            Map<String, String> values = new TreeMap<>();
            values.put("level", row.getString(2));
            values.put("position", row.getString(3));
            values.put("set", sets.get(row.getString(4)));
            byId.put(row.getString(1), values);
            byPath.put(categoryPaths.get(row.getString(1)), values);
        });
        eavValues("catalog_category_entity", byId);
        return byPath;
    }

    private Map<String, Map<String, Object>> products() throws SQLException {
        Map<String, Map<String, Object>> bySku = new TreeMap<>();
        Map<String, Map<String, String>> values = new HashMap<>();
        Map<String, Map<String, Object>> byId = new HashMap<>();
        query("SELECT entity_id, sku, type_id, attribute_set_id, has_options, required_options FROM catalog_product_entity", row -> {
            Map<String, Object> product = new TreeMap<>();
            Map<String, String> own = new TreeMap<>();
            own.put("type", row.getString(3));
            own.put("set", sets.get(row.getString(4)));
            own.put("has_options", row.getString(5));
            own.put("required_options", row.getString(6));
            product.put("values", own);
            values.put(row.getString(1), own);
            byId.put(row.getString(1), product);
            bySku.put(row.getString(2).toLowerCase(Locale.ROOT), product);
        });
        eavValues("catalog_product_entity", values);
        part(byId, "websites", "SELECT product_id, website_id FROM catalog_product_website", row -> websites.get(row.getString(2)));
        part(byId, "categories", "SELECT product_id, category_id, position FROM catalog_category_product",
                row -> categoryPaths.get(row.getString(2)) + " @" + row.getString(3));
        part(byId, "tier_prices", "SELECT entity_id, all_groups, customer_group_id, qty, value, website_id FROM catalog_product_entity_tier_price",
                row -> row.getString(2) + "|" + groups.get(row.getString(3)) + "|" + number(row.getString(4)) + "|" + number(row.getString(5))
                        + "|" + websites.get(row.getString(6)));
        part(byId, "group_prices", "SELECT entity_id, all_groups, customer_group_id, value, website_id FROM catalog_product_entity_group_price",
                row -> row.getString(2) + "|" + groups.get(row.getString(3)) + "|" + number(row.getString(4)) + "|" + websites.get(row.getString(5)));
        Map<String, List<String>> galleryValues = grouped("SELECT value_id, store_id, label, position, disabled FROM"
                + " catalog_product_entity_media_gallery_value", row -> stores.get(row.getString(2)) + ":" + row.getString(3) + ":"
                + row.getString(4) + ":" + row.getString(5));
        part(byId, "gallery", "SELECT entity_id, value_id, attribute_id, value FROM catalog_product_entity_media_gallery",
                row -> attributes.get(row.getInt(3))[0] + "|" + row.getString(4) + "|" + galleryValues.getOrDefault(row.getString(2), List.of()));
        Map<String, List<String>> optionTitles = grouped("SELECT option_id, store_id, title FROM catalog_product_option_title",
                row -> stores.get(row.getString(2)) + ":" + row.getString(3));
        Map<String, List<String>> optionPrices = grouped("SELECT option_id, store_id, price, price_type FROM catalog_product_option_price",
                row -> stores.get(row.getString(2)) + ":" + number(row.getString(3)) + ":" + row.getString(4));
        Map<String, List<String>> typeTitles = grouped("SELECT option_type_id, store_id, title FROM catalog_product_option_type_title",
                row -> stores.get(row.getString(2)) + ":" + row.getString(3));
        Map<String, List<String>> typePrices = grouped("SELECT option_type_id, store_id, price, price_type FROM catalog_product_option_type_price",
                row -> stores.get(row.getString(2)) + ":" + number(row.getString(3)) + ":" + row.getString(4));
        Map<String, List<String>> optionValues = grouped("SELECT option_id, option_type_id, sku, sort_order FROM catalog_product_option_type_value",
                row -> row.getString(3) + ":" + row.getString(4) + ":" + typeTitles.get(row.getString(2)) + ":" + typePrices.get(row.getString(2)));
        part(byId, "options", "SELECT product_id, option_id, type, is_require, sku, max_characters, file_extension, image_size_x,"
                + " image_size_y, sort_order FROM catalog_product_option", row -> row.getString(3) + "|" + row.getString(4) + "|"
                + row.getString(5) + "|" + row.getString(6) + "|" + row.getString(7) + "|" + row.getString(8) + "x" + row.getString(9)
                + "|" + row.getString(10) + "|" + optionTitles.get(row.getString(2)) + "|" + optionPrices.get(row.getString(2))
                + "|" + optionValues.get(row.getString(2)));
        Map<String, List<String>> superLabels = grouped("SELECT product_super_attribute_id, store_id, use_default, value FROM"
                + " catalog_product_super_attribute_label", row -> stores.get(row.getString(2)) + ":" + row.getString(3) + ":" + row.getString(4));
        Map<String, String> superAttributeCodes = new HashMap<>();
        query("SELECT product_super_attribute_id, attribute_id FROM catalog_product_super_attribute",
                row -> superAttributeCodes.put(row.getString(1), row.getString(2)));
        Map<String, List<String>> superPricing = grouped("SELECT product_super_attribute_id, value_index, is_percent, pricing_value,"
                + " website_id FROM catalog_product_super_attribute_pricing", row -> optionLabels.getOrDefault(
                superAttributeCodes.get(row.getString(1)) + ":" + row.getString(2), "raw:" + row.getString(2)) + ":" + row.getString(3)
                + ":" + number(row.getString(4)) + ":" + websites.get(row.getString(5)));
        part(byId, "super_attributes", "SELECT product_id, product_super_attribute_id, attribute_id, position FROM catalog_product_super_attribute",
                row -> attributes.get(row.getInt(3))[0] + "|" + row.getString(4) + "|" + superLabels.get(row.getString(2))
                        + "|" + superPricing.get(row.getString(2)));
        part(byId, "super_links", "SELECT parent_id, product_id FROM catalog_product_super_link", row -> skus.get(row.getString(2)));
        part(byId, "relations", "SELECT parent_id, child_id FROM catalog_product_relation", row -> skus.get(row.getString(2)));
        Map<String, List<String>> linkValues = new HashMap<>();
        for (String type : List.of("int", "decimal", "varchar")) {
            grouped("SELECT link_id, product_link_attribute_id, value FROM catalog_product_link_attribute_" + type,
                    row -> linkAttributes.get(row.getString(2)) + "=" + number(row.getString(3)))
                    .forEach((link, list) -> linkValues.computeIfAbsent(link, k -> new ArrayList<>()).addAll(list));
        }
        linkValues.values().forEach(list -> list.sort(null));
        part(byId, "links", "SELECT product_id, link_id, link_type_id, linked_product_id FROM catalog_product_link",
                row -> linkTypes.get(row.getString(3)) + "|" + skus.get(row.getString(4)) + "|" + linkValues.getOrDefault(row.getString(2), List.of()));
        Map<String, List<String>> bundleTitles = grouped("SELECT option_id, store_id, title FROM catalog_product_bundle_option_value",
                row -> stores.get(row.getString(2)) + ":" + row.getString(3));
        Map<String, List<String>> selections = grouped("SELECT option_id, product_id, position, is_default, selection_price_type,"
                + " selection_price_value, selection_qty, selection_can_change_qty FROM catalog_product_bundle_selection",
                row -> skus.get(row.getString(2)) + ":" + row.getString(3) + ":" + row.getString(4) + ":" + row.getString(5) + ":"
                        + number(row.getString(6)) + ":" + number(row.getString(7)) + ":" + row.getString(8));
        part(byId, "bundle_options", "SELECT parent_id, option_id, required, position, type FROM catalog_product_bundle_option",
                row -> row.getString(3) + "|" + row.getString(4) + "|" + row.getString(5) + "|" + bundleTitles.get(row.getString(2))
                        + "|" + selections.get(row.getString(2)));
        Map<String, List<String>> linkTitles = grouped("SELECT link_id, store_id, title FROM downloadable_link_title",
                row -> stores.get(row.getString(2)) + ":" + row.getString(3));
        Map<String, List<String>> linkPrices = grouped("SELECT link_id, website_id, price FROM downloadable_link_price",
                row -> websites.get(row.getString(2)) + ":" + number(row.getString(3)));
        part(byId, "downloadable_links", "SELECT product_id, link_id, sort_order, number_of_downloads, is_shareable, link_url,"
                + " link_file, link_type, sample_url, sample_file, sample_type FROM downloadable_link", row -> row.getString(3) + "|"
                + row.getString(4) + "|" + row.getString(5) + "|" + row.getString(6) + "|" + row.getString(7) + "|" + row.getString(8)
                + "|" + row.getString(9) + "|" + row.getString(10) + "|" + row.getString(11) + "|" + linkTitles.get(row.getString(2))
                + "|" + linkPrices.get(row.getString(2)));
        Map<String, List<String>> sampleTitles = grouped("SELECT sample_id, store_id, title FROM downloadable_sample_title",
                row -> stores.get(row.getString(2)) + ":" + row.getString(3));
        part(byId, "downloadable_samples", "SELECT product_id, sample_id, sample_url, sample_file, sample_type, sort_order FROM"
                + " downloadable_sample", row -> row.getString(3) + "|" + row.getString(4) + "|" + row.getString(5) + "|"
                + row.getString(6) + "|" + sampleTitles.get(row.getString(2)));
        part(byId, "stock", "SELECT s.product_id AS owner, s.* FROM cataloginventory_stock_item s", row -> {
            Map<String, String> columns = new TreeMap<>();
            ResultSetMetaData meta = row.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i);
                if (!Set.of("owner", "item_id", "product_id").contains(column)) {
                    columns.put(column, number(row.getString(i)));
                }
            }
            return columns.toString();
        });
        return bySku;
    }

    /** Values of an EAV entity by "code@store", from each attribute's own backend table (as the shop reads them). */
    private void eavValues(String table, Map<String, ? extends Map<String, ?>> byId) throws SQLException {
        for (String backend : List.of("varchar", "int", "text", "decimal", "datetime")) {
            query("SELECT entity_id, attribute_id, store_id, value FROM " + table + "_" + backend, row -> {
                String[] attribute = attributes.get(row.getInt(2));
                @SuppressWarnings("unchecked")
                Map<String, String> values = (Map<String, String>) byId.get(row.getString(1));
                if (attribute == null || values == null || !attribute[1].equals(backend)) {
                    return;
                }
                values.put(attribute[0] + "@" + stores.get(row.getString(3)), canonical(row.getInt(2), attribute, row.getString(4)));
            });
        }
    }

    private String canonical(int attributeId, String[] attribute, String raw) {
        if (raw == null) {
            return null;
        }
        if ("tax_class_id".equals(attribute[0])) {
            return "0".equals(raw) ? "none" : taxClasses.getOrDefault(raw, "raw:" + raw);
        }
        boolean options = ("select".equals(attribute[3]) || "multiselect".equals(attribute[3]))
                && (attribute[4].isEmpty() || attribute[4].equals("eav/entity_attribute_source_table"));
        if (options) {
            List<String> labels = new ArrayList<>();
            for (String id : raw.split(",")) {
                labels.add(optionLabels.getOrDefault(attributeId + ":" + id.trim(), "raw:" + id.trim()));
            }
            labels.sort(null);
            return String.join("|", labels);
        }
        return "decimal".equals(attribute[1]) ? number(raw) : raw;
    }

    private static String number(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private interface Text {
        String of(ResultSet row) throws SQLException;
    }

    /** A sorted list of text per product, in the product's map under {@code name}. */
    private void part(Map<String, Map<String, Object>> byId, String name, String sql, Text text) throws SQLException {
        grouped(sql, text).forEach((product, list) -> {
            Map<String, Object> target = byId.get(product);
            if (target != null) {
                target.put(name, list);
            }
        });
    }

    /** Text per row, grouped by the first column, each group sorted. */
    private Map<String, List<String>> grouped(String sql, Text text) throws SQLException {
        Map<String, List<String>> groups = new HashMap<>();
        query(sql, row -> groups.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(text.of(row)));
        groups.values().forEach(list -> list.sort(null));
        return groups;
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private void query(String sql, Row handler) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.accept(rows);
            }
        }
    }
}
