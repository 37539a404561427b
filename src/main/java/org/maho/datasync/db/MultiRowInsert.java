package org.maho.datasync.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-row INSERT statements written as SQL text with the values escaped here: what the driver's rewriting of a
 * JDBC batch produces, without its per-parameter machinery, which for wide rows (an order has 137 columns) cost more
 * than the database's own work. Statements stay under a size budget; generated ids come back in row order.
 */
public final class MultiRowInsert {

    /** Characters per statement: a few MB, well under any server's max_allowed_packet in UTF-8. */
    private static final int BUDGET = 2_000_000;

    private final String head;
    private final String tail;
    private final ShopDatabase shop;
    private final boolean backslashEscapes;
    private final List<StringBuilder> statements = new ArrayList<>();
    private final List<Integer> rowsPerStatement = new ArrayList<>();
    private StringBuilder current;

    /**
     * @param table   the table, prefixed
     * @param columns the columns every row gives, in order
     * @param tail    what follows the rows ("ON DUPLICATE KEY UPDATE ..."), or empty
     */
    public MultiRowInsert(ShopDatabase shop, String table, List<String> columns, String tail) {
        StringBuilder names = new StringBuilder();
        for (String column : columns) {
            names.append(names.length() == 0 ? "" : ", ").append(Sql.quote(column));
        }
        this.head = "INSERT INTO " + table + " (" + names + ") VALUES ";
        this.tail = tail.isEmpty() ? "" : " " + tail;
        this.shop = shop;
        this.backslashEscapes = shop.backslashEscapes();
    }

    /** Adds a row: its values in column order (null, numbers, and anything else as its text). */
    public void add(Object... values) {
        if (current == null || current.length() > BUDGET) {
            current = new StringBuilder(Math.min(BUDGET, head.length() + values.length * 1024)).append(head);
            statements.add(current);
            rowsPerStatement.add(0);
        } else {
            current.append(',');
        }
        current.append('(');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                current.append(',');
            }
            literal(current, values[i]);
        }
        current.append(')');
        rowsPerStatement.set(rowsPerStatement.size() - 1, rowsPerStatement.get(rowsPerStatement.size() - 1) + 1);
    }

    /** Runs the statements; returns the rows they inserted or changed. */
    public long execute(Connection connection) throws SQLException {
        return execute(connection, null);
    }

    /**
     * Runs the statements, collecting the generated id of each row, in row order, into {@code ids} when it is not null.
     * The ids of a multi-row insert are consecutive from the first, as the server hands them out (the driver's
     * generated keys assume the same); asking the driver for them instead makes it scan each statement's text.
     */
    public long execute(Connection connection, List<Long> ids) throws SQLException {
        long changed = 0;
        try (Statement statement = connection.createStatement()) {
            // the text holds no JDBC escapes ({fn ...}) to expand
            statement.setEscapeProcessing(false);
            for (int i = 0; i < statements.size(); i++) {
                int count = statement.executeUpdate(statements.get(i).append(tail).toString());
                changed += count;
                if (ids != null) {
                    long first;
                    try (java.sql.ResultSet row = statement.executeQuery("SELECT LAST_INSERT_ID()")) {
                        row.next();
                        first = row.getLong(1);
                    }
                    int step = shop.autoIncrementStep();
                    for (int row = 0; row < rowsPerStatement.get(i); row++) {
                        ids.add(first + (long) row * step);
                    }
                }
            }
        }
        return changed;
    }

    private void literal(StringBuilder sql, Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            sql.append(value);
        } else if (value instanceof BigDecimal decimal) {
            sql.append(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            // binary as a hexadecimal literal, never through a character set
            sql.append("X'").append(java.util.HexFormat.of().formatHex(bytes)).append('\'');
        } else {
            quoted(sql, value.toString(), backslashEscapes);
        }
    }

    /** A string literal as the server reads one: with backslash escapes, unless the sql_mode turns them off. */
    static void quoted(StringBuilder sql, String text, boolean backslashEscapes) {
        sql.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!backslashEscapes) {
                if (c == '\'') {
                    sql.append('\'');
                }
                sql.append(c);
                continue;
            }
            switch (c) {
                case '\0' -> sql.append("\\0");
                case '\'' -> sql.append("\\'");
                case '"' -> sql.append("\\\"");
                case '\\' -> sql.append("\\\\");
                case '\n' -> sql.append("\\n");
                case '\r' -> sql.append("\\r");
                case '\u001a' -> sql.append("\\Z");
                default -> sql.append(c);
            }
        }
        sql.append('\'');
    }
}
