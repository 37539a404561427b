package org.maho.datasync.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers shared by readers and writers: IN lists in chunks, binding, rows as text. */
public final class Sql {

    /** Ids per IN (...) list: far below the server's 65,535 placeholders, large enough to keep round trips few. */
    public static final int IN_CHUNK = 1000;

    private Sql() {}

    public interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    public static String placeholders(int count) {
        StringBuilder text = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "?" : ",?");
        }
        return text.toString();
    }

    public static <T> List<List<T>> chunks(Collection<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(size, values.size()));
        for (T value : values) {
            current.add(value);
            if (current.size() == size) {
                chunks.add(current);
                current = new ArrayList<>(size);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    public static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    public static void query(Connection connection, String sql, List<?> params, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.row(rows);
                }
            }
        }
    }

    /**
     * Runs {@code sqlBeforeIn + "(?,?...)" + sqlAfterIn} once per chunk of {@code ids}, with {@code leading}
     * parameters bound before the ids.
     */
    public static void queryIn(Connection connection, String sqlBeforeIn, String sqlAfterIn, List<?> leading,
                               Collection<?> ids, RowHandler handler) throws SQLException {
        for (List<?> chunk : chunks(ids, IN_CHUNK)) {
            List<Object> params = new ArrayList<>(leading);
            params.addAll(chunk);
            query(connection, sqlBeforeIn + "(" + placeholders(chunk.size()) + ")" + sqlAfterIn, params, handler);
        }
    }

    public static int update(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    /** Every column of the current row as text, the form values keep between shops; read-only. */
    public static Map<String, String> rowAsText(ResultSet row) throws SQLException {
        return RowValues.of(row);
    }

    /** Text cut to fit a column of {@code length} characters, with "..." where it was cut. */
    public static String abbreviated(String text, int length) {
        return text.length() > length ? text.substring(0, length - 3) + "..." : text;
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * Ends a failed transaction: rolls back what the server still holds. A connection that is gone holds nothing, and
     * its error must not take the place of the one that ended the transaction (which says whether to retry).
     */
    public static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the server rolled back when the connection ended; the pool discards it
        }
    }

    /** Gives a connection back in autocommit mode; a broken one is discarded by the pool, which resets the mode itself. */
    public static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // as above: its error is not the transaction's
        }
    }
}
