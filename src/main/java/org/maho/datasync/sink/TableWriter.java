package org.maho.datasync.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.maho.datasync.db.MultiRowInsert;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.model.TableShape;

/**
 * Runs the {@link TableChanges} of one step with multi-row statements: inserts and attribute values as multi-row
 * INSERT text ({@link MultiRowInsert}), updates of rows by id as one statement per group, other updates and the
 * deletes as JDBC batches the driver sends together ({@code rewriteBatchedStatements=true}), so a batch of 500
 * records costs a handful of round trips, not thousands. Rows go first (deletes, inserts, updates), then
 * attribute values.
 */
public final class TableWriter {

    private TableWriter() {}

    /** @return rows inserted, updated or deleted */
    public static long execute(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        String table = shop.table(changes.shape().table());
        long rows = 0;
        rows += batches(transaction, changes.deletes(), where -> new UpdateShape(List.of(), List.copyOf(where.keySet())),
                shape -> "DELETE FROM " + table + " WHERE " + conditions(shape.where()),
                (statement, where) -> bind(statement, 1, where));
        rows += insertRows(transaction, shop, changes);
        rows += updateRows(transaction, table, changes.updates());
        rows += deleteValues(transaction, shop, changes);
        rows += writeValues(transaction, shop, changes);
        return rows;
    }

    /** The columns a statement sets and the columns it selects rows by. */
    private record UpdateShape(List<String> set, List<String> where) {}

    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Items with the same statement shape run as one JDBC batch. */
    private static <T, S> long batches(Connection transaction, List<T> items, Function<T, S> shapeOf,
                                       Function<S, String> sqlOf, Binder<T> binder) throws SQLException {
        Map<S, List<T>> byShape = new LinkedHashMap<>();
        for (T item : items) {
            byShape.computeIfAbsent(shapeOf.apply(item), k -> new ArrayList<>()).add(item);
        }
        long rows = 0;
        for (Map.Entry<S, List<T>> group : byShape.entrySet()) {
            try (PreparedStatement statement = transaction.prepareStatement(sqlOf.apply(group.getKey()))) {
                for (T item : group.getValue()) {
                    binder.bind(statement, item);
                    statement.addBatch();
                }
                statement.executeBatch();
                rows += group.getValue().size();
            }
        }
        return rows;
    }

    /**
     * Updates that set the same columns of rows picked by one key column (an order's address ids, set once its
     * addresses exist) go as one statement per {@value #ROWS_PER_UPDATE} rows, joined to their new values by key:
     * one statement instead of one per row. Other updates, and a group that updates a row
     * twice or picks one by NULL, run as a JDBC batch of single-row statements.
     */
    private static long updateRows(Connection transaction, String table, List<TableChanges.RowUpdate> updates) throws SQLException {
        Map<UpdateShape, List<TableChanges.RowUpdate>> byShape = new LinkedHashMap<>();
        for (TableChanges.RowUpdate update : updates) {
            byShape.computeIfAbsent(new UpdateShape(List.copyOf(update.set().keySet()), List.copyOf(update.where().keySet())),
                    k -> new ArrayList<>()).add(update);
        }
        long rows = 0;
        for (Map.Entry<UpdateShape, List<TableChanges.RowUpdate>> group : byShape.entrySet()) {
            UpdateShape shape = group.getKey();
            List<TableChanges.RowUpdate> items = group.getValue();
            List<Object> keys = shape.where().size() == 1 && items.size() > 1 ? distinctKeys(items, shape.where().get(0)) : null;
            if (keys == null) {
                rows += batches(transaction, items, update -> shape,
                        same -> "UPDATE " + table + " SET " + assignments(same.set()) + " WHERE " + conditions(same.where()),
                        (statement, update) -> bind(statement, bind(statement, 1, update.set()), update.where()));
                continue;
            }
            for (int from = 0; from < items.size(); from += ROWS_PER_UPDATE) {
                int to = Math.min(items.size(), from + ROWS_PER_UPDATE);
                rows += updateByKey(transaction, table, shape, items.subList(from, to), keys.subList(from, to));
            }
        }
        return rows;
    }

    private static final int ROWS_PER_UPDATE = 500;

