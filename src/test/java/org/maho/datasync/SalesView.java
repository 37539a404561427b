package org.maho.datasync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.maho.datasync.db.ConnectionSettings;

/**
 * A shop's sales documents, newsletter subscribers and CMS content as a user compares two shops: each document by
 * its increment id, rendered with everything that belongs to it (items, addresses, payment, history, tracks,
 * comments, grid row), every id replaced by what it stands for (a customer's email, a product's sku, a store's
 * code, an order item's sku and type). Written with its own SQL, independent of the code under test.
 */
public final class SalesView {

    /** Ids that mean nothing across shops, or point at what is not synced (quotes, gift messages). */
    private static final Set<String> NOT_COMPARED = Set.of("entity_id", "item_id", "parent_id", "order_id", "quote_id",
            "quote_address_id", "quote_item_id", "quote_payment_id", "gift_message_id", "customer_address_id", "subscriber_id",
            "page_id", "block_id", "subscriber_confirm_code");

    private final Connection connection;
    private final Map<String, Set<String>> columns;
    private final UnaryOperator<String> storeMapping;
    private final Map<String, String> stores = new HashMap<>();
    private final Map<String, String> customers = new HashMap<>();
    private final Map<String, String> products = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> orderItems = new HashMap<>();
    private final Map<String, String> orderAddresses = new HashMap<>();
    private final Map<String, String> invoices = new HashMap<>();
    private final Map<String, String> rules = new HashMap<>();

    private SalesView(Connection connection, Map<String, Set<String>> columns, UnaryOperator<String> storeMapping) {
        this.connection = connection;
        this.columns = columns;
        this.storeMapping = storeMapping;
    }

    /**
     * Every document by "order 100000001", "invoice 100000001", ..., "subscriber a@b.c|default", "cms_page home|admin".
     *
     * @param columns      the columns compared per table: those both shops have
     * @param storeMapping store codes as the other shop has them (the stores a destination lacks and what replaces them)
     */
    public static Map<String, String> load(ConnectionSettings shop, Map<String, Set<String>> columns,
                                           UnaryOperator<String> storeMapping) throws SQLException {
        try (Connection connection = TestServer.connect(shop)) {
            return new SalesView(connection, columns, storeMapping).documents();
        }
    }

    /** Fails naming each document that differs and only the parts of it that differ. */
    public static void assertSameDocuments(Map<String, String> expected, Map<String, String> actual) {
        StringBuilder differences = new StringBuilder();
        for (Map.Entry<String, String> document : expected.entrySet()) {
            String other = actual.get(document.getKey());
            if (other == null) {
                differences.append("\n").append(document.getKey()).append(": missing");
            } else if (!other.equals(document.getValue())) {
                java.util.List<String> want = new ArrayList<>(List.of(document.getValue().split("; |\n")));
                java.util.List<String> got = new ArrayList<>(List.of(other.split("; |\n")));
                java.util.List<String> onlyWanted = new ArrayList<>(want);
                onlyWanted.removeAll(got);
                got.removeAll(want);
                differences.append("\n").append(document.getKey()).append(": expected ").append(onlyWanted).append(" but was ").append(got);
            }
        }
        if (differences.length() > 0) {
            throw new AssertionError("documents differ:" + differences);
        }
    }

    /** The columns of every table that both shops have. */
    public static Map<String, Set<String>> commonColumns(ConnectionSettings one, ConnectionSettings other) throws SQLException {
        Map<String, Set<String>> first = columnsOf(one);
        Map<String, Set<String>> second = columnsOf(other);
        Map<String, Set<String>> common = new HashMap<>();
        first.forEach((table, names) -> {
            Set<String> both = new java.util.HashSet<>(names);
            both.retainAll(second.getOrDefault(table, Set.of()));
            common.put(table, both);
        });
        return common;
    }

