package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a new shop's configuration: websites, stores, customer groups, entity types, attributes, options and
 * regions. Two layouts hold the same codes under different ids, the way a shop upgraded from an old
 * Magento and a fresh install differ, so that every test of a mapping is honest.
 */
public final class ShopSeeder {

    /** Which ids a shop uses for the same codes. */
    public enum Layout {
        /** An old, upgraded shop: legacy entity-type ids, high attribute and option ids, base website first. */
        SOURCE,
        /** A fresh install: small ids in install order, the wholesale website and group ids swapped. */
        DESTINATION
    }

    /** An attribute of the seed; {@code global} is catalog_eav_attribute.is_global (0 store view, 1 global, 2 website). */
    record AttributeDef(String code, String backendType, String input, String sourceModel, String label,
                        List<String> options, boolean userDefined, int global) {
        AttributeDef(String code, String backendType, String input, String sourceModel, String label) {
            this(code, backendType, input, sourceModel, label, List.of(), false, 0);
        }

        AttributeDef(String code, String backendType, String input, String sourceModel, String label, List<String> options) {
            this(code, backendType, input, sourceModel, label, options, false, 0);
        }

        /** An attribute the shop added itself, not OpenMage. */
        static AttributeDef custom(String code, String backendType, String input, String sourceModel, String label,
                                   List<String> options) {
            return new AttributeDef(code, backendType, input, sourceModel, label, options, true, 0);
        }

        AttributeDef scope(int isGlobal) {
            return new AttributeDef(code, backendType, input, sourceModel, label, options, userDefined, isGlobal);
        }
    }

    private static final String TABLE_SOURCE = "eav/entity_attribute_source_table";

    static final List<AttributeDef> CUSTOMER_ATTRIBUTES = List.of(
            new AttributeDef("website_id", "static", "select", "customer/customer_attribute_source_website", "Associate to Website"),
            new AttributeDef("store_id", "static", "select", "customer/customer_attribute_source_store", "Create In"),
            new AttributeDef("created_in", "varchar", "text", null, "Created From"),
            new AttributeDef("prefix", "varchar", "text", null, "Prefix"),
            new AttributeDef("firstname", "varchar", "text", null, "First Name"),
            new AttributeDef("middlename", "varchar", "text", null, "Middle Name/Initial"),
            new AttributeDef("lastname", "varchar", "text", null, "Last Name"),
            new AttributeDef("suffix", "varchar", "text", null, "Suffix"),
            new AttributeDef("email", "static", "text", null, "Email"),
            new AttributeDef("group_id", "static", "select", "customer/customer_attribute_source_group", "Group"),
            new AttributeDef("dob", "datetime", "date", null, "Date Of Birth"),
            new AttributeDef("password_hash", "varchar", "hidden", null, null),
            new AttributeDef("default_billing", "int", "text", null, "Default Billing Address"),
            new AttributeDef("default_shipping", "int", "text", null, "Default Shipping Address"),
            new AttributeDef("taxvat", "varchar", "text", null, "Tax/VAT Number"),
            new AttributeDef("confirmation", "varchar", "text", null, "Is Confirmed"),
            new AttributeDef("created_at", "static", "datetime", null, "Created At"),
            new AttributeDef("gender", "int", "select", TABLE_SOURCE, "Gender", List.of("Male", "Female")),
            new AttributeDef("disable_auto_group_change", "static", "boolean", null, "Disable Automatic Group Change"),
            new AttributeDef("rp_token", "varchar", "hidden", null, null),
            new AttributeDef("rp_token_created_at", "datetime", "date", null, null),
            new AttributeDef("password_created_at", "int", "text", null, null),
            // the shop's own attributes, one of each backend type and both option kinds
            AttributeDef.custom("loyalty_points", "decimal", "text", null, "Loyalty Points", List.of()),
            AttributeDef.custom("customer_note", "text", "textarea", null, "Customer Note", List.of()),
            AttributeDef.custom("preferred_contact", "int", "select", TABLE_SOURCE, "Preferred Contact",
                    List.of("Email", "Phone", "Post")),
            AttributeDef.custom("interests", "varchar", "multiselect", TABLE_SOURCE, "Interests",
                    List.of("Running", "Cooking", "Reading", "Travel", "Music")),
            AttributeDef.custom("member_since", "datetime", "date", null, "Member Since", List.of()));