    /** The key of each update, resolved; null when two updates pick the same row or one picks by NULL. */
    private static List<Object> distinctKeys(List<TableChanges.RowUpdate> items, String keyColumn) {
        List<Object> keys = new ArrayList<>(items.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TableChanges.RowUpdate update : items) {
            Object key = resolve(update.where().get(keyColumn));
            if (key == null || !seen.add(key.toString())) {
                return null;
            }
            keys.add(key);
        }
        return keys;
    }

    private static long updateByKey(Connection transaction, String table, UpdateShape shape, List<TableChanges.RowUpdate> items,
                                    List<Object> keys) throws SQLException {
        // the new values as a derived table joined by key: one pass, where CASE would compare every row with every key
        StringBuilder rows = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.append(i == 0 ? "SELECT ? AS `k`" : " UNION ALL SELECT ?");
            params.add(keys.get(i));
            for (int c = 0; c < shape.set().size(); c++) {
                rows.append(i == 0 ? ", ? AS `v" + c + "`" : ", ?");
                params.add(resolve(items.get(i).set().get(shape.set().get(c))));
            }
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" t JOIN (").append(rows)
                .append(") n ON t.").append(Sql.quote(shape.where().get(0))).append(" = n.`k` SET ");
        for (int c = 0; c < shape.set().size(); c++) {
            sql.append(c == 0 ? "" : ", ").append("t.").append(Sql.quote(shape.set().get(c))).append(" = n.`v").append(c).append("`");
        }
        Sql.update(transaction, sql.toString(), params);
        return items.size();
    }

    private static long insertRows(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        if (changes.inserts().isEmpty()) {
            return 0;
        }
        TableShape shape = changes.shape();
        boolean typeColumn = shape.hasValues() && shop.columns(shape.table()).containsKey("entity_type_id");
        // rows with the same columns in the same order share one statement; their order is kept so that ids come
        // back in order. A column set to another row of the same table (an item's parent item) is added last, so
        // the row holding it never shares a statement with the row it points at, which is inserted first.
        Map<List<String>, List<TableChanges.NewRow>> byColumns = new LinkedHashMap<>();
        List<String> lastColumns = null;
        List<TableChanges.NewRow> lastGroup = null;
        for (TableChanges.NewRow row : changes.inserts()) {
            // consecutive rows mostly have the columns of the row before: compared in place, no list per row
            if (lastColumns == null || !sameOrder(row.columns().keySet(), lastColumns)) {
                lastColumns = new ArrayList<>(row.columns().keySet());
                lastGroup = byColumns.computeIfAbsent(lastColumns, k -> new ArrayList<>());
            }
            lastGroup.add(row);
        }
        long rows = 0;
        for (Map.Entry<List<String>, List<TableChanges.NewRow>> group : keptIdsFirst(byColumns, shape)) {
            List<String> columns = group.getKey();
            boolean addType = typeColumn && !columns.contains("entity_type_id");
            List<String> statementColumns = columns;
            if (addType) {
                statementColumns = new ArrayList<>(columns);
                statementColumns.add(0, "entity_type_id");
            }
            MultiRowInsert insert = new MultiRowInsert(shop, shop.table(shape.table()), statementColumns, "");
            for (TableChanges.NewRow row : group.getValue()) {
                // the row's values in its map's order, which is the group's column order
                Object[] values = new Object[statementColumns.size()];
                int index = 0;
                if (addType) {
                    values[index++] = changes.entityTypeId();
                }
                for (Object value : row.columns().values()) {
                    values[index++] = resolve(value);
                }
                insert.add(values);
            }
            List<TableChanges.NewRow> inserted = group.getValue();
            if (shape.idColumn() != null && columns.contains(shape.idColumn())) {
                insert.execute(transaction);
                for (TableChanges.NewRow row : inserted) {
                    if (row.ref() != null) {
                        row.ref().assign(((Number) row.columns().get(shape.idColumn())).longValue());
                    }
                }
            } else if (shape.idColumn() != null) {
                List<Long> ids = new ArrayList<>(inserted.size());
                insert.execute(transaction, ids);
                assignIds(ids, inserted, shape);
            } else {
                insert.execute(transaction);
            }
            rows += inserted.size();
        }
        return rows;
    }

    /**
     * Rows that bring their id ({@code --keep-ids}) go before rows the table numbers, so that no number it gives in this
     * batch is one a row of the batch brings; otherwise the groups keep their order.
     */
    private static List<Map.Entry<List<String>, List<TableChanges.NewRow>>> keptIdsFirst(
            Map<List<String>, List<TableChanges.NewRow>> byColumns, TableShape shape) {
        List<Map.Entry<List<String>, List<TableChanges.NewRow>>> groups = new ArrayList<>(byColumns.entrySet());
        if (shape.idColumn() != null) {
            groups.sort(java.util.Comparator.comparing(group -> !group.getKey().contains(shape.idColumn())));
        }
        return groups;
    }

    private static boolean sameOrder(java.util.Set<String> keys, List<String> columns) {
        if (keys.size() != columns.size()) {
            return false;
        }
        int index = 0;
        for (String key : keys) {
            if (!key.equals(columns.get(index++))) {
                return false;
            }
        }
        return true;
    }

    private static void assignIds(List<Long> ids, List<TableChanges.NewRow> inserted, TableShape shape) throws SQLException {
        if (ids.size() != inserted.size()) {
            throw new SQLException("Inserted " + inserted.size() + " rows into " + shape.table() + " but got "
                    + ids.size() + " generated ids", "HY000");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (inserted.get(i).ref() != null) {
                inserted.get(i).ref().assign(ids.get(i));
            }
        }
    }

    /** Attribute values, one multi-row upsert per value table. */
    private static long writeValues(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        Map<String, List<TableChanges.ValueWrite>> byBackend = new LinkedHashMap<>();
        for (TableChanges.ValueWrite value : changes.values()) {
            byBackend.computeIfAbsent(value.backendType(), k -> new ArrayList<>()).add(value);
        }
        long rows = 0;
        for (Map.Entry<String, List<TableChanges.ValueWrite>> backend : byBackend.entrySet()) {
            String table = changes.shape().valueTable(backend.getKey());
            boolean scoped = shop.columns(table).containsKey("store_id");
            MultiRowInsert insert = new MultiRowInsert(shop, shop.table(table), scoped
                    ? List.of("entity_type_id", "attribute_id", "store_id", "entity_id", "value")
                    : List.of("entity_type_id", "attribute_id", "entity_id", "value"), "ON DUPLICATE KEY UPDATE value = VALUES(value)");
            for (TableChanges.ValueWrite value : backend.getValue()) {
                if (scoped) {
                    insert.add(changes.entityTypeId(), value.attributeId(), value.storeId(), value.entity().requireId(),
                            resolve(value.value()));
                } else {
                    insert.add(changes.entityTypeId(), value.attributeId(), value.entity().requireId(), resolve(value.value()));
                }
            }
            insert.execute(transaction);
            rows += backend.getValue().size();
        }
        return rows;
    }

    private static long deleteValues(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        return batches(transaction, changes.valueDeletes(), TableChanges.ValueDelete::backendType, backend -> {
            String table = changes.shape().valueTable(backend);
            boolean scoped = shop.columns(table).containsKey("store_id");
            return "DELETE FROM " + shop.table(table) + " WHERE entity_id = ? AND attribute_id = ?" + (scoped ? " AND store_id = ?" : "");
        }, (statement, delete) -> {
            statement.setLong(1, delete.entityId());
            statement.setInt(2, delete.attributeId());
            if (shop.columns(changes.shape().valueTable(delete.backendType())).containsKey("store_id")) {
                statement.setInt(3, delete.storeId());
            }
        });
    }

    /** Binds the values in map order from {@code first}; returns the next parameter index. */
    private static int bind(PreparedStatement statement, int first, Map<String, Object> values) throws SQLException {
        int index = first;
        for (Object value : values.values()) {
            statement.setObject(index++, resolve(value));
        }
        return index;
    }

    private static Object resolve(Object value) {
        return value instanceof Deferred deferred ? deferred.resolve() : value;
    }

    private static String assignments(List<String> columns) {
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            text.append(text.length() == 0 ? "" : ", ").append(Sql.quote(column)).append(" = ?");
        }
        return text.toString();
    }

    /** Null-safe equality, so a key column holding NULL still finds its row. */
    private static String conditions(List<String> columns) {
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            text.append(text.length() == 0 ? "" : " AND ").append(Sql.quote(column)).append(" <=> ?");
        }
        return text.toString();
    }
}
