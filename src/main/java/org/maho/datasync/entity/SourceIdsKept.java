package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.registry.Registry;

/**
 * {@code --keep-ids} for one batch: the id a new destination row takes, its source's. For types whose ids are kept
 * where free (attributes, options, stores), a source id the destination has a row of its own at is left to the
 * destination, which gives its next one: the batch's taken ids are read with one query per table.
 */
final class SourceIdsKept {

    private static final SourceIdsKept NONE = new SourceIdsKept(false, Map.of());

    private final boolean on;
    /** by table: ids the destination has a row at, for types kept where free; absent for types kept always */
    private final Map<String, Set<Long>> taken;

    private SourceIdsKept(boolean on, Map<String, Set<Long>> taken) {
        this.on = on;
        this.taken = taken;
    }

    static SourceIdsKept of(SyncJob job, EntityHandler handler, Connection connection, TableShape shape, List<Record> records)
            throws SQLException {
        if (!job.spec().keepIds()) {
            return NONE;
        }
        Map<String, Set<Long>> taken = new HashMap<>();
        if (handler.keptIds() == EntityHandler.KeptIds.WHERE_FREE) {
            Map<TableShape, Set<Long>> wanted = new HashMap<>();
            records.forEach(record -> collect(shape, record, wanted));
            for (Map.Entry<TableShape, Set<Long>> table : wanted.entrySet()) {
                Set<Long> ids = new HashSet<>();
                ShopDatabase destination = job.destination();
                Sql.queryIn(connection, "SELECT " + Sql.quote(table.getKey().idColumn()) + " FROM "
                                + Sql.quote(destination.table(table.getKey().table())) + " WHERE " + Sql.quote(table.getKey().idColumn())
                                + " IN ", "", List.of(), table.getValue(), row -> ids.add(row.getLong(1)));
                taken.put(table.getKey().table(), ids);
            }
        }
        return new SourceIdsKept(true, taken);
    }

    private static void collect(TableShape shape, Record record, Map<TableShape, Set<Long>> wanted) {
        if (shape.idColumn() != null && Registry.isRegistrable(record.sourceId())) {
            wanted.computeIfAbsent(shape, k -> new HashSet<>()).add(Long.parseLong(record.sourceId()));
        }
        for (TableShape child : shape.children()) {
            record.children(child.name()).forEach(childRecord -> collect(child, childRecord, wanted));
        }
    }

    /** The id a new row of the record takes: its source id, or null where the destination gives one. */
    Long idOf(TableShape shape, Record record) {
        if (!on || shape.idColumn() == null || !Registry.isRegistrable(record.sourceId())) {
            return null;
        }
        long id = Long.parseLong(record.sourceId());
        Set<Long> takenHere = taken.get(shape.table());
        return takenHere != null && takenHere.contains(id) ? null : id;
    }
}
