package org.maho.datasync.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Runs the project's own DDL files (under schema/ on the class path; statements end with ';' at a line end) and shop dumps. */
public final class SqlScript {

    private SqlScript() {}

    public static List<String> statements(String resource) {
        return split(read(resource));
    }

    /** Statements of a script text: comment lines dropped, each statement ending with ';' at a line end. */
    public static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().trim();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    public static void run(Connection connection, String resource) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(resource)) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(resource + ": " + e.getMessage() + "\n" + sql, e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }

    /**
     * Runs one of DataSync's own table scripts on a shop, each of the named tables given the shop's table prefix (the
     * registry, the run history, the checkpoints, the schedules live beside the shop's own tables).
     */
    public static void createTables(Connection connection, String resource, ShopDatabase shop, String... tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(resource)) {
                for (String table : tables) {
                    sql = sql.replace("`" + table + "`", "`" + shop.table(table) + "`");
                }
                statement.execute(sql);
            }
        }
    }

    /**
     * Loads a mariadb-dump or mysqldump file (gzipped or not) on one connection, so that the dump's session settings
     * hold: one statement per line ending in ';' (a dump escapes the newlines inside values). Needs no mariadb client.
     */
    public static void loadDump(Connection connection, Path dump) throws IOException, SQLException {
        try (Statement statement = connection.createStatement();
             BufferedReader reader = new BufferedReader(new InputStreamReader(dump.toString().endsWith(".gz")
                     ? new GZIPInputStream(Files.newInputStream(dump)) : Files.newInputStream(dump), StandardCharsets.UTF_8))) {
            StringBuilder current = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (current.length() == 0 && (line.isEmpty() || line.startsWith("--"))) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.endsWith(";")) {
                    statement.execute(current.toString());
                    current.setLength(0);
                }
            }
        }
    }

    public static String read(String resource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
