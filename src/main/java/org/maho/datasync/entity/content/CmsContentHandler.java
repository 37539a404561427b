package org.maho.datasync.entity.content;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;
import org.maho.datasync.sink.RowRef;

/**
 * CMS pages and blocks: a row and its store links. An identifier is unique per store, not per shop, so the natural
 * key is the identifier with the set of store codes the row is shown in ("home" for all stores and "home" for the
 * German store are two pages). Links to stores the destination lacks are left out with a warning.
 */
abstract class CmsContentHandler extends TableEntityHandler {

    private final String storeTable;
    private final String idColumn;

    protected CmsContentHandler(String type, String table, String idColumn, String storeTable, String... aliases) {
        super(type, TableShape.flatEntity(table, idColumn).kind("content", ValueKind.CONTENT)
                        .with(TableShape.child("stores", storeTable, null, idColumn).keys("store_id")),
                Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS), aliases);
        this.storeTable = storeTable;
        this.idColumn = idColumn;
    }

    @Override
    public TrackedEntity tracked() {
        return tracking(keySql(storeTable, idColumn));
    }

    /** identifier|store codes, sorted, as {@link #naturalKey} keys a page or block. */
    private static String keySql(String storeTable, String idColumn) {
        return "CONCAT(LOWER(TRIM(ROW.identifier)), '|', IFNULL((SELECT GROUP_CONCAT(LOWER(s.code) ORDER BY LOWER(s.code)"
                + " SEPARATOR ',') FROM ${" + storeTable + "} l JOIN ${core_store} s ON s.store_id = l.store_id"
                + " WHERE l." + idColumn + " = ROW." + idColumn + "), ''))";
    }

    /** identifier|store codes, sorted: "home|default,german". */
    @Override
    public String naturalKey(SyncJob job, Record record) {
        String identifier = record.text("identifier");
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        Set<String> stores = new TreeSet<>();
        for (Record link : record.children("stores")) {
            if (link.get("store_id") != null) {
                stores.add(link.get("store_id").toString().toLowerCase(Locale.ROOT));
            }
        }
        return key(identifier, stores);
    }

    private static String key(String identifier, Collection<String> stores) {
        return identifier.trim().toLowerCase(Locale.ROOT) + "|" + String.join(",", stores);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> identifiers = new LinkedHashSet<>();
        for (String key : keys) {
            identifiers.add(key.substring(0, key.lastIndexOf('|')));
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Map<Long, String> identifierOf = new HashMap<>();
        Map<Long, Set<String>> storesOf = new HashMap<>();
        String table = job.destination().table(shape().table());
        Sql.queryIn(destination, "SELECT c." + idColumn + ", c.identifier, s.store_id FROM " + table + " c LEFT JOIN "
                + job.destination().table(storeTable) + " s ON s." + idColumn + " = c." + idColumn + " WHERE c.identifier IN ",
                "", List.of(), identifiers, row -> {
                    long id = row.getLong(1);
                    identifierOf.put(id, row.getString(2));
                    Set<String> stores = storesOf.computeIfAbsent(id, k -> new TreeSet<>());
                    if (row.getString(3) != null) {
                        stores.add(shop.store(row.getInt(3)).map(ShopMetadata.Store::code).orElse(row.getString(3)).toLowerCase(Locale.ROOT));
                    }
                });
        Map<String, Long> found = new HashMap<>();
        for (Map.Entry<Long, String> row : new java.util.TreeMap<>(identifierOf).entrySet()) {
            found.putIfAbsent(key(row.getValue(), storesOf.get(row.getKey())), row.getKey());
        }
        return found;
    }

    /** identifier|store codes of source rows, for the directives and attributes that name a block by id. */
    @Override
    public Map<String, String> naturalKeysOf(SyncJob job, ShopDatabase shop, Connection connection, Collection<Long> ids)
            throws SQLException {
        Map<String, String> identifiers = new HashMap<>();
        Map<String, Set<String>> stores = new HashMap<>();
        ShopMetadata metadata = ShopMetadata.of(shop);
        shop.select(connection, TableQuery.from(shape().table()).columns(idColumn, "identifier").whereIn(idColumn, ids), row -> {
            identifiers.put(row.get(idColumn), row.get("identifier"));
            stores.put(row.get(idColumn), new TreeSet<>());
        });
        shop.select(connection, TableQuery.from(storeTable).columns(idColumn, "store_id").whereIn(idColumn, ids), row -> {
            Set<String> codes = stores.get(row.get(idColumn));
            if (codes != null && row.get("store_id") != null) {
                codes.add(metadata.store(Integer.parseInt(row.get("store_id"))).map(ShopMetadata.Store::code).orElse(row.get("store_id"))
                        .toLowerCase(Locale.ROOT));
            }
        });
        Map<String, String> keys = new HashMap<>();
        identifiers.forEach((id, identifier) -> {
            if (identifier != null) {
                keys.put(id, key(identifier, stores.get(id)));
            }
        });
        return keys;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String identifier = record.text("identifier");
        if (identifier == null || identifier.isBlank()) {
            record.reject("identifier", "is missing");
        } else if (identifier.trim().chars().anyMatch(Character::isWhitespace)) {
            record.reject("identifier", "'" + identifier + "' contains white space");
        }
        String title = record.text("title");
        if (title == null || title.isBlank()) {
            record.reject("title", "is missing");
        }
        List<String> missing = new ArrayList<>();
        ShopMetadata shop = ShopMetadata.of(job.destination());
        for (Record link : record.children("stores")) {
            Object store = link.get("store_id");
            if (store != null && shop.storeByCode(store.toString()).isEmpty()) {
                missing.add(store.toString());
            }
        }
        if (!missing.isEmpty() && missing.size() == record.children("stores").size()) {
            job.report().warn(type() + " '" + identifier + "': shown only in store(s) " + String.join(", ", missing)
                    + ", which the destination lacks; it is copied without a store");
        }
    }

    /** A page or block deleted at the source is disabled. */
    @Override
    public boolean retireTargets(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        for (List<Long> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            Sql.update(destination, "UPDATE " + job.destination().table(shape().table()) + " SET is_active = 0 WHERE " + idColumn
                    + " IN (" + Sql.placeholders(chunk.size()) + ")", chunk);
        }
        return true;
    }

    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        if (shape == shape()) {
            String now = DateValues.format(LocalDateTime.now(ZoneOffset.UTC).withNano(0));
            columns.putIfAbsent("creation_time", now);
            columns.putIfAbsent("update_time", columns.get("creation_time"));
        }
    }
}
