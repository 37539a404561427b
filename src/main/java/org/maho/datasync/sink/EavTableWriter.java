package org.maho.datasync.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.eav.EavShape;

/**
 * Runs the {@link TableChanges} of one step with multi-row statements: JDBC batches that the driver
 * rewrites into multi-row INSERTs ({@code rewriteBatchedStatements=true}), so a batch of 500 records costs
 * a handful of round trips, not thousands.
 */
final class EavTableWriter {

    private EavTableWriter() {}

    /** @return rows inserted, updated or deleted */
    static long execute(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        long rows = 0;
        rows += insertRows(transaction, shop, changes);
        rows += updateRows(transaction, shop, changes);
        rows += deleteValues(transaction, shop, changes);
        rows += writeValues(transaction, shop, changes);
        rows += deleteRows(transaction, shop, changes);
        return rows;
    }

    private static long insertRows(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        if (changes.inserts().isEmpty()) {
            return 0;
        }
        EavShape shape = changes.shape();
        boolean hasTypeColumn = shop.columns(shape.table()).containsKey("entity_type_id");
        // rows with the same columns share one statement; their order is kept so that ids come back in order
        Map<List<String>, List<TableChanges.NewRow>> byColumns = new LinkedHashMap<>();
        for (TableChanges.NewRow row : changes.inserts()) {
            List<String> columns = new ArrayList<>(row.columns().keySet());
            if (hasTypeColumn && !columns.contains("entity_type_id")) {
                columns.add(0, "entity_type_id");
            }
            byColumns.computeIfAbsent(columns, k -> new ArrayList<>()).add(row);
        }
        long rows = 0;
        for (Map.Entry<List<String>, List<TableChanges.NewRow>> group : byColumns.entrySet()) {
            List<String> columns = group.getKey();
            String sql = "INSERT INTO " + shop.table(shape.table()) + " (" + joinQuoted(columns) + ") VALUES ("
                    + Sql.placeholders(columns.size()) + ")";
            try (PreparedStatement statement = transaction.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (TableChanges.NewRow row : group.getValue()) {
                    int index = 1;
                    for (String column : columns) {
                        Object value = "entity_type_id".equals(column) && !row.columns().containsKey(column)
                                ? changes.entityTypeId() : row.columns().get(column);
                        statement.setObject(index++, resolve(value));
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
                List<Long> ids = new ArrayList<>();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
                List<TableChanges.NewRow> inserted = group.getValue();
                if (ids.size() != inserted.size()) {
                    throw new SQLException("Inserted " + inserted.size() + " rows into " + shape.table() + " but got "
                            + ids.size() + " generated ids", "HY000");
                }
                for (int i = 0; i < ids.size(); i++) {
                    inserted.get(i).ref().assign(ids.get(i));
                }
                rows += inserted.size();
            }
        }
        return rows;
    }

    private static long updateRows(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        Map<List<String>, List<TableChanges.RowUpdate>> byColumns = new LinkedHashMap<>();
        for (TableChanges.RowUpdate update : changes.updates()) {
            byColumns.computeIfAbsent(new ArrayList<>(update.columns().keySet()), k -> new ArrayList<>()).add(update);
        }
        long rows = 0;
        for (Map.Entry<List<String>, List<TableChanges.RowUpdate>> group : byColumns.entrySet()) {
            StringBuilder set = new StringBuilder();
            for (String column : group.getKey()) {
                set.append(set.length() == 0 ? "" : ", ").append(Sql.quote(column)).append(" = ?");
            }
            String sql = "UPDATE " + shop.table(changes.shape().table()) + " SET " + set + " WHERE " + EavShape.ID + " = ?";
            try (PreparedStatement statement = transaction.prepareStatement(sql)) {
                for (TableChanges.RowUpdate update : group.getValue()) {
                    int index = 1;
                    for (String column : group.getKey()) {
                        statement.setObject(index++, resolve(update.columns().get(column)));
                    }
                    statement.setLong(index, update.id());
                    statement.addBatch();
                }
                statement.executeBatch();
                rows += group.getValue().size();
            }
        }
        return rows;
    }

    private static long writeValues(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        Map<String, List<TableChanges.ValueWrite>> byBackend = new LinkedHashMap<>();
        for (TableChanges.ValueWrite value : changes.values()) {
            byBackend.computeIfAbsent(value.backendType(), k -> new ArrayList<>()).add(value);
        }
        long rows = 0;
        for (Map.Entry<String, List<TableChanges.ValueWrite>> group : byBackend.entrySet()) {
            String table = changes.shape().valueTable(group.getKey());
            boolean scoped = shop.columns(table).containsKey("store_id");
            String sql = "INSERT INTO " + shop.table(table) + " (entity_type_id, attribute_id, "
                    + (scoped ? "store_id, " : "") + "entity_id, value) VALUES (" + (scoped ? "?,?,?,?,?" : "?,?,?,?")
                    + ") ON DUPLICATE KEY UPDATE value = VALUES(value)";
            try (PreparedStatement statement = transaction.prepareStatement(sql)) {
                for (TableChanges.ValueWrite value : group.getValue()) {
                    int index = 1;
                    statement.setInt(index++, changes.entityTypeId());
                    statement.setInt(index++, value.attributeId());
                    if (scoped) {
                        statement.setInt(index++, value.storeId());
                    }
                    statement.setLong(index++, value.entity().requireId());
                    statement.setObject(index, resolve(value.value()));
                    statement.addBatch();
                }
                statement.executeBatch();
                rows += group.getValue().size();
            }
        }
        return rows;
    }

    private static long deleteValues(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        Map<String, List<TableChanges.ValueDelete>> byBackend = new LinkedHashMap<>();
        for (TableChanges.ValueDelete delete : changes.valueDeletes()) {
            byBackend.computeIfAbsent(delete.backendType(), k -> new ArrayList<>()).add(delete);
        }
        long rows = 0;
        for (Map.Entry<String, List<TableChanges.ValueDelete>> group : byBackend.entrySet()) {
            String table = changes.shape().valueTable(group.getKey());
            boolean scoped = shop.columns(table).containsKey("store_id");
            String sql = "DELETE FROM " + shop.table(table) + " WHERE entity_id = ? AND attribute_id = ?"
                    + (scoped ? " AND store_id = ?" : "");
            try (PreparedStatement statement = transaction.prepareStatement(sql)) {
                for (TableChanges.ValueDelete delete : group.getValue()) {
                    statement.setLong(1, delete.entityId());
                    statement.setInt(2, delete.attributeId());
                    if (scoped) {
                        statement.setInt(3, delete.storeId());
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
                rows += group.getValue().size();
            }
        }
        return rows;
    }

    private static long deleteRows(Connection transaction, ShopDatabase shop, TableChanges changes) throws SQLException {
        long rows = 0;
        for (List<Long> chunk : Sql.chunks(changes.rowDeletes(), Sql.IN_CHUNK)) {
            rows += Sql.update(transaction, "DELETE FROM " + shop.table(changes.shape().table()) + " WHERE "
                    + EavShape.ID + " IN (" + Sql.placeholders(chunk.size()) + ")", chunk);
        }
        return rows;
    }

    private static Object resolve(Object value) {
        return value instanceof RowRef ref ? ref.requireId() : value;
    }

    private static String joinQuoted(List<String> columns) {
        StringBuilder text = new StringBuilder();
        for (String column : columns) {
            text.append(text.length() == 0 ? "" : ", ").append(Sql.quote(column));
        }
        return text.toString();
    }
}
