package org.maho.datasync.sample;

import static org.maho.datasync.sample.ShopSeeder.insert;
import static org.maho.datasync.sample.ShopSeeder.row;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.maho.datasync.sample.ShopSeeder.AttributeDef;

/**
 * The catalog part of a seeded shop: product and category attributes with their scopes and options, attribute
 * sets and groups, product link types, the stock, and the category tree's root with a root category. The source
 * layout has an attribute (shoe_size), a set (Clothing) and a tax class the destination lacks, as a real old shop does.
 */
final class CatalogSeeder {

    private static final String TABLE = "eav/entity_attribute_source_table";

    static final List<AttributeDef> PRODUCT_ATTRIBUTES = List.of(
            new AttributeDef("name", "varchar", "text", null, "Name"),
            new AttributeDef("sku", "static", "text", null, "SKU").scope(1),
            new AttributeDef("description", "text", "textarea", null, "Description"),
            new AttributeDef("short_description", "text", "textarea", null, "Short Description"),
            new AttributeDef("price", "decimal", "price", null, "Price").scope(2),
            new AttributeDef("special_price", "decimal", "price", null, "Special Price").scope(2),
            new AttributeDef("special_from_date", "datetime", "date", null, "Special Price From Date").scope(2),
            new AttributeDef("cost", "decimal", "price", null, "Cost").scope(2),
            new AttributeDef("weight", "decimal", "weight", null, "Weight").scope(1),
            new AttributeDef("status", "int", "select", "catalog/product_status", "Status").scope(2),
            new AttributeDef("visibility", "int", "select", "catalog/product_visibility", "Visibility"),
            new AttributeDef("tax_class_id", "int", "select", "tax/class_source_product", "Tax Class").scope(2),
            new AttributeDef("url_key", "varchar", "text", null, "URL Key"),
            new AttributeDef("meta_title", "varchar", "text", null, "Meta Title"),
            new AttributeDef("image", "varchar", "media_image", null, "Base Image"),
            new AttributeDef("small_image", "varchar", "media_image", null, "Small Image"),
            new AttributeDef("thumbnail", "varchar", "media_image", null, "Thumbnail"),
            new AttributeDef("media_gallery", "varchar", "gallery", null, "Media Gallery"),
            new AttributeDef("news_from_date", "datetime", "date", null, "Set Product as New from Date").scope(2),
            new AttributeDef("has_options", "static", "text", null, null).scope(1),
            new AttributeDef("created_at", "static", "text", null, null).scope(1),
            new AttributeDef("updated_at", "static", "text", null, null).scope(1),
            AttributeDef.custom("color", "int", "select", TABLE, "Color", List.of("Red", "Blue", "Green", "Black", "White")).scope(1),
            AttributeDef.custom("size", "int", "select", TABLE, "Size", List.of("S", "M", "L", "XL")).scope(1),
            AttributeDef.custom("material", "varchar", "multiselect", TABLE, "Material",
                    List.of("Cotton", "Wool", "Polyester", "Leather")).scope(1),
            AttributeDef.custom("manufacturer", "int", "select", TABLE, "Manufacturer", List.of("Acme", "Globex", "Initech")).scope(1),
            AttributeDef.custom("care_instructions", "text", "textarea", null, "Care Instructions", List.of()));

    /** Only in the source layout: the destination must have it created by an attribute sync. */
    static final AttributeDef SHOE_SIZE = AttributeDef.custom("shoe_size", "int", "select", TABLE, "Shoe Size",
            List.of("40", "41", "42", "43", "44")).scope(1);

    static final List<AttributeDef> CATEGORY_ATTRIBUTES = List.of(
            new AttributeDef("name", "varchar", "text", null, "Name"),
            new AttributeDef("is_active", "int", "select", "eav/entity_attribute_source_boolean", "Is Active"),
            new AttributeDef("url_key", "varchar", "text", null, "URL Key"),
            new AttributeDef("description", "text", "textarea", null, "Description"),
            new AttributeDef("meta_title", "varchar", "text", null, "Page Title"),
            new AttributeDef("include_in_menu", "int", "select", "eav/entity_attribute_source_boolean", "Include in Navigation Menu").scope(1),
            new AttributeDef("is_anchor", "int", "select", "eav/entity_attribute_source_boolean", "Is Anchor"),
            new AttributeDef("display_mode", "varchar", "select", "catalog/category_attribute_source_mode", "Display Mode"),
            new AttributeDef("position", "static", "text", null, null).scope(1));

    private CatalogSeeder() {}

    static void seed(Connection connection, Map<String, Integer> types, boolean source) throws SQLException {
        int product = types.get("catalog_product");
        int category = types.get("catalog_category");
        List<AttributeDef> productAttributes = new ArrayList<>(PRODUCT_ATTRIBUTES);
        if (source) {
            productAttributes.add(SHOE_SIZE);
            insert(connection, "tax_class", "class_id, class_name, class_type", row(1, "Reduced Rate", "PRODUCT"));
        }
        ShopSeeder.attributes(connection, product, productAttributes, source ? 600 : 200, source, source ? 1000 : 500,
                "catalog_eav_attribute");
        ShopSeeder.attributes(connection, category, CATEGORY_ATTRIBUTES, source ? 800 : 300, source, source ? 1200 : 600,
                "catalog_eav_attribute");
        sets(connection, product, category, source);
        links(connection, source);
        insert(connection, "cataloginventory_stock", "stock_id, stock_name", row(1, "Default"));
        tree(connection, category, source);
    }

