package org.maho.datasync.entity.sales;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;

/**
 * The destination's increment counters ({@code eav_entity_store}), moved past every increment id a batch wrote,
 * in the batch's transaction. OpenMage numbers a new order {@code prefix + pad(last + 1)} from its store's
 * counter; without this, the first order placed on the destination after a sync would take an imported number and
 * fail on the unique key.
 */
final class IncrementCounters {

    /** How an entity type numbers its documents (eav_entity_type). */
    private record Numbering(int entityTypeId, boolean perStore, int padLength) {}

    private record Counter(long id, String prefix, String lastId) {}

    private IncrementCounters() {}

    /**
     * Moves each store's counter of the entity type past the highest of the increment ids that carry the store's
     * prefix. A store without a counter gets one, with the prefix OpenMage would give it (its id).
     */
    static void advance(SyncJob job, Connection destination, String entityTypeCode, Collection<String> incrementIds)
            throws SQLException {
        if (incrementIds.isEmpty()) {
            return;
        }
        ShopDatabase shop = job.destination();
        Numbering numbering = numbering(job, destination, entityTypeCode);
        if (numbering == null) {
            return;
        }
        Map<Integer, Counter> counters = new HashMap<>();
        Sql.query(destination, "SELECT entity_store_id, store_id, increment_prefix, increment_last_id FROM "
                + shop.table("eav_entity_store") + " WHERE entity_type_id = ? FOR UPDATE", List.of(numbering.entityTypeId()),
                row -> counters.put(row.getInt(2), new Counter(row.getLong(1), row.getString(3), row.getString(4))));
        List<Integer> stores = new ArrayList<>();
        if (numbering.perStore()) {
            ShopMetadata.of(shop).stores().stream().map(ShopMetadata.Store::id).filter(id -> id != 0).forEach(stores::add);
        } else {
            stores.add(0);
        }
        for (int store : stores) {
            Counter counter = counters.get(store);
            String prefix = counter != null && counter.prefix() != null ? counter.prefix() : String.valueOf(store);
            long highest = -1;
            for (String incrementId : incrementIds) {
                highest = Math.max(highest, number(incrementId, prefix, numbering.padLength()));
            }
            long last = counter == null || counter.lastId() == null ? 0 : Math.max(0, number(counter.lastId(), prefix, -1));
            if (highest <= last) {
                continue;
            }
            String value = prefix + String.format("%0" + numbering.padLength() + "d", highest);
            if (counter == null) {
                Sql.update(destination, "INSERT INTO " + shop.table("eav_entity_store")
                                + " (entity_type_id, store_id, increment_prefix, increment_last_id) VALUES (?, ?, ?, ?)",
                        List.of(numbering.entityTypeId(), store, prefix, value));
            } else {
                Sql.update(destination, "UPDATE " + shop.table("eav_entity_store") + " SET increment_last_id = ? WHERE entity_store_id = ?",
                        List.of(value, counter.id()));
            }
        }
    }

    /**
     * The number an increment id carries after the prefix, or -1 when it is not one of the prefix's numbers.
     *
     * @param length the digits expected after the prefix; -1 for any
     */
    static long number(String incrementId, String prefix, int length) {
        if (incrementId == null || !incrementId.startsWith(prefix)) {
            return -1;
        }
        String digits = incrementId.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || (length >= 0 && digits.length() != length) || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private static Numbering numbering(SyncJob job, Connection destination, String entityTypeCode) {
        return job.cached("increment-numbering:" + entityTypeCode, () -> {
            Numbering[] found = {null};
            try {
                Sql.query(destination, "SELECT entity_type_id, increment_per_store, increment_pad_length FROM "
                        + job.destination().table("eav_entity_type") + " WHERE entity_type_code = ?", List.of(entityTypeCode),
                        row -> found[0] = new Numbering(row.getInt(1), row.getInt(2) != 0, row.getInt(3) > 0 ? row.getInt(3) : 8));
            } catch (SQLException e) {
                throw org.maho.datasync.db.SqlErrors.wrap("Reading how the destination numbers its " + entityTypeCode + " documents", e);
            }
            if (found[0] == null) {
                job.report().warn(entityTypeCode + ": the destination has no such entity type; its increment counters are not moved");
            }
            return found[0];
        });
    }
}
