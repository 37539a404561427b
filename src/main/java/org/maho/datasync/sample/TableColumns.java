package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The columns of the tables of two databases on one server: the connection's own and another, named as {@code `db`.}. */
final class TableColumns {

    private final Connection connection;

    TableColumns(Connection connection) {
        this.connection = connection;
    }

    /** A table's columns in order ({@code database} "" for the connection's own, else {@code `name`.}). */
    Set<String> of(String database, String table) throws SQLException {
        return types(database, table).keySet();
    }

    /** A table's columns and their data types, in order. */
    Map<String, String> types(String database, String table) throws SQLException {
        String schema = database.isEmpty() ? "DATABASE()" : "'" + database.substring(1, database.length() - 2) + "'";
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns WHERE"
                     + " table_schema = " + schema + " AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rows.next()) {
                columns.put(rows.getString(1), rows.getString(2));
            }
        }
        return columns;
    }
}