    private static void sets(Connection connection, int product, int category, boolean source) throws SQLException {
        int productDefault = setId(connection, product, "Default");
        int categoryDefault = setId(connection, category, "Default");
        List<String[]> groups = new ArrayList<>(List.of(new String[] {"General", "1"}, new String[] {"Prices", "2"},
                new String[] {"Images", "3"}));
        if (source) {
            Collections.reverse(groups);
        }
        for (String[] group : groups) {
            insert(connection, "eav_attribute_group", "attribute_set_id, attribute_group_name, sort_order",
                    row(productDefault, group[0], Integer.parseInt(group[1])));
        }
        insert(connection, "eav_attribute_group", "attribute_set_id, attribute_group_name, sort_order",
                row(categoryDefault, "General Information", 1));
        assign(connection, product, productDefault, "General", "name", "sku", "description", "short_description", "weight",
                "status", "visibility", "url_key", "meta_title", "color", "manufacturer", "news_from_date");
        assign(connection, product, productDefault, "Prices", "price", "special_price", "special_from_date", "cost", "tax_class_id");
        assign(connection, product, productDefault, "Images", "image", "small_image", "thumbnail", "media_gallery");
        assign(connection, category, categoryDefault, "General Information", "name", "is_active", "url_key", "description",
                "meta_title", "include_in_menu", "is_anchor", "display_mode");
        if (source) {
            insert(connection, "eav_attribute_set", "entity_type_id, attribute_set_name, sort_order", row(product, "Clothing", 2));
            int clothing = setId(connection, product, "Clothing");
            insert(connection, "eav_attribute_group", "attribute_set_id, attribute_group_name, sort_order",
                    row(clothing, "General", 1), row(clothing, "Prices", 2), row(clothing, "Apparel", 3));
            assign(connection, product, clothing, "General", "name", "sku", "description", "short_description", "status",
                    "visibility", "url_key", "manufacturer");
            assign(connection, product, clothing, "Prices", "price", "special_price", "tax_class_id");
            assign(connection, product, clothing, "Apparel", "color", "size", "material", "shoe_size", "care_instructions");
        }
    }

    private static void links(Connection connection, boolean source) throws SQLException {
        insert(connection, "catalog_product_link_type", "link_type_id, code", row(1, "relation"), row(3, "super"),
                row(4, "up_sell"), row(5, "cross_sell"));
        List<Object[]> attributes = new ArrayList<>(List.of(row(1, "position", "int"), row(3, "position", "int"),
                row(3, "qty", "decimal"), row(4, "position", "int"), row(5, "position", "int")));
        if (source) {
            Collections.reverse(attributes);
        }
        insert(connection, "catalog_product_link_attribute", "link_type_id, product_link_attribute_code, data_type",
                attributes.toArray(Object[][]::new));
    }

    /** The tree root and one root category: id 3 in the old layout, 2 in a fresh one, as in real shops. */
    private static void tree(Connection connection, int category, boolean source) throws SQLException {
        int root = source ? 3 : 2;
        int set = setId(connection, category, "Default");
        insert(connection, "catalog_category_entity", "entity_id, entity_type_id, attribute_set_id, parent_id, path, position,"
                        + " level, children_count, created_at, updated_at",
                row(1, category, 0, 0, "1", 0, 0, 1, "2024-01-01 00:00:00", "2024-01-01 00:00:00"),
                row(root, category, set, 1, "1/" + root, 1, 1, 0, "2024-01-01 00:00:00", "2024-01-01 00:00:00"));
        int name = attributeId(connection, category, "name");
        int active = attributeId(connection, category, "is_active");
        insert(connection, "catalog_category_entity_varchar", "entity_type_id, attribute_id, store_id, entity_id, value",
                row(category, name, 0, 1, "Root Catalog"), row(category, name, 0, root, "Default Category"));
        insert(connection, "catalog_category_entity_int", "entity_type_id, attribute_id, store_id, entity_id, value",
                row(category, active, 0, root, 1));
    }

    private static void assign(Connection connection, int type, int set, String group, String... codes) throws SQLException {
        int groupId = single(connection, "SELECT attribute_group_id FROM eav_attribute_group WHERE attribute_set_id = ?"
                + " AND attribute_group_name = ?", set, group);
        List<Object[]> rows = new ArrayList<>();
        int sort = 1;
        for (String code : codes) {
            rows.add(row(type, set, groupId, attributeId(connection, type, code), sort++));
        }
        insert(connection, "eav_entity_attribute", "entity_type_id, attribute_set_id, attribute_group_id, attribute_id, sort_order",
                rows.toArray(Object[][]::new));
    }

    static int setId(Connection connection, int type, String name) throws SQLException {
        return single(connection, "SELECT attribute_set_id FROM eav_attribute_set WHERE entity_type_id = ? AND attribute_set_name = ?",
                type, name);
    }

    static int attributeId(Connection connection, int type, String code) throws SQLException {
        return single(connection, "SELECT attribute_id FROM eav_attribute WHERE entity_type_id = ? AND attribute_code = ?", type, code);
    }

    private static int single(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("seed: nothing for " + sql + " " + List.of(params));
                }
                return rows.getInt(1);
            }
        }
    }
}
