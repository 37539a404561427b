package org.maho.datasync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.maho.datasync.db.ConnectionSettings;

/** Every table of a database with its row count and CHECKSUM TABLE: proof that nothing was written. */
public final class Checksums {

    private Checksums() {}

    public static Map<String, String> of(ConnectionSettings database) throws SQLException {
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = TestServer.connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                long count;
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    rows.next();
                    count = rows.getLong(1);
                }
                try (ResultSet rows = statement.executeQuery("CHECKSUM TABLE `" + table + "`")) {
                    rows.next();
                    checksums.put(table, count + " rows, checksum " + rows.getString(2));
                }
            }
        }
        return checksums;
    }

    /**
     * Fails naming the tables whose rows changed between two {@link #of} snapshots. The run history is left out: every
     * run that writes the destination adds its line there, even one that changes nothing else.
     */
    public static void assertUnchanged(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> table : after.entrySet()) {
            if (table.getKey().startsWith("datasync_run")) {
                continue;
            }
            if (!table.getValue().equals(before.get(table.getKey()))) {
                changed.add(table.getKey() + " (" + before.get(table.getKey()) + " -> " + table.getValue() + ")");
            }
        }
        before.keySet().stream().filter(table -> !after.containsKey(table)).forEach(table -> changed.add(table + " dropped"));
        if (!changed.isEmpty()) {
            throw new AssertionError("changed tables: " + String.join(", ", changed));
        }
    }

    /** The first column of the first row of a query, as text. */
    public static String text(ConnectionSettings database, String sql) throws SQLException {
        try (Connection connection = TestServer.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rows.getString(1);
        }
    }

    /** The first column of the first row of a query. */
    public static long single(ConnectionSettings database, String sql) throws SQLException {
        try (Connection connection = TestServer.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rows.getLong(1);
        }
    }

    /** A query's first column to its second, both as text. */
    public static Map<String, String> pairs(ConnectionSettings database, String sql) throws SQLException {
        Map<String, String> pairs = new java.util.HashMap<>();
        try (Connection connection = TestServer.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }
}
