package org.maho.datasync.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A read of one of a shop's tables, by OpenMage's name: some or all of its columns, the rows where every condition holds,
 * in the order of a column, a number at most. It is all a source's reading asks of a shop, so that a shop read through
 * the source agent ({@code -a agent}) answers the same reads as a database: the agent builds its SQL from its own
 * allow-list of tables and columns, the values stay bound parameters.
 *
 * @param columns the columns read, in order; empty: every column
 * @param orderBy the column the rows come in ascending order of, or null
 * @param limit   at most this many rows; 0: every row
 */
public record TableQuery(String table, List<String> columns, List<Condition> conditions, String orderBy, int limit) {

    /** Receives the rows a query reads, each column as text. */
    public interface Rows {
        void row(java.util.Map<String, String> row) throws java.sql.SQLException;
    }

    /** Something that answers queries: a shop ({@link ShopDatabase#reader}), or a bare connection. */
    public interface Reader {
        void select(TableQuery query, Rows rows) throws java.sql.SQLException;
    }

    /** Queries on a connection, the tables named by {@code table} (a prefix added); values as the server sends them. */
    public static Reader on(java.sql.Connection connection, java.util.function.UnaryOperator<String> table) {
        return (query, rows) -> query.inChunks((chunk, chunkRows) -> {
            List<Object> params = new ArrayList<>();
            Sql.query(connection, chunk.sql(table.apply(chunk.table()), params), params, row -> chunkRows.row(Sql.rowAsText(row)));
        }, rows);
    }

    /** Reads this query through {@code reader}, a long IN list (over {@link Sql#IN_CHUNK} values) a chunk at a time. */
    public void inChunks(Reader reader, Rows rows) throws java.sql.SQLException {
        Condition inList = conditions.stream().filter(c -> c.op() == Op.IN && c.values().size() > Sql.IN_CHUNK).findFirst()
                .orElse(null);
        if (inList == null) {
            reader.select(this, rows);
            return;
        }
        List<Condition> chunked = new ArrayList<>(conditions);
        int at = chunked.indexOf(inList);
        for (List<?> chunk : Sql.chunks(inList.values(), Sql.IN_CHUNK)) {
            chunked.set(at, new Condition(inList.column(), inList.op(), chunk));
            reader.select(new TableQuery(table, columns, chunked, orderBy, limit), rows);
        }
    }

    /** What a condition compares a column with. */
    public enum Op {
        EQ("="), NE("<>"), GT(">"), GE(">="), LE("<="), IN("IN"), NOT_IN("NOT IN"), NOT_NULL("IS NOT NULL");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** A column compared with values: one for a comparison, any number for IN and NOT IN, none for NOT_NULL. */
    public record Condition(String column, Op op, List<?> values) {

        public Condition {
            values = List.copyOf(values);
        }

        /** The condition as SQL over the column {@code name}, its values added to {@code params}. */
        public String sql(String name, List<Object> params) {
            params.addAll(values);
            return switch (op) {
                case IN, NOT_IN -> values.isEmpty() ? (op == Op.IN ? "FALSE" : "TRUE")
                        : name + " " + op.sql() + " (" + Sql.placeholders(values.size()) + ")";
                case NOT_NULL -> name + " IS NOT NULL";
                default -> name + " " + op.sql() + " ?";
            };
        }
    }

    public TableQuery {
        columns = List.copyOf(columns);
        conditions = List.copyOf(conditions);
    }

    /** Every column of every row. */
    public static TableQuery from(String table) {
        return new TableQuery(table, List.of(), List.of(), null, 0);
    }

    public TableQuery columns(String... names) {
        return new TableQuery(table, List.of(names), conditions, orderBy, limit);
    }

    public TableQuery where(String column, Op op, Object value) {
        return where(new Condition(column, op, List.of(value)));
    }

    public TableQuery whereIn(String column, Collection<?> values) {
        return where(new Condition(column, Op.IN, new ArrayList<>(values)));
    }

    public TableQuery whereNotNull(String column) {
        return where(new Condition(column, Op.NOT_NULL, List.of()));
    }

    public TableQuery where(Condition condition) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(condition);
        return new TableQuery(table, columns, all, orderBy, limit);
    }

    public TableQuery where(Collection<Condition> more) {
        List<Condition> all = new ArrayList<>(conditions);
        all.addAll(more);
        return new TableQuery(table, columns, all, orderBy, limit);
    }

    public TableQuery orderBy(String column) {
        return new TableQuery(table, columns, conditions, column, limit);
    }

    public TableQuery limit(int rows) {
        return new TableQuery(table, columns, conditions, orderBy, rows);
    }

    /** The query as SQL on the shop's database, its values added to {@code params}. */
    String sql(String from, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(columns.isEmpty() ? "*" : String.join(", ", columns.stream().map(Sql::quote).toList()));
        sql.append(" FROM ").append(from).append(where(params));
        if (orderBy != null) {
            sql.append(" ORDER BY ").append(Sql.quote(orderBy));
        }
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        return sql.toString();
    }

    /** The count of the rows the query reads, as SQL. */
    String countSql(String from, List<Object> params) {
        return "SELECT COUNT(*) FROM " + from + where(params);
    }

    private String where(List<Object> params) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            where.append(i == 0 ? " WHERE " : " AND ").append(condition.sql(Sql.quote(condition.column()), params));
        }
        return where.toString();
    }
}
