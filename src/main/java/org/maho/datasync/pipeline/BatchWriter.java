package org.maho.datasync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.job.InvalidRecordException;
import org.maho.datasync.job.ReadPosition;
import org.maho.datasync.job.Resume;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.sink.PlannedWrite;
import org.maho.datasync.sink.RowRef;
import org.maho.datasync.sink.TableChanges;
import org.maho.datasync.sink.TableWriter;
import org.maho.datasync.sink.WritePlan;

/**
 * The write step: one destination transaction per batch, holding the rows and their registry entries.
 * When the database refuses a record's data, the batch is replayed record by record behind savepoints, so
 * the refused record is named and dead-lettered and the others are written. A dry run plans and writes nothing.
 */
public final class BatchWriter {

    public void write(Batch batch) {
        SyncJob job = batch.job();
        List<Record> records = batch.pending();
        List<Record> skipped = batch.records().stream()
                .filter(r -> r.outcome() == Outcome.SKIPPED && r.targetId() != null).toList();
        if (records.isEmpty() && skipped.isEmpty() && job.spec().resume() == null) {
            return;
        }
        try (Connection connection = job.destination().connection()) {
            if (records.isEmpty() && skipped.isEmpty()) {
                // nothing to write, but a resumed run need not read these records again
                checkpoint(job, connection, batch.records());
                return;
            }
            if (job.spec().dryRun()) {
                if (!records.isEmpty()) {
                    apply(job.handler().plan(job, connection, records).outcomes(), Map.of(), job);
                }
                return;
            }
            connection.setAutoCommit(false);
            try {
                Written written = writeAll(job, connection, records);
                job.handler().written(job, connection, new ArrayList<>(written.outcomes().keySet()));
                List<Registry.Mapping> mappings = new ArrayList<>(written.mappings());
                mappings.addAll(skippedMappings(job, skipped));
                job.registry().register(connection, mappings);
                checkpoint(job, connection, batch.records());
                connection.commit();
                job.registry().committed(mappings);
                // outcomes only after the commit: a batch retried after a lost connection is written again whole
                apply(written.outcomes(), written.targets(), job);
                job.report().countRowsWritten(written.rows());
                job.handler().committed(job, new ArrayList<>(written.outcomes().keySet()));
            } catch (SQLException | RuntimeException e) {
                Sql.rollbackQuietly(connection);
                throw e;
            } finally {
                Sql.restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Writing " + job.handler().type() + " records to the destination "
                    + job.destination().settings().describe(), e);
        }
    }

    /** Where a resumable command stands once this batch commits, in the batch's transaction. */
    private static void checkpoint(SyncJob job, Connection transaction, List<Record> batch) throws SQLException {
        Resume resume = job.spec().resume();
        if (resume == null) {
            return;
        }
        ReadPosition done = job.passes().doneThrough(batch);
        if (done != null) {
            job.checkpoints().save(transaction, resume.runKey(), resume.step(), job.handler().type(), resume.command(),
                    done.pass(), done.id());
        }
    }

    /** What a batch wrote: registry mappings, each record's outcome and destination row, rows touched. */
    private record Written(List<Registry.Mapping> mappings, Map<Record, Outcome> outcomes, Map<Record, RowRef> targets,
                           long rows) {}

    /** Writes the batch; on a data error, replays it record by record to find and reject the culprits. */
    private Written writeAll(SyncJob job, Connection connection, List<Record> records) throws SQLException {
        Savepoint start = connection.setSavepoint();
        try {
            PlannedWrite planned = job.handler().plan(job, connection, records);
            long[] rows = {0};
            List<Registry.Mapping> mappings = execute(job, connection, planned.plan(), rows);
            return new Written(mappings, planned.outcomes(), planned.targets(), rows[0]);
        } catch (SQLException e) {
            if (!SqlErrors.isDataError(e)) {
                throw e;
            }
            connection.rollback(start);
            return writeOneByOne(job, connection, records);
        }
    }

    private Written writeOneByOne(SyncJob job, Connection connection, List<Record> records) throws SQLException {
        List<Registry.Mapping> mappings = new ArrayList<>();
        Map<Record, Outcome> outcomes = new java.util.LinkedHashMap<>();
        Map<Record, RowRef> targets = new java.util.LinkedHashMap<>();
        long[] rows = {0};
        for (Record record : records) {
            Savepoint before = connection.setSavepoint();
            try {
                PlannedWrite planned = job.handler().plan(job, connection, List.of(record));
                mappings.addAll(execute(job, connection, planned.plan(), rows));
                outcomes.putAll(planned.outcomes());
                targets.putAll(planned.targets());
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                connection.rollback(before);
                record.reject(null, "the destination database refused it: " + ShopDatabase.rootMessage(e));
                record.outcome(Outcome.INVALID, null);
                if (!job.spec().skipInvalid()) {
                    throw new InvalidRecordException(record);
                }
            }
        }
        return new Written(mappings, outcomes, targets, rows[0]);
    }

    private List<Registry.Mapping> execute(SyncJob job, Connection connection, WritePlan plan, long[] rows) throws SQLException {
        for (TableChanges step : plan.steps()) {
            if (!step.isEmpty()) {
                rows[0] += TableWriter.execute(connection, job.destination(), step);
            }
        }
        for (Map.Entry<String, List<String>> forgotten : plan.forgotten().entrySet()) {
            job.registry().forget(connection, forgotten.getKey(), forgotten.getValue());
        }
        List<Registry.Mapping> mappings = new ArrayList<>();
        for (WritePlan.PendingMapping pending : plan.mappings()) {
            mappings.add(new Registry.Mapping(pending.entityType(), pending.sourceId(), pending.target().requireId(),
                    pending.externalRef()));
        }
        return mappings;
    }

    /** A skipped duplicate is still the source record's counterpart: later references to it resolve. */
    private static List<Registry.Mapping> skippedMappings(SyncJob job, List<Record> skipped) {
        List<Registry.Mapping> mappings = new ArrayList<>();
        for (Record record : skipped) {
            if (Registry.isRegistrable(record.sourceId())) {
                mappings.add(new Registry.Mapping(job.handler().type(), record.sourceId(), record.targetId(), null));
            }
        }
        return mappings;
    }

    /** Records learn their outcome and destination id; references to them resolve from now on without a query. */
    private static void apply(Map<Record, Outcome> outcomes, Map<Record, RowRef> targets, SyncJob job) {
        outcomes.forEach((record, outcome) -> record.outcome(outcome, null));
        targets.forEach((record, ref) -> {
            if (ref.id() != null) {
                record.targetId(ref.id());
                job.references().written(job.handler().type(), record.sourceId(), job.handler().naturalKey(job, record), ref.id());
            }
        });
    }
}
