package org.maho.datasync.tracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ChangeLog;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;

/**
 * The pending changes of the source's tracker: read oldest first, and acknowledged at the revision that was read, so
 * that a change made while its entity was being synced stays pending for the next run. A change that keeps failing is
 * counted, and parked with its reason after a number of attempts: it never blocks the others and never retries
 * forever in silence. Acknowledging needs UPDATE and DELETE on the tracker table only.
 */
public final class TrackerTable implements ChangeLog {

    public static final int PENDING = 0;
    public static final int SYNCED = 1;
    public static final int PARKED = 2;
    /** Changes acknowledged per transaction: few, so that the locks on the shop's tracker rows are held briefly. */
    private static final int SETTLE_CHUNK = 100;
    private static final int ACCESS_DENIED = 1142;

    /**
     * A change's pending row is reached through the unique key of (type, entity, state), as the shop's triggers reach
     * it: the two then lock its index entries in the same order and wait for each other instead of deadlocking, which
     * would make InnoDB roll back the shop's own transaction. The tracker id and revision pick the very change read.
     */
    private static final String PENDING_ROW = "entity_type = ? AND entity_id = ? AND sync_completed = " + PENDING
            + " AND tracker_id = ? AND revision = ?";

    private static void pendingRow(PreparedStatement statement, int first, Change change) throws SQLException {
        statement.setString(first, change.type());
        statement.setLong(first + 1, change.entityId());
        statement.setLong(first + 2, change.trackerId());
        statement.setLong(first + 3, change.revision());
    }

    private final ShopDatabase source;
    private volatile String pendingKey;

    public TrackerTable(ShopDatabase source) {
        this.source = source;
    }

    /** The table, forced to the unique key of (type, entity, state) by its name in this shop (the original module's differs). */
    private String byPendingKey() throws SQLException {
        if (pendingKey == null) {
            String[] name = {""};
            try (Connection connection = source.connection()) {
                Sql.query(connection, "SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND"
                        + " TABLE_NAME = ? AND NON_UNIQUE = 0 GROUP BY INDEX_NAME HAVING GROUP_CONCAT(COLUMN_NAME ORDER BY"
                        + " SEQ_IN_INDEX) = 'entity_type,entity_id,sync_completed'", List.of(ChangeTracker.TABLE),
                        row -> name[0] = row.getString(1));
            }
            pendingKey = "`" + ChangeTracker.TABLE + "`" + (name[0].isEmpty() ? "" : " FORCE INDEX (`" + name[0] + "`)");
        }
        return pendingKey;
    }

    @Override
    public boolean exists() {
        return source.hasTable(ChangeTracker.TABLE) && source.columns(ChangeTracker.TABLE).containsKey("revision");
    }

    /**
     * The pending changes of the given types, oldest first, each type's at most {@code limit} when it is not null. One
     * statement reads them all, so they are one consistent snapshot of the tracker: the changes a source transaction made
     * together (a product and its stock item, a customer and the order placed after it) are all in it or none.
     */
    @Override
    public Map<String, List<Change>> pending(Collection<String> types, Integer limit) throws SQLException {
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        if (types.isEmpty()) {
            return changes;
        }
        String columns = "tracker_id, entity_type, entity_id, action, source_identifier, revision, attempts, created_at";
        String pending = "SELECT " + columns + " FROM `" + ChangeTracker.TABLE + "` WHERE sync_completed = ? AND entity_type IN ("
                + Sql.placeholders(types.size()) + ")";
        String sql = limit == null ? pending + " ORDER BY created_at, tracker_id"
                : "SELECT " + columns + " FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY entity_type ORDER BY"
                        + " created_at, tracker_id) AS type_position FROM (" + pending + ") p) t WHERE type_position <= " + limit
                        + " ORDER BY created_at, tracker_id";
        List<Object> params = new ArrayList<>();
        params.add(PENDING);
        params.addAll(types);
        try (Connection connection = source.connection()) {
            Sql.query(connection, sql, params, row -> changes.computeIfAbsent(row.getString(2), k -> new ArrayList<>())
                    .add(new Change(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                            row.getLong(6), row.getInt(7), row.getObject(8, java.time.LocalDateTime.class))));
        }
        return changes;
    }

    @Override
    public int markSynced(Collection<Change> changes) throws SQLException {
        return settle(changes, SYNCED, null);
    }

    @Override
    public int recordFailures(Map<Change, String> reasons, int maxAttempts) throws SQLException {
        if (reasons.isEmpty()) {
            return 0;
        }
        List<Change> exhausted = new ArrayList<>();
        Map<Change, String> last = new LinkedHashMap<>();
        try (Connection connection = source.connection();
             PreparedStatement count = connection.prepareStatement("UPDATE " + byPendingKey() + " SET attempts = attempts + 1,"
                     + " last_error = ? WHERE " + PENDING_ROW)) {
            for (Map.Entry<Change, String> failure : reasons.entrySet()) {
                Change change = failure.getKey();
                count.setString(1, truncate(failure.getValue()));
                pendingRow(count, 2, change);
                count.addBatch();
                if (change.attempts() + 1 >= maxAttempts) {
                    exhausted.add(change);
                    last.put(change, failure.getValue());
                }
            }
            count.executeBatch();
        } catch (SQLException e) {
            throw explained(e);
        }
        return settle(exhausted, PARKED, last);
    }

