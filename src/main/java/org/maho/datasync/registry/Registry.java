package org.maho.datasync.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.MultiRowInsert;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlScript;
import org.maho.datasync.model.DateValues;

/**
 * The destination's map from (source system, entity type, source id) to destination id. Lookups go by
 * batch through a bounded cache; registrations are written in the caller's transaction, together with the
 * rows they describe, so a mapping never outlives a rolled-back write.
 */
public final class Registry {

    public static final String TABLE = "datasync_entity_registry";
    private static final String DDL = "schema/datasync/datasync_entity_registry.sql";

    /** One source-to-destination mapping. {@code externalRef} is the record's natural key. */
    public record Mapping(String entityType, String sourceId, long targetId, String externalRef) {}

    private final ShopDatabase destination;
    private final String sourceSystem;
    private final RegistryCache cache;
    private volatile boolean tableExists;

    public Registry(ShopDatabase destination, String sourceSystem, int cacheSize) {
        this.destination = destination;
        this.sourceSystem = sourceSystem;
        this.cache = new RegistryCache(cacheSize);
    }

    public String sourceSystem() {
        return sourceSystem;
    }

    /** Only a whole non-negative number fits the table's source_id; other inputs are matched by natural key. */
    public static boolean isRegistrable(String sourceId) {
        if (sourceId == null || sourceId.isEmpty() || sourceId.length() > 10) {
            return false;
        }
        for (int i = 0; i < sourceId.length(); i++) {
            if (!Character.isDigit(sourceId.charAt(i))) {
                return false;
            }
        }
        return Long.parseLong(sourceId) <= 0xFFFFFFFFL;
    }

    /** Creates the table when missing. Not called by dry runs, which write nothing. */
    public void ensureTable() throws SQLException {
        if (tableExists) {
            return;
        }
        try (Connection connection = destination.connection()) {
            SqlScript.createTables(connection, DDL, destination, TABLE);
        }
        tableExists = true;
    }

    /** The registry table's name in the destination: with the shop's table prefix, as the original module's. */
    private String table() {
        return destination.table(TABLE);
    }

    private boolean tableExists() {
        if (!tableExists) {
            tableExists = destination.hasTable(TABLE);
        }
        return tableExists;
    }

    /** Destination ids of the given source ids that are registered; one query per batch for what the cache lacks. */
    public Map<String, Long> resolve(Connection connection, String entityType, Collection<String> sourceIds) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String sourceId : sourceIds) {
            if (!isRegistrable(sourceId)) {
                continue;
            }
            RegistryCache.Entry cached = cache.get(entityType, sourceId);
            if (cached != null) {
                found.put(sourceId, cached.targetId());
            } else {
                missing.add(sourceId);
            }
        }
        if (missing.isEmpty() || !tableExists()) {
            return found;
        }
        List<Long> ids = missing.stream().map(Long::valueOf).toList();
        Sql.queryIn(connection, "SELECT source_id, target_id, external_ref FROM " + table()
                        + " WHERE source_system = ? AND entity_type = ? AND source_id IN ", "",
                List.of(sourceSystem, entityType), ids, row -> {
                    String sourceId = row.getString(1);
                    long targetId = row.getLong(2);
                    found.put(sourceId, targetId);
                    cache.put(entityType, sourceId, new RegistryCache.Entry(targetId, row.getString(3)));
                });
        return found;
    }

    /** Which of the given destination ids were registered from this source, with their source ids. */
    public Map<Long, String> sourceIdsOfTargets(Connection connection, String entityType, Collection<Long> targetIds)
            throws SQLException {
        Map<Long, String> found = new HashMap<>();
        if (targetIds.isEmpty() || !tableExists()) {
            return found;
        }
        Sql.queryIn(connection, "SELECT target_id, source_id, external_ref FROM " + table()
                        + " WHERE source_system = ? AND entity_type = ? AND target_id IN ", "",
                List.of(sourceSystem, entityType), targetIds, row -> {
                    found.put(row.getLong(1), row.getString(2));
                    cache.put(entityType, row.getString(2), new RegistryCache.Entry(row.getLong(1), row.getString(3)));
                });
        return found;
    }

    /**
     * Writes the mappings the registry does not hold yet, in the caller's transaction; the cache learns them
     * only after {@link #committed}. A re-run whose records map as before writes nothing here.
     */
    public void register(Connection transaction, Collection<Mapping> all) throws SQLException {
        List<Mapping> mappings = new ArrayList<>();
        for (Mapping mapping : all) {
            RegistryCache.Entry cached = cache.get(mapping.entityType(), mapping.sourceId());
            if (cached == null || !cached.sameAs(mapping.targetId(), truncate(mapping.externalRef()))) {
                mappings.add(mapping);
            }
        }
        if (mappings.isEmpty()) {
            return;
        }
        String now = DateValues.format(LocalDateTime.now(ZoneOffset.UTC));
        MultiRowInsert insert = new MultiRowInsert(destination, table(), List.of("source_system", "entity_type", "source_id",
                "target_id", "external_ref", "synced_at"), "ON DUPLICATE KEY UPDATE target_id = VALUES(target_id),"
                + " external_ref = VALUES(external_ref), synced_at = VALUES(synced_at)");
        for (Mapping mapping : mappings) {
            insert.add(sourceSystem, mapping.entityType(), Long.parseLong(mapping.sourceId()), mapping.targetId(),
                    truncate(mapping.externalRef()), now);
        }
        insert.execute(transaction);
    }

    /** Removes mappings whose destination rows this run deleted, in the caller's transaction. */
    public void forget(Connection transaction, String entityType, Collection<String> sourceIds) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String sourceId : sourceIds) {
            if (isRegistrable(sourceId)) {
                ids.add(Long.valueOf(sourceId));
                cache.remove(entityType, sourceId);
            }
        }
        for (List<Long> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            List<Object> params = new ArrayList<>(List.of(sourceSystem, entityType));
            params.addAll(chunk);
            Sql.update(transaction, "DELETE FROM " + table() + " WHERE source_system = ? AND entity_type = ? AND source_id IN ("
                    + Sql.placeholders(chunk.size()) + ")", params);
        }
    }

    /** Removes the mappings of this source that point at the given destination rows, which are being deleted. */
    public void forgetTargets(Connection transaction, String entityType, Collection<Long> targetIds) throws SQLException {
        if (targetIds.isEmpty() || !tableExists()) {
            return;
        }
        forget(transaction, entityType, sourceIdsOfTargets(transaction, entityType, targetIds).values());
    }

    /** Teaches the cache mappings whose transaction committed. */
    public void committed(Collection<Mapping> mappings) {
        for (Mapping mapping : mappings) {
            cache.put(mapping.entityType(), mapping.sourceId(),
                    new RegistryCache.Entry(mapping.targetId(), truncate(mapping.externalRef())));
        }
    }

    /** Drops a cached mapping found to point at a destination row that no longer exists. */
    public void evict(String entityType, String sourceId) {
        cache.remove(entityType, sourceId);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 255 ? value : value.substring(0, 255);
    }
}