    private static Map<String, Set<String>> columnsOf(ConnectionSettings shop) throws SQLException {
        Map<String, Set<String>> columns = new HashMap<>();
        try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE()")) {
            while (row.next()) {
                columns.computeIfAbsent(row.getString(1), k -> new java.util.HashSet<>()).add(row.getString(2));
            }
        }
        return columns;
    }

    private Map<String, String> documents() throws SQLException {
        lookup("SELECT store_id, code FROM core_store", stores);
        lookup("SELECT entity_id, email FROM customer_entity", customers);
        lookup("SELECT entity_id, sku FROM catalog_product_entity", products);
        lookup("SELECT region_id, CONCAT(country_id, '/', code) FROM directory_country_region", regions);
        lookup("SELECT customer_group_id, customer_group_code FROM customer_group", groups);
        lookup("SELECT entity_id, increment_id FROM sales_flat_invoice", invoices);
        lookup("SELECT rule_id, name FROM salesrule", rules);
        lookup("SELECT entity_id, address_type FROM sales_flat_order_address", orderAddresses);
        Map<String, String> raw = new HashMap<>();
        lookup("SELECT item_id, CONCAT(sku, '|', product_type) FROM sales_flat_order_item", raw);
        raw.forEach((id, item) -> orderItems.put(id, "item(" + item + ")"));

        Map<String, String> documents = new TreeMap<>();
        document(documents, "order", "sales_flat_order", List.of(
                new Child("addresses", "sales_flat_order_address", "parent_id"),
                new Child("items", "sales_flat_order_item", "order_id"),
                new Child("payment", "sales_flat_order_payment", "parent_id"),
                new Child("history", "sales_flat_order_status_history", "parent_id"),
                new Child("grid", "sales_flat_order_grid", "entity_id")));
        document(documents, "invoice", "sales_flat_invoice", List.of(
                new Child("items", "sales_flat_invoice_item", "parent_id"),
                new Child("comments", "sales_flat_invoice_comment", "parent_id"),
                new Child("grid", "sales_flat_invoice_grid", "entity_id")));
        document(documents, "shipment", "sales_flat_shipment", List.of(
                new Child("items", "sales_flat_shipment_item", "parent_id"),
                new Child("tracks", "sales_flat_shipment_track", "parent_id"),
                new Child("comments", "sales_flat_shipment_comment", "parent_id"),
                new Child("grid", "sales_flat_shipment_grid", "entity_id")));
        document(documents, "creditmemo", "sales_flat_creditmemo", List.of(
                new Child("items", "sales_flat_creditmemo_item", "parent_id"),
                new Child("comments", "sales_flat_creditmemo_comment", "parent_id"),
                new Child("grid", "sales_flat_creditmemo_grid", "entity_id")));
        for (Map<String, String> row : rows("SELECT * FROM newsletter_subscriber")) {
            documents.put("subscriber " + row.get("subscriber_email") + "|" + store(row.get("store_id")),
                    render("newsletter_subscriber", row));
        }
        content(documents, "cms_page", "page_id", "cms_page_store");
        content(documents, "cms_block", "block_id", "cms_block_store");
        return documents;
    }

    private record Child(String name, String table, String parentColumn) {}

    private void document(Map<String, String> documents, String type, String table, List<Child> children) throws SQLException {
        for (Map<String, String> row : rows("SELECT * FROM " + table)) {
            StringBuilder text = new StringBuilder(render(table, row));
            for (Child child : children) {
                List<String> rendered = new ArrayList<>();
                for (Map<String, String> childRow : rows("SELECT * FROM " + child.table() + " WHERE " + child.parentColumn() + " = "
                        + row.get("entity_id"))) {
                    rendered.add(render(child.table(), childRow));
                }
                rendered.sort(null);
                text.append("\n  ").append(child.name()).append(": ").append(String.join("\n    ", rendered));
            }
            documents.put(type + " " + row.get("increment_id"), text.toString());
        }
    }

    /** CMS rows by identifier and the store codes they are shown in, as the destination has them. */
    private void content(Map<String, String> documents, String table, String idColumn, String storeTable) throws SQLException {
        for (Map<String, String> row : rows("SELECT * FROM " + table)) {
            java.util.TreeSet<String> codes = new java.util.TreeSet<>();
            for (Map<String, String> link : rows("SELECT store_id FROM " + storeTable + " WHERE " + idColumn + " = " + row.get(idColumn))) {
                String code = storeMapping.apply(stores.get(link.get("store_id")));
                if (code != null) {
                    codes.add(code);
                }
            }
            documents.put(table + " " + row.get("identifier") + "|" + String.join(",", codes), render(table, row));
        }
    }

    /** A row's compared columns in name order, references replaced by what they stand for. */
    private String render(String table, Map<String, String> row) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> column : new TreeMap<>(row).entrySet()) {
            String name = column.getKey();
            if (NOT_COMPARED.contains(name) || !columns.getOrDefault(table, Set.of()).contains(name)) {
                continue;
            }
            text.append(name).append('=').append(translate(name, column.getValue())).append("; ");
        }
        return text.toString();
    }

    private String translate(String column, String value) {
        if (value == null) {
            return "null";
        }
        return switch (column) {
            case "store_id" -> store(value);
            case "customer_id" -> "0".equals(value) ? "0" : customers.getOrDefault(value, "?customer" + value);
            // an item's product the shop does not have (deleted) reads the same as an empty one
            case "product_id" -> products.getOrDefault(value, "null");
            case "region_id" -> regions.getOrDefault(value, "?region" + value);
            case "customer_group_id" -> groups.getOrDefault(value, "?group" + value);
            case "parent_item_id", "order_item_id" -> orderItems.getOrDefault(value, "?item" + value);
            case "billing_address_id", "shipping_address_id" -> orderAddresses.getOrDefault(value, "?address" + value);
            case "invoice_id" -> invoices.getOrDefault(value, "?invoice" + value);
            case "applied_rule_ids" -> java.util.Arrays.stream(value.split(",")).filter(id -> !id.isBlank())
                    .map(id -> rules.getOrDefault(id.trim(), "?rule" + id)).sorted().toList().toString();
            default -> value;
        };
    }

    private String store(String id) {
        return id == null ? "null" : storeMapping.apply(stores.getOrDefault(id, "?store" + id));
    }

    private void lookup(String sql, Map<String, String> into) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                into.put(row.getString(1), row.getString(2));
            }
        }
    }

    private List<Map<String, String>> rows(String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            ResultSetMetaData meta = row.getMetaData();
            while (row.next()) {
                Map<String, String> values = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnLabel(i), row.getString(i));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