    /**
     * Moves changes to a final state (synced or parked) at the revision read. The unique key allows one row per entity
     * and state, so the entity's older row in that state goes first, in the same transaction.
     */
    private int settle(Collection<Change> changes, int state, Map<Change, String> reasons) throws SQLException {
        int settled = 0;
        List<Change> all = new ArrayList<>(changes);
        try (Connection connection = source.connection()) {
            // the shop's triggers write this table inside the shop's own transactions: locks held briefly, on the rows
            // themselves and not the gaps between them (read committed), so that a shop's write is never the victim of
            // a deadlock with an acknowledgement
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            try {
                for (List<Change> chunk : Sql.chunks(all, SETTLE_CHUNK)) {
                    Map<String, List<Long>> idsByType = new LinkedHashMap<>();
                    chunk.forEach(change -> idsByType.computeIfAbsent(change.type(), k -> new ArrayList<>()).add(change.entityId()));
                    for (Map.Entry<String, List<Long>> type : idsByType.entrySet()) {
                        List<Object> params = new ArrayList<>(List.of(state, type.getKey()));
                        params.addAll(type.getValue());
                        Sql.update(connection, "DELETE FROM `" + ChangeTracker.TABLE + "` WHERE sync_completed = ? AND entity_type = ?"
                                + " AND entity_id IN (" + Sql.placeholders(type.getValue().size()) + ")", params);
                    }
                    try (PreparedStatement mark = connection.prepareStatement("UPDATE " + byPendingKey() + " SET sync_completed = ?,"
                            + " synced_at = UTC_TIMESTAMP()" + (reasons == null ? "" : ", last_error = COALESCE(?, last_error)")
                            + " WHERE " + PENDING_ROW)) {
                        for (Change change : chunk) {
                            int i = 1;
                            mark.setInt(i++, state);
                            if (reasons != null) {
                                mark.setString(i++, truncate(reasons.get(change)));
                            }
                            pendingRow(mark, i, change);
                            mark.addBatch();
                        }
                        for (int updated : mark.executeBatch()) {
                            settled += Math.max(0, updated);
                        }
                    }
                    // each chunk on its own: what is committed stays acknowledged, what is not is synced again
                    connection.commit();
                }
            } catch (SQLException e) {
                Sql.rollbackQuietly(connection);
                throw explained(e);
            } finally {
                Sql.restoreAutoCommit(connection);
            }
        }
        return settled;
    }

    /** A parked change as the console lists it: what it is, since when, how often it failed and why. */
    public record ParkedChange(long trackerId, String type, long entityId, String action, String identifier, int attempts,
                               String reason, java.time.LocalDateTime changedAt, java.time.LocalDateTime parkedAt) {}

    /** The parked changes, oldest first, a page at a time. */
    public List<ParkedChange> parked(int limit, int offset) throws SQLException {
        List<ParkedChange> parked = new ArrayList<>();
        try (Connection connection = source.connection()) {
            Sql.query(connection, "SELECT tracker_id, entity_type, entity_id, action, source_identifier, attempts, last_error,"
                    + " created_at, synced_at FROM `" + ChangeTracker.TABLE + "` WHERE sync_completed = " + PARKED
                    + " ORDER BY created_at, tracker_id LIMIT ? OFFSET ?", List.of(limit, offset), row -> parked.add(
                            new ParkedChange(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getString(5),
                                    row.getInt(6), row.getString(7), row.getObject(8, java.time.LocalDateTime.class),
                                    row.getObject(9, java.time.LocalDateTime.class))));
        }
        return parked;
    }

    /**
     * Gives parked changes another round of attempts: each goes back to pending, oldest first, unless its entity has
     * changed since and has a pending change already, which syncs it anyway (the parked one then goes).
     *
     * @param trackerId one parked change, or null for every one
     * @return how many were parked and are not any more
     */
    public int retryParked(Long trackerId) throws SQLException {
        String which = " WHERE sync_completed = " + PARKED + (trackerId == null ? "" : " AND tracker_id = ?");
        List<Object> params = trackerId == null ? List.of() : List.of(trackerId);
        try (Connection connection = source.connection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            try {
                int superseded = Sql.update(connection, "DELETE p FROM `" + ChangeTracker.TABLE + "` p JOIN `" + ChangeTracker.TABLE
                        + "` q ON q.entity_type = p.entity_type AND q.entity_id = p.entity_id AND q.sync_completed = " + PENDING
                        + which.replace("sync_completed", "p.sync_completed").replace("tracker_id", "p.tracker_id"), params);
                int requeued = Sql.update(connection, "UPDATE `" + ChangeTracker.TABLE + "` SET sync_completed = " + PENDING
                        + ", attempts = 0, synced_at = NULL" + which, params);
                connection.commit();
                return superseded + requeued;
            } catch (SQLException e) {
                Sql.rollbackQuietly(connection);
                throw explained(e);
            } finally {
                Sql.restoreAutoCommit(connection);
            }
        }
    }

    /** Forgets one parked change: its entity stays as the destination has it until it changes again. */
    public int dismissParked(long trackerId) throws SQLException {
        try (Connection connection = source.connection()) {
            return Sql.update(connection, "DELETE FROM `" + ChangeTracker.TABLE + "` WHERE sync_completed = " + PARKED
                    + " AND tracker_id = ?", List.of(trackerId));
        } catch (SQLException e) {
            throw explained(e);
        }
    }

    private SQLException explained(SQLException e) {
        if (e.getErrorCode() == ACCESS_DENIED) {
            return new SQLException("The source user may not change " + ChangeTracker.TABLE + ": grant it UPDATE and DELETE on "
                    + source.settings().database() + "." + ChangeTracker.TABLE + ", or run without --mark-synced ("
                    + ShopDatabase.rootMessage(e) + ")", e.getSQLState(), e.getErrorCode(), e);
        }
        return e;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
