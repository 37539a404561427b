package org.maho.datasync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/** Plain-SQL changes of a shop's data, as the shop's own code would make them, chosen at random. */
final class SourceWriter {

    private interface Change {
        String make(Connection connection) throws SQLException;
    }

    private final Random random;
    private final List<Long> newCustomers = new ArrayList<>();
    private final List<Long> newProducts = new ArrayList<>();
    private final List<Long> newOrders = new ArrayList<>();
    private final Map<String, Integer> counts = new java.util.TreeMap<>();
    private static final int DEADLOCK = 1213;
    private int serial;
    private int deadlocks;

    SourceWriter(Random random) {
        this.random = random;
    }

    long changes() {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    String summary() {
        return "source changes: " + counts + "; deadlocks of the shop's writes, retried: " + deadlocks;
    }

    /** One change, in a transaction of its own as the shop's code makes it (an order with its items at once). */
    void change(Connection connection) throws SQLException {
        inTransaction(connection, this::randomChange);
    }

    /** A new simple product with its stock item, in one transaction; returns its sku. */
    String newProduct(Connection connection) throws SQLException {
        inTransaction(connection, this::insertProduct);
        return "soak-" + (serial - 1);
    }

    /** Deadlocks the shop's own writes met (with DataSync's acknowledgements): each retried, as shop code does. */
    int deadlocks() {
        return deadlocks;
    }

    private void inTransaction(Connection connection, Change change) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            connection.setAutoCommit(false);
            try {
                String done = change.make(connection);
                connection.commit();
                if (done != null) {
                    counts.merge(done, 1, Integer::sum);
                }
                return;
            } catch (SQLException e) {
                connection.rollback();
                if (e.getErrorCode() != DEADLOCK || attempt == 3) {
                    throw e;
                }
                deadlocks++;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private String randomChange(Connection connection) throws SQLException {
        int kind = random.nextInt(10);
        String done = switch (kind) {
            case 0 -> insertCustomer(connection);
            case 1 -> update(connection, "customer name", "UPDATE customer_entity_varchar v JOIN eav_attribute a USING (attribute_id)"
                    + " SET v.value = 'Soak" + serial++ + "' WHERE a.attribute_code = 'firstname' AND v.entity_id = " + any(connection,
                    "customer_entity", "entity_id"));
            case 2 -> deleteNew(connection, "customer", newCustomers, "customer_entity", "entity_id");
            case 3 -> insertProduct(connection);
            case 4 -> update(connection, "product price", "UPDATE catalog_product_entity_decimal d JOIN eav_attribute a USING"
                    + " (attribute_id) SET d.value = d.value + 1 WHERE a.attribute_code = 'price' AND d.store_id = 0 AND d.entity_id = "
                    + any(connection, "catalog_product_entity", "entity_id"));
            case 5 -> deleteNew(connection, "product", newProducts, "catalog_product_entity", "entity_id");
            case 6 -> update(connection, "stock", "UPDATE cataloginventory_stock_item SET qty = qty + 1 WHERE product_id = "
                    + any(connection, "cataloginventory_stock_item", "product_id"));
            case 7 -> insertOrder(connection);
            case 8 -> update(connection, "order status", "UPDATE sales_flat_order SET status = IF(status = 'processing',"
                    + " 'complete', 'processing'), updated_at = NOW() WHERE entity_id = " + any(connection, "sales_flat_order", "entity_id"));
            default -> deleteNew(connection, "order", newOrders, "sales_flat_order", "entity_id");
        };
        return done;
    }

    private String update(Connection connection, String what, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql) > 0 ? what + " updated" : null;
        }
    }

