package org.maho.datasync.tracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;

/**
 * The pending changes of the source's tracker: read oldest first, and acknowledged at the revision that was read, so
 * that a change made while its entity was being synced stays pending for the next run. A change that keeps failing is
 * counted, and parked with its reason after a number of attempts: it never blocks the others and never retries
 * forever in silence. Acknowledging needs UPDATE and DELETE on the tracker table only.
 */
public final class TrackerTable {

    public static final int PENDING = 0;
    public static final int SYNCED = 1;
    public static final int PARKED = 2;
    private static final int CHUNK = 500;
    private static final int ACCESS_DENIED = 1142;

    /** One pending change: an entity of a type, created, updated or deleted, at a revision. */
    public record Change(long trackerId, String type, long entityId, String action, String identifier, long revision,
                         int attempts) {
        public boolean isDelete() {
            return "delete".equals(action);
        }
    }

    private final ShopDatabase source;

    public TrackerTable(ShopDatabase source) {
        this.source = source;
    }

    public boolean exists() {
        return source.hasTable(ChangeTracker.TABLE) && source.columns(ChangeTracker.TABLE).containsKey("revision");
    }

    /** The pending changes of a type, oldest first; at most {@code limit} of them when it is not null. */
    public List<Change> pending(String type, Integer limit) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (Connection connection = source.connection()) {
            Sql.query(connection, "SELECT tracker_id, entity_type, entity_id, action, source_identifier, revision, attempts FROM `"
                    + ChangeTracker.TABLE + "` WHERE sync_completed = ? AND entity_type = ? ORDER BY created_at, tracker_id"
                    + (limit == null ? "" : " LIMIT " + limit), List.of(PENDING, type), row -> changes.add(new Change(row.getLong(1),
                    row.getString(2), row.getLong(3), row.getString(4), row.getString(5), row.getLong(6), row.getInt(7))));
        }
        return changes;
    }

    /** Marks changes synced, each at the revision read. Returns how many were; the rest changed since and stay pending. */
    public int markSynced(Collection<Change> changes) throws SQLException {
        return settle(changes, SYNCED, null);
    }

    /**
     * Counts a failed attempt of each change at the revision read; those that failed {@code maxAttempts} times are
     * parked with their reason. Returns how many were parked.
     */
    public int recordFailures(Map<Change, String> reasons, int maxAttempts) throws SQLException {
        if (reasons.isEmpty()) {
            return 0;
        }
        List<Change> exhausted = new ArrayList<>();
        Map<Change, String> last = new LinkedHashMap<>();
        try (Connection connection = source.connection();
             PreparedStatement count = connection.prepareStatement("UPDATE `" + ChangeTracker.TABLE + "` SET attempts = attempts + 1,"
                     + " last_error = ? WHERE tracker_id = ? AND revision = ? AND sync_completed = " + PENDING)) {
            for (Map.Entry<Change, String> failure : reasons.entrySet()) {
                Change change = failure.getKey();
                count.setString(1, truncate(failure.getValue()));
                count.setLong(2, change.trackerId());
                count.setLong(3, change.revision());
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
            connection.setAutoCommit(false);
            try {
                for (List<Change> chunk : Sql.chunks(all, CHUNK)) {
                    Map<String, List<Long>> idsByType = new LinkedHashMap<>();
                    chunk.forEach(change -> idsByType.computeIfAbsent(change.type(), k -> new ArrayList<>()).add(change.entityId()));
                    for (Map.Entry<String, List<Long>> type : idsByType.entrySet()) {
                        List<Object> params = new ArrayList<>(List.of(state, type.getKey()));
                        params.addAll(type.getValue());
                        Sql.update(connection, "DELETE FROM `" + ChangeTracker.TABLE + "` WHERE sync_completed = ? AND entity_type = ?"
                                + " AND entity_id IN (" + Sql.placeholders(type.getValue().size()) + ")", params);
                    }
                    try (PreparedStatement mark = connection.prepareStatement("UPDATE `" + ChangeTracker.TABLE + "` SET sync_completed = ?,"
                            + " synced_at = UTC_TIMESTAMP()" + (reasons == null ? "" : ", last_error = COALESCE(?, last_error)")
                            + " WHERE tracker_id = ? AND revision = ? AND sync_completed = " + PENDING)) {
                        for (Change change : chunk) {
                            int i = 1;
                            mark.setInt(i++, state);
                            if (reasons != null) {
                                mark.setString(i++, truncate(reasons.get(change)));
                            }
                            mark.setLong(i++, change.trackerId());
                            mark.setLong(i, change.revision());
                            mark.addBatch();
                        }
                        for (int updated : mark.executeBatch()) {
                            settled += Math.max(0, updated);
                        }
                    }
                    connection.commit();
                }
            } catch (SQLException e) {
                connection.rollback();
                throw explained(e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return settled;
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