    static final List<AttributeDef> ADDRESS_ATTRIBUTES = List.of(
            new AttributeDef("prefix", "varchar", "text", null, "Prefix"),
            new AttributeDef("firstname", "varchar", "text", null, "First Name"),
            new AttributeDef("middlename", "varchar", "text", null, "Middle Name/Initial"),
            new AttributeDef("lastname", "varchar", "text", null, "Last Name"),
            new AttributeDef("suffix", "varchar", "text", null, "Suffix"),
            new AttributeDef("company", "varchar", "text", null, "Company"),
            new AttributeDef("street", "text", "multiline", null, "Street Address"),
            new AttributeDef("city", "varchar", "text", null, "City"),
            new AttributeDef("country_id", "varchar", "select", "customer/entity_address_attribute_source_country", "Country"),
            new AttributeDef("region", "varchar", "text", null, "State/Province"),
            new AttributeDef("region_id", "int", "hidden", "customer/entity_address_attribute_source_region", "State/Province"),
            new AttributeDef("postcode", "varchar", "text", null, "Zip/Postal Code"),
            new AttributeDef("telephone", "varchar", "text", null, "Telephone"),
            new AttributeDef("fax", "varchar", "text", null, "Fax"),
            new AttributeDef("vat_id", "varchar", "text", null, "VAT number"),
            new AttributeDef("vat_is_valid", "int", "text", null, "VAT number validity"),
            new AttributeDef("vat_request_id", "varchar", "text", null, "VAT number validation request ID"),
            new AttributeDef("vat_request_date", "varchar", "text", null, "VAT number validation request date"),
            new AttributeDef("vat_request_success", "int", "text", null, "VAT address validation request success"));

    /** Country, region code, region name: a slice of the directory, enough for the generated addresses. */
    static final List<String[]> REGIONS = List.of(
            new String[] {"US", "AL", "Alabama"}, new String[] {"US", "CA", "California"},
            new String[] {"US", "NY", "New York"}, new String[] {"US", "TX", "Texas"},
            new String[] {"US", "WA", "Washington"}, new String[] {"DE", "BER", "Berlin"},
            new String[] {"DE", "BAY", "Bayern"}, new String[] {"DE", "HAM", "Hamburg"},
            new String[] {"FR", "75", "Paris"}, new String[] {"FR", "69", "Rhône"},
            new String[] {"AU", "NSW", "New South Wales"}, new String[] {"AU", "VIC", "Victoria"},
            new String[] {"AU", "QLD", "Queensland"}, new String[] {"AU", "WA", "Western Australia"},
            new String[] {"AU", "SA", "South Australia"}, new String[] {"AU", "NT", "Northern Territory"},
            new String[] {"AU", "ACT", "Australian Capital Territory"}, new String[] {"AU", "TAS", "Tasmania"});

    static final List<String> COUNTRIES = List.of("US", "DE", "FR", "GB", "AU", "NL", "AT");

    private ShopSeeder() {}

