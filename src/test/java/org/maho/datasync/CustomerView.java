package org.maho.datasync;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.maho.datasync.db.ConnectionSettings;

/**
 * A shop's customers as a user would compare them: by email and website code, every attribute by code,
 * references by code or label, addresses by content. Written with its own SQL, independent of the code
 * under test, so that a mapping bug cannot hide in both.
 */
public final class CustomerView {

    /** A value as stored, and as it reads across shops (codes, labels); an option id the shop lacks reads "raw:<id>". */
    public record Value(String raw, String canonical) {}

    public record Customer(long id, Map<String, Value> values, List<Map<String, String>> addresses,
                           String defaultBilling, String defaultShipping) {
        public String value(String code) {
            Value value = values.get(code);
            return value == null ? null : value.canonical();
        }
    }

    private static final Set<String> SKIPPED_COLUMNS = Set.of("entity_id", "entity_type_id", "parent_id");

    private final Connection connection;
    private final Map<Integer, String[]> attributes = new HashMap<>();
    private final Map<String, String> optionLabels = new HashMap<>();
    private final Map<String, String> websites = new HashMap<>();
    private final Map<String, String> stores = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();

    private CustomerView(Connection connection) {
        this.connection = connection;
    }

    /** Customers by "email|website code". */
    public static Map<String, Customer> load(ConnectionSettings shop) throws SQLException {
        try (Connection connection = TestServer.connect(shop)) {
            return new CustomerView(connection).customers();
        }
    }

    private Map<String, Customer> customers() throws SQLException {
        query("SELECT a.attribute_id, a.attribute_code, a.backend_type, t.entity_type_code FROM eav_attribute a"
                + " JOIN eav_entity_type t ON t.entity_type_id = a.entity_type_id", row ->
                attributes.put(row.getInt(1), new String[] {row.getString(2), row.getString(3), row.getString(4)}));
        query("SELECT o.attribute_id, o.option_id, v.value FROM eav_attribute_option o JOIN eav_attribute_option_value v"
                + " ON v.option_id = o.option_id AND v.store_id = 0",
                row -> optionLabels.put(row.getInt(1) + ":" + row.getLong(2), row.getString(3)));
        query("SELECT website_id, code FROM core_website", row -> websites.put(row.getString(1), row.getString(2)));
        query("SELECT store_id, code FROM core_store", row -> stores.put(row.getString(1), row.getString(2)));
        query("SELECT customer_group_id, customer_group_code FROM customer_group", row -> groups.put(row.getString(1), row.getString(2)));
        query("SELECT region_id, country_id, code FROM directory_country_region",
                row -> regions.put(row.getString(1), row.getString(2) + "/" + row.getString(3)));
        Set<Integer> optionAttributes = new java.util.HashSet<>();
        query("SELECT DISTINCT attribute_id FROM eav_attribute_option", row -> optionAttributes.add(row.getInt(1)));

        Map<Long, Map<String, Value>> addresses = entities("customer_address_entity", optionAttributes);
        Map<Long, Long> addressParent = new HashMap<>();
        query("SELECT entity_id, parent_id FROM customer_address_entity", row -> addressParent.put(row.getLong(1), row.getLong(2)));
        Map<Long, Map<String, Value>> customers = entities("customer_entity", optionAttributes);

        Map<String, Customer> byKey = new TreeMap<>();
        for (Map.Entry<Long, Map<String, Value>> customer : customers.entrySet()) {
            Map<String, Value> values = customer.getValue();
            List<Map<String, String>> own = new ArrayList<>();
            Map<Long, Map<String, String>> ownById = new HashMap<>();
            for (Map.Entry<Long, Map<String, Value>> address : addresses.entrySet()) {
                if (customer.getKey().equals(addressParent.get(address.getKey()))) {
                    Map<String, String> content = new TreeMap<>();
                    address.getValue().forEach((code, value) -> content.put(code, value.canonical()));
                    own.add(content);
                    ownById.put(address.getKey(), content);
                }
            }
            own.sort(java.util.Comparator.comparing(Object::toString));
            String billing = reference(values.remove("default_billing"), ownById);
            String shipping = reference(values.remove("default_shipping"), ownById);
            String key = values.get("email").canonical() + "|" + values.get("website_id").canonical();
            byKey.put(key.toLowerCase(java.util.Locale.ROOT), new Customer(customer.getKey(), values, own, billing, shipping));
        }
        return byKey;
    }

    private static String reference(Value value, Map<Long, Map<String, String>> addresses) {
        if (value == null) {
            return null;
        }
        Map<String, String> address = addresses.get(Long.parseLong(value.raw()));
        return address == null ? "missing address " + value.raw() : address.toString();
    }

    private Map<Long, Map<String, Value>> entities(String table, Set<Integer> optionAttributes) throws SQLException {
        Map<Long, Map<String, Value>> entities = new TreeMap<>();
        query("SELECT * FROM " + table, row -> {
            Map<String, Value> values = new TreeMap<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                String column = row.getMetaData().getColumnLabel(i);
                if (!SKIPPED_COLUMNS.contains(column)) {
                    values.put(column, column(column, row.getString(i)));
                }
            }
            entities.put(row.getLong("entity_id"), values);
        });
        for (String backend : List.of("varchar", "int", "text", "decimal", "datetime")) {
            query("SELECT entity_id, attribute_id, value FROM " + table + "_" + backend, row -> {
                String[] attribute = attributes.get(row.getInt(2));
                Map<String, Value> values = entities.get(row.getLong(1));
                if (attribute != null && values != null && !"static".equals(attribute[1])) {
                    values.put(attribute[0], value(attribute, row.getInt(2), optionAttributes.contains(row.getInt(2)), row.getString(3)));
                }
            });
        }
        return entities;
    }

    private Value column(String column, String raw) {
        return switch (column) {
            case "website_id" -> new Value(raw, websites.getOrDefault(raw, "raw:" + raw));
            case "store_id" -> new Value(raw, stores.getOrDefault(raw, "raw:" + raw));
            case "group_id" -> new Value(raw, groups.getOrDefault(raw, "raw:" + raw));
            default -> new Value(raw, raw);
        };
    }

    private Value value(String[] attribute, int attributeId, boolean hasOptions, String raw) {
        if (raw == null) {
            return new Value(null, null);
        }
        if (hasOptions) {
            List<String> labels = new ArrayList<>();
            for (String id : raw.split(",")) {
                String label = optionLabels.get(attributeId + ":" + Long.parseLong(id.trim()));
                if (label == null) {
                    return new Value(raw, "raw:" + raw);
                }
                labels.add(label);
            }
            labels.sort(null);
            return new Value(raw, String.join("|", labels));
        }
        if ("region_id".equals(attribute[0])) {
            return new Value(raw, regions.getOrDefault(raw, "raw:" + raw));
        }
        if ("decimal".equals(attribute[1])) {
            return new Value(raw, new BigDecimal(raw).stripTrailingZeros().toPlainString());
        }
        return new Value(raw, raw);
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
