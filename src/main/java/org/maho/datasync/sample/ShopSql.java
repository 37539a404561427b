package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL on one connection across two databases of one server, the connection's own and another named as {@code `db`.}:
 * their tables' columns, statements that name the statement when they fail, rows as maps, batched updates.
 */
final class ShopSql {

    private final Connection connection;

    ShopSql(Connection connection) {
        this.connection = connection;
    }

    /** A table's columns in order ({@code database} "" for the connection's own, else {@code `name`.}). */
    Set<String> columns(String database, String table) throws SQLException {
        return columnTypes(database, table).keySet();
    }

    /** A table's columns and their data types, in order. */
    Map<String, String> columnTypes(String database, String table) throws SQLException {
        String schema = database.isEmpty() ? "DATABASE()" : "'" + database.substring(1, database.length() - 2) + "'";
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = "
                + schema + " AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            columns.put(row.get("column_name").toString(), row.get("data_type").toString());
        }
        return columns;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n" + sql, e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** The id the connection's last INSERT gave its auto-increment column. */
    long lastInsertId() throws SQLException {
        return ((Number) rows("SELECT LAST_INSERT_ID() id").get(0).get("id")).longValue();
    }

    /** The largest value of a column, 0 for an empty table. */
    long max(String table, String column) throws SQLException {
        return ((Number) rows("SELECT COALESCE(MAX(" + column + "), 0) m FROM " + table).get(0).get("m")).longValue();
    }

    /** A query's rows, each by column label. */
    List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int count = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= count; i++) {
                    row.put(result.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Runs an UPDATE for each row of parameters as one batch in one transaction (a commit per row waits for the log each time). */
    void update(String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    update.setObject(i + 1, row[i]);
                }
                update.addBatch();
            }
            connection.setAutoCommit(false);
            update.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
