package org.maho.datasync.db;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What an incremental sync asks of the source's change tracker: the pending changes, and their acknowledgement at the
 * revision read. The tracker package's TrackerTable keeps it in the source database; a shop read through the source agent
 * ({@link ShopDatabase#remote(Class)}) keeps it behind the agent, which makes the same statements.
 */
public interface ChangeLog {

    /** The tracker's table, which {@code datasync tracker install} creates in the source database without its table prefix. */
    String TABLE = "datasync_change_tracker";

    /** One pending change: an entity of a type, created, updated or deleted, at a revision, last changed at (UTC, whole seconds). */
    public record Change(long trackerId, String type, long entityId, String action, String identifier, long revision,
                         int attempts, java.time.LocalDateTime changedAt) {
        public boolean isDelete() {
            return "delete".equals(action);
        }
    }

    /** Whether the source has the tracker's table. */
    boolean exists();

    /** The pending changes of the given types, oldest first, each type's at most {@code limit} when it is not null. */
    Map<String, List<Change>> pending(Collection<String> types, Integer limit) throws SQLException;

    /** Marks changes synced, each at the revision read. Returns how many were; the rest changed since and stay pending. */
    int markSynced(Collection<Change> changes) throws SQLException;

    /**
     * Counts a failed attempt of each change at the revision read; those that failed {@code maxAttempts} times are parked
     * with their reason. Returns how many were parked.
     */
    int recordFailures(Map<Change, String> reasons, int maxAttempts) throws SQLException;
}
