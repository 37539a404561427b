package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated rows to insert, sent as one multi-row statement per table and column list, tables in the order they
 * were first used (parents before the children that point at them).
 */
final class Rows {

    private final Map<String, Map<String, List<Object[]>>> tables = new LinkedHashMap<>();

    /** Fixes the insert order of tables whose rows are generated children first (an order's items before the order). */
    Rows inOrder(String... tableNames) {
        for (String table : tableNames) {
            tables.computeIfAbsent(table, k -> new LinkedHashMap<>());
        }
        return this;
    }

    void add(String table, String columnList, Object... row) {
        tables.computeIfAbsent(table, k -> new LinkedHashMap<>()).computeIfAbsent(columnList, k -> new ArrayList<>()).add(row);
    }

    void flush(Connection connection) throws SQLException {
        for (Map.Entry<String, Map<String, List<Object[]>>> table : tables.entrySet()) {
            for (Map.Entry<String, List<Object[]>> group : table.getValue().entrySet()) {
                int count = group.getKey().split(",").length;
                String sql = "INSERT INTO " + table.getKey() + " (" + group.getKey() + ") VALUES (" + "?,".repeat(count - 1) + "?)";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (Object[] row : group.getValue()) {
                        for (int i = 0; i < row.length; i++) {
                            statement.setObject(i + 1, row[i]);
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
        }
        tables.values().forEach(Map::clear);
    }
}
