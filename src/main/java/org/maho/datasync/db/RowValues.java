package org.maho.datasync.db;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * A row's columns as text, in column order: an array of values that shares its column names with every row of its
 * query; values change only in place ({@link #replaceAll}), columns never. A page of wide rows (an order has 137 columns) costs one array per row, not a map entry per
 * column.
 */
public final class RowValues extends AbstractMap<String, String> {

    /** The column names of a query's rows, where each is, and which are read as the server's text. */
    static final class Columns {
        private final String[] names;
        private final boolean[] asSent;
        private final Map<String, Integer> index;

        private Columns(java.util.List<String> names) {
            this.names = names.toArray(new String[0]);
            asSent = new boolean[this.names.length];
            index = new HashMap<>(this.names.length * 2);
            for (int i = 0; i < this.names.length; i++) {
                index.putIfAbsent(this.names[i], i);
            }
        }

        private Columns(ResultSetMetaData meta) throws SQLException {
            names = new String[meta.getColumnCount()];
            asSent = new boolean[names.length];
            index = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                names[i] = meta.getColumnLabel(i + 1);
                asSent[i] = isAsciiText(meta.getColumnType(i + 1), meta.getColumnTypeName(i + 1));
                index.putIfAbsent(names[i], i);
            }
        }

        /**
         * Integers, decimals, dates and times: the text protocol sends them as ASCII text, which is already the
         * form values keep. The driver's getString would parse them (a decimal into a BigDecimal, a datetime into
         * its own timestamp, printed again with String.format) only to print the same text; an order has dozens.
         */
        private static boolean isAsciiText(int type, String typeName) {
            return switch (type) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.TIME,
                     Types.TIMESTAMP -> true;
                // the driver reports YEAR as a date too; it reads that one its own way
                case Types.DATE -> !"YEAR".equalsIgnoreCase(typeName);
                default -> false;
            };
        }
    }

    /** The last query read on this thread (not kept alive by this): rows of one query share its columns. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    private final Columns columns;
    private final String[] values;

    private RowValues(Columns columns, String[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** Rows of the given columns, each made from its values in column order (rows that came as text: the source agent's). */
    public static java.util.function.Function<String[], Map<String, String>> rowsOf(java.util.List<String> names) {
        Columns columns = new Columns(names);
        return values -> {
            if (values.length != columns.names.length) {
                throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.names.length + " columns");
            }
            return new RowValues(columns, values);
        };
    }

    /** The current row of a result set. */
    static RowValues of(ResultSet row) throws SQLException {
        Object[] last = LAST.get();
        Columns columns;
        if (last != null && ((java.lang.ref.WeakReference<?>) last[0]).get() == row) {
            columns = (Columns) last[1];
        } else {
            columns = new Columns(row.getMetaData());
            LAST.set(new Object[] {new java.lang.ref.WeakReference<>(row), columns});
        }
        String[] values = new String[columns.names.length];
        for (int i = 0; i < values.length; i++) {
            if (columns.asSent[i]) {
                byte[] text = row.getBytes(i + 1);
                values[i] = text == null ? null : new String(text, StandardCharsets.ISO_8859_1);
            } else {
                values[i] = row.getString(i + 1);
            }
        }
        return new RowValues(columns, values);
    }

    @Override
    public String get(Object key) {
        Integer at = columns.index.get(key);
        return at == null ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    /** Changes the values in place (a source of another schema stores some otherwise: {@link ShopDatabase#row}). */
    @Override
    public void replaceAll(BiFunction<? super String, ? super String, ? extends String> function) {
        for (int i = 0; i < values.length; i++) {
            values[i] = function.apply(columns.names[i], values[i]);
        }
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(columns.names[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(columns.names[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
