package org.maho.datasync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.job.Deletion;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.RecordRewrite;
import org.maho.datasync.job.SyncJob;

/**
 * The delete step: a job's deletions (source entities that no longer exist) mirrored on the destination after its
 * records. The destination entity is found through the registry, else by the natural key the source entity had, so a
 * customer is found by email and website and a category by its url-key path, never by an id that means something
 * else there. Hard: its rows go, with their registry entries; soft: it is retired as the shop retires one. A batch of
 * deletions is one transaction; a deletion the database refuses is named, and the others go through.
 */
public final class DeleteMirror {

    public void mirror(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        if (job == null || job.failed() || job.spec().deletions().isEmpty()) {
            return;
        }
        try {
            mirror(job);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Mirroring " + job.handler().type() + " deletions on the destination", e);
        }
    }

    private static void mirror(SyncJob job) throws SQLException {
        List<Deletion> deletions = job.spec().deletions();
        Deletion.Mode mode = job.spec().deletionMode();
        EntityHandler handler = job.handler();
        if (mode == Deletion.Mode.SKIP) {
            deletions.forEach(d -> d.outcome(Deletion.Outcome.LEFT, "deletions of " + handler.type()
                    + " are not mirrored (datasync.delete.skip-types)"));
            return;
        }
        int batchSize = job.spec().batchSize();
        for (int from = 0; from < deletions.size(); from += batchSize) {
            List<Deletion> batch = deletions.subList(from, Math.min(deletions.size(), from + batchSize));
            try (Connection connection = job.destination().connection()) {
                Map<Deletion, Long> targets = targets(job, connection, batch);
                if (job.spec().dryRun()) {
                    targets.keySet().forEach(d -> d.outcome(mode == Deletion.Mode.SOFT ? Deletion.Outcome.RETIRED
                            : Deletion.Outcome.DELETED, null));
                    job.report().countDeleted(targets.size());
                    continue;
                }
                apply(job, connection, mode, targets);
            }
        }
    }

    /** The destination id of each deletion the destination has: registry first, else the natural key. */
    private static Map<Deletion, Long> targets(SyncJob job, Connection connection, List<Deletion> batch) throws SQLException {
        EntityHandler handler = job.handler();
        List<String> sourceIds = batch.stream().map(Deletion::sourceId).toList();
        Map<String, Long> registered = job.registry().resolve(connection, handler.type(), sourceIds);
        Set<Long> alive = handler.existingIds(job, connection, new HashSet<>(registered.values()));
        Set<String> keys = new LinkedHashSet<>();
        for (Deletion deletion : batch) {
            Long id = registered.get(deletion.sourceId());
            if ((id == null || !alive.contains(id)) && deletion.naturalKey() != null) {
                keys.add(keyOnDestination(job, deletion));
            }
        }
        Map<String, Long> byKey = keys.isEmpty() ? Map.of() : handler.findByNaturalKeys(job, connection, keys);
        Map<Deletion, Long> targets = new LinkedHashMap<>();
        for (Deletion deletion : batch) {
            Long id = registered.get(deletion.sourceId());
            if (id == null || !alive.contains(id)) {
                id = deletion.naturalKey() == null ? null : byKey.get(keyOnDestination(job, deletion));
            }
            if (id == null) {
                deletion.outcome(Deletion.Outcome.ABSENT, "not on the destination");
            } else {
                targets.put(deletion, id);
            }
        }
        return targets;
    }

    /** A deletion's natural key as the destination holds it: rewritten as the job's records are (--anonymize). */
    private static String keyOnDestination(SyncJob job, Deletion deletion) {
        RecordRewrite rewrite = job.spec().rewrite();
        return rewrite == null ? deletion.naturalKey() : rewrite.naturalKey(job.handler(), deletion.naturalKey());
    }

    private static void apply(SyncJob job, Connection connection, Deletion.Mode mode, Map<Deletion, Long> targets)
            throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        EntityHandler handler = job.handler();
        connection.setAutoCommit(false);
        try {
            Savepoint start = connection.setSavepoint();
            try {
                if (!remove(job, connection, mode, new ArrayList<>(targets.values()))) {
                    connection.rollback();
                    targets.keySet().forEach(d -> d.outcome(Deletion.Outcome.LEFT, handler.type()
                            + " has no soft form; left as it is (datasync.delete.mode or datasync.delete.soft-types)"));
                    return;
                }
                targets.keySet().forEach(d -> d.outcome(mode == Deletion.Mode.SOFT ? Deletion.Outcome.RETIRED : Deletion.Outcome.DELETED, null));
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                connection.rollback(start);
                oneByOne(job, connection, mode, targets);
            }
            connection.commit();
            job.report().countDeleted(targets.keySet().stream().filter(d -> d.outcome() == Deletion.Outcome.DELETED
                    || d.outcome() == Deletion.Outcome.RETIRED).count());
        } catch (SQLException | RuntimeException e) {
            Sql.rollbackQuietly(connection);
            targets.keySet().forEach(d -> d.outcome(null, null));
            throw e;
        } finally {
            Sql.restoreAutoCommit(connection);
        }
    }

    /** After a refused batch: each deletion behind a savepoint, so the refused ones are named and the rest go through. */
    private static void oneByOne(SyncJob job, Connection connection, Deletion.Mode mode, Map<Deletion, Long> targets)
            throws SQLException {
        for (Map.Entry<Deletion, Long> target : targets.entrySet()) {
            Savepoint before = connection.setSavepoint();
            try {
                remove(job, connection, mode, List.of(target.getValue()));
                target.getKey().outcome(mode == Deletion.Mode.SOFT ? Deletion.Outcome.RETIRED : Deletion.Outcome.DELETED, null);
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                connection.rollback(before);
                target.getKey().outcome(Deletion.Outcome.FAILED, "the destination refused the deletion: " + ShopDatabase.rootMessage(e));
                job.report().warn(job.handler().type() + ": a deletion the destination refused: " + ShopDatabase.rootMessage(e));
            }
        }
    }

    private static boolean remove(SyncJob job, Connection connection, Deletion.Mode mode, List<Long> ids) throws SQLException {
        if (mode == Deletion.Mode.SOFT) {
            return job.handler().retireTargets(job, connection, ids);
        }
        job.handler().deleteTargets(job, connection, ids);
        return true;
    }
}
