package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.Sql;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;

/**
 * An entity whose natural key is one column of its main table, unique there (a tax rate's or rule's code): found on
 * the destination by that column, named by it in references, lower-cased and trimmed as MySQL's collations compare.
 */
public abstract class KeyColumnHandler extends TableEntityHandler {

    private final String keyColumn;

    protected KeyColumnHandler(String type, TableShape shape, String keyColumn, Set<JobOption> options, String... aliases) {
        super(type, shape, options, aliases);
        this.keyColumn = keyColumn;
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    /** The tracker follows the entity's tables and finds a deleted one by its key column, as {@link #naturalKey} does. */
    protected final TrackedEntity trackingByKey() {
        return tracking("LOWER(TRIM(ROW." + keyColumn + "))");
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        return key(record.text(keyColumn));
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT " + shape().idColumn() + ", " + keyColumn + " FROM " + job.destination().table(shape().table())
                + " WHERE " + keyColumn + " IN ", "", List.of(), keys, row -> found.putIfAbsent(key(row.getString(2)), row.getLong(1)));
        return found;
    }

    @Override
    public Map<String, String> naturalKeysOf(SyncJob job, ShopDatabase shop, Connection connection, Collection<Long> ids)
            throws SQLException {
        Map<String, String> keys = new HashMap<>();
        String id = shape().idColumn();
        shop.select(connection, TableQuery.from(shape().table()).columns(id, keyColumn).whereIn(id, ids), row -> {
            if (key(row.get(keyColumn)) != null) {
                keys.put(row.get(id), key(row.get(keyColumn)));
            }
        });
        return keys;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String key = key(record.text(keyColumn));
        if (key == null) {
            record.reject(keyColumn, "is missing");
            return;
        }
        String first = repeatedAtSource(job).get(key);
        if (first != null && !first.equals(record.sourceId())) {
            record.reject(keyColumn, "'" + record.text(keyColumn).trim() + "' is also the " + keyColumn + " of " + shape().table() + " "
                    + shape().idColumn() + " " + first + " at the source; " + type() + " records are matched by " + keyColumn
                    + ", so this one would take that one's place on the destination: rename one of them");
        }
    }

    /**
     * Keys more than one row of the source database holds (nothing enforces them unique: two cart rules may share a
     * name), each to the lowest id among its rows, which alone syncs: the others could not be told from it.
     */
    private Map<String, String> repeatedAtSource(SyncJob job) {
        if (job.source() == null) {
            return Map.of();
        }
        return job.cached(type() + ".keys-repeated-at-source", () -> {
            Map<String, String> repeated = new HashMap<>();
            String id = shape().idColumn();
            // in id order: a key's first row is its lowest id
            Map<String, String> first = new HashMap<>();
            try {
                job.source().select(null, TableQuery.from(shape().table()).columns(id, keyColumn).whereNotNull(keyColumn).orderBy(id),
                        row -> {
                            String key = key(row.get(keyColumn));
                            if (key != null && first.putIfAbsent(key, row.get(id)) != null) {
                                repeated.put(key, first.get(key));
                            }
                        });
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the source's " + shape().table() + " failed: " + e.getMessage(), e);
            }
            return repeated;
        });
    }
}