    private String deleteNew(Connection connection, String what, List<Long> created, String table, String id) throws SQLException {
        if (created.isEmpty()) {
            return null;
        }
        long victim = created.remove(random.nextInt(created.size()));
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table + " WHERE " + id + " = " + victim);
        }
        return what + " deleted";
    }

    private String insertCustomer(Connection connection) throws SQLException {
        long from = any(connection, "customer_entity", "entity_id");
        long id = copyRow(connection, "customer_entity", "entity_id", from, Map.of("email", "'soak" + serial++ + "@example.com'"));
        for (String values : List.of("varchar", "int", "datetime", "decimal", "text")) {
            copyChildren(connection, "customer_entity_" + values, "entity_id", from, id);
        }
        try (Statement statement = connection.createStatement()) {
            // the copy has no addresses: its default ones would be the original's
            statement.executeUpdate("DELETE v FROM customer_entity_int v JOIN eav_attribute a USING (attribute_id) WHERE"
                    + " v.entity_id = " + id + " AND a.attribute_code IN ('default_billing', 'default_shipping')");
        }
        newCustomers.add(id);
        return "customer inserted";
    }

    private String insertProduct(Connection connection) throws SQLException {
        long from = single(connection, "SELECT entity_id FROM catalog_product_entity WHERE type_id = 'simple' ORDER BY RAND("
                + random.nextInt() + ") LIMIT 1");
        long id = copyRow(connection, "catalog_product_entity", "entity_id", from, Map.of("sku", "'soak-" + serial++ + "'"));
        for (String values : List.of("varchar", "int", "datetime", "decimal", "text")) {
            copyChildren(connection, "catalog_product_entity_" + values, "entity_id", from, id);
        }
        try (Statement statement = connection.createStatement()) {
            // a url key of its own, as the shop gives a new product
            statement.executeUpdate("UPDATE catalog_product_entity_varchar v JOIN eav_attribute a USING (attribute_id) SET v.value"
                    + " = CONCAT(v.value, '-" + id + "') WHERE v.entity_id = " + id + " AND a.attribute_code IN ('url_key', 'url_path')");
        }
        copyChildren(connection, "catalog_product_website", "product_id", from, id);
        copyChildren(connection, "cataloginventory_stock_item", "product_id", from, id);
        newProducts.add(id);
        return "product inserted";
    }

    /** A copy of an order without configurable items (their parent links would point at the original's). */
    private String insertOrder(Connection connection) throws SQLException {
        long from = single(connection, "SELECT o.entity_id FROM sales_flat_order o WHERE NOT EXISTS (SELECT 1 FROM"
                + " sales_flat_order_item i WHERE i.order_id = o.entity_id AND i.parent_item_id IS NOT NULL) ORDER BY RAND("
                + random.nextInt() + ") LIMIT 1");
        String increment = "'S" + (900000000 + serial++) + "'";
        long id = copyRow(connection, "sales_flat_order", "entity_id", from, Map.of("increment_id", increment));
        copyChildren(connection, "sales_flat_order_item", "order_id", from, id);
        copyChildren(connection, "sales_flat_order_address", "parent_id", from, id);
        copyChildren(connection, "sales_flat_order_payment", "parent_id", from, id);
        copyChildren(connection, "sales_flat_order_status_history", "parent_id", from, id);
        copyRow(connection, "sales_flat_order_grid", "entity_id", from, Map.of("entity_id", String.valueOf(id), "increment_id", increment));
        try (Statement statement = connection.createStatement()) {
            for (String type : List.of("billing", "shipping")) {
                statement.executeUpdate("UPDATE sales_flat_order o JOIN sales_flat_order_address a ON a.parent_id = o.entity_id"
                        + " AND a.address_type = '" + type + "' SET o." + type + "_address_id = a.entity_id WHERE o.entity_id = " + id);
            }
        }
        newOrders.add(id);
        return "order inserted";
    }

    private long any(Connection connection, String table, String id) throws SQLException {
        return single(connection, "SELECT " + id + " FROM " + table + " ORDER BY RAND(" + random.nextInt() + ") LIMIT 1");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COLUMN_NAME, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA"
                     + " = DATABASE() AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")) {
            while (rows.next()) {
                if (!rows.getString(2).contains("auto_increment")) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** Copies one row with some columns given; returns the new row's id (its own, or the one given). */
    private static long copyRow(Connection connection, String table, String id, long from, Map<String, String> given)
            throws SQLException {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns(connection, table)) {
            names.add("`" + column + "`");
            values.add(given.getOrDefault(column, "`" + column + "`"));
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
                    + " WHERE " + id + " = " + from);
        }
        return given.containsKey(id) ? Long.parseLong(given.get(id)) : single(connection, "SELECT LAST_INSERT_ID()");
    }

    private static void copyChildren(Connection connection, String table, String parent, long from, long to) throws SQLException {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (String column : columns(connection, table)) {
            names.add("`" + column + "`");
            values.add(column.equals(parent) ? String.valueOf(to) : "`" + column + "`");
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + " (" + names + ") SELECT " + values + " FROM " + table
                    + " WHERE " + parent + " = " + from);
        }
    }
}