    public static void seed(Connection connection, Layout layout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
        }
        boolean source = layout == Layout.SOURCE;
        stores(connection, source);
        groups(connection, source);
        directory(connection, source);
        Map<String, Integer> types = entityTypes(connection, source);
        attributes(connection, types.get("customer"), CUSTOMER_ATTRIBUTES, source ? 400 : 1, source, source ? 300 : 1, "customer_eav_attribute");
        attributes(connection, types.get("customer_address"), ADDRESS_ATTRIBUTES, source ? 900 : 100, source, source ? 700 : 100,
                "customer_eav_attribute");
        CatalogSeeder.seed(connection, types, source);
        if (source) {
            // the legacy shop's gender options, as in the real sample shop
            execute(connection, "UPDATE eav_attribute_option o JOIN eav_attribute a ON a.attribute_id = o.attribute_id"
                    + " SET o.option_id = 123 + o.sort_order WHERE a.attribute_code = 'gender' AND a.entity_type_id = ?",
                    types.get("customer"));
        }
    }

    private static void stores(Connection connection, boolean source) throws SQLException {
        if (source) {
            insert(connection, "core_website", "website_id, code, name, sort_order, default_group_id, is_default",
                    row(0, "admin", "Admin", 0, 0, 0), row(1, "base", "Main Website", 0, 1, 1),
                    row(2, "wholesale", "Wholesale Website", 1, 2, 0));
            insert(connection, "core_store_group", "group_id, website_id, name, root_category_id, default_store_id",
                    row(0, 0, "Default", 0, 0), row(1, 1, "Main Store", 3, 1), row(2, 2, "Wholesale Store", 3, 4));
            insert(connection, "core_store", "store_id, code, website_id, group_id, name, sort_order, is_active",
                    row(0, "admin", 0, 0, "Admin", 0, 1), row(1, "default", 1, 1, "English", 0, 1),
                    row(2, "german", 1, 1, "German", 1, 1), row(3, "french", 1, 1, "French", 2, 1),
                    row(4, "wholesale_en", 2, 2, "Wholesale English", 0, 1));
        } else {
            insert(connection, "core_website", "website_id, code, name, sort_order, default_group_id, is_default",
                    row(0, "admin", "Admin", 0, 0, 0), row(1, "wholesale", "Wholesale Website", 1, 1, 0),
                    row(2, "base", "Main Website", 0, 2, 1));
            insert(connection, "core_store_group", "group_id, website_id, name, root_category_id, default_store_id",
                    row(0, 0, "Default", 0, 0), row(1, 1, "Wholesale Store", 2, 1), row(2, 2, "Main Website Store", 2, 2));
            insert(connection, "core_store", "store_id, code, website_id, group_id, name, sort_order, is_active",
                    row(0, "admin", 0, 0, "Admin", 0, 1), row(1, "wholesale_en", 1, 1, "Wholesale English", 0, 1),
                    row(2, "default", 2, 2, "Default Store View", 0, 1), row(3, "german", 2, 2, "German", 1, 1),
                    row(4, "french", 2, 2, "French", 2, 1));
        }
    }

    private static void groups(Connection connection, boolean source) throws SQLException {
        insert(connection, "tax_class", "class_id, class_name, class_type",
                row(2, "Taxable Goods", "PRODUCT"), row(3, "Retail Customer", "CUSTOMER"));
        List<String> codes = source ? List.of("NOT LOGGED IN", "General", "Wholesale", "Retailer", "VIP")
                : List.of("NOT LOGGED IN", "General", "Retailer", "Wholesale", "VIP");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            rows.add(row(i, codes.get(i), 3));
        }
        insert(connection, "customer_group", "customer_group_id, customer_group_code, tax_class_id", rows.toArray(Object[][]::new));
    }

    private static void directory(Connection connection, boolean source) throws SQLException {
        List<Object[]> countries = new ArrayList<>();
        for (String country : COUNTRIES) {
            countries.add(row(country, country, country));
        }
        insert(connection, "directory_country", "country_id, iso2_code, iso3_code", countries.toArray(Object[][]::new));
        List<String[]> regions = new ArrayList<>(REGIONS);
        if (!source) {
            Collections.reverse(regions);
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            rows.add(row(i + 1, regions.get(i)[0], regions.get(i)[1], regions.get(i)[2]));
        }
        insert(connection, "directory_country_region", "region_id, country_id, code, default_name", rows.toArray(Object[][]::new));
    }

    private static Map<String, Integer> entityTypes(Connection connection, boolean source) throws SQLException {
        Map<String, Integer> ids = new LinkedHashMap<>();
        if (source) {
            ids.put("customer", 1);
            ids.put("customer_address", 2);
            ids.put("order", 4);
            ids.put("catalog_category", 9);
            ids.put("catalog_product", 10);
            ids.put("invoice", 18);
            ids.put("shipment", 24);
            ids.put("creditmemo", 28);
        } else {
            ids.put("customer", 1);
            ids.put("customer_address", 2);
            ids.put("catalog_category", 3);
            ids.put("catalog_product", 4);
            ids.put("order", 5);
            ids.put("invoice", 6);
            ids.put("creditmemo", 7);
            ids.put("shipment", 8);
        }
        List<Object[]> rows = new ArrayList<>();
        int set = 1;
        for (Map.Entry<String, Integer> type : ids.entrySet()) {
            // as OpenMage numbers them: customers shop-wide, sales documents per store view with the store's prefix
            boolean sales = List.of("order", "invoice", "shipment", "creditmemo").contains(type.getKey());
            boolean numbered = sales || "customer".equals(type.getKey());
            rows.add(row(type.getValue(), type.getKey(), type.getKey() + "/entity", set,
                    numbered ? "eav/entity_increment_numeric" : null, sales ? 1 : 0));
            set++;
        }
        insert(connection, "eav_entity_type", "entity_type_id, entity_type_code, entity_model, default_attribute_set_id,"
                + " increment_model, increment_per_store", rows.toArray(Object[][]::new));
        set = 1;
        List<Object[]> sets = new ArrayList<>();
        for (Integer typeId : ids.values()) {
            sets.add(row(set++, typeId, "Default", 1));
        }
        insert(connection, "eav_attribute_set", "attribute_set_id, entity_type_id, attribute_set_name, sort_order",
                sets.toArray(Object[][]::new));
        return ids;
    }

    /**
     * Inserts the attributes with ids from {@code firstId}, in list order, or in reverse order for the source
     * layout so that ids differ between the layouts; options likewise from {@code firstOptionId}.
     */
    static void attributes(Connection connection, int entityTypeId, List<AttributeDef> definitions, int firstId,
                           boolean reverse, int firstOptionId, String additionalTable) throws SQLException {
        List<AttributeDef> ordered = new ArrayList<>(definitions);
        if (reverse) {
            Collections.reverse(ordered);
        }
        List<Object[]> attributes = new ArrayList<>();
        List<Object[]> customerAttributes = new ArrayList<>();
        List<Object[]> options = new ArrayList<>();
        List<Object[]> optionValues = new ArrayList<>();
        int id = firstId;
        int optionId = firstOptionId;
        for (AttributeDef definition : ordered) {
            attributes.add(row(id, entityTypeId, definition.code(), definition.backendType(), definition.input(),
                    definition.label(), definition.sourceModel(), definition.userDefined() ? 1 : 0));
            customerAttributes.add(additionalTable.equals("catalog_eav_attribute")
                    ? row(id, definition.global(), 1) : row(id, 1, 0));
            List<String> labels = new ArrayList<>(definition.options());
            for (int i = 0; i < labels.size(); i++) {
                options.add(row(optionId, id, i));
                optionValues.add(row(optionId, 0, labels.get(i)));
                optionId++;
            }
            id++;
        }
        insert(connection, "eav_attribute", "attribute_id, entity_type_id, attribute_code, backend_type, frontend_input,"
                + " frontend_label, source_model, is_user_defined", attributes.toArray(Object[][]::new));
        insert(connection, additionalTable, additionalTable.equals("catalog_eav_attribute") ? "attribute_id, is_global, is_visible"
                : "attribute_id, is_visible, is_system", customerAttributes.toArray(Object[][]::new));
        if (!options.isEmpty()) {
            insert(connection, "eav_attribute_option", "option_id, attribute_id, sort_order", options.toArray(Object[][]::new));
            insert(connection, "eav_attribute_option_value", "option_id, store_id, value", optionValues.toArray(Object[][]::new));
        }
    }

    static Object[] row(Object... values) {
        return values;
    }

    static void insert(Connection connection, String table, String columns, Object[]... rows) throws SQLException {
        int count = columns.split(",").length;
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "?" : ",?");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
