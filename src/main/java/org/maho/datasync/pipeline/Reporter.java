package org.maho.datasync.pipeline;

import org.maho.datasync.job.EntityReport;
import org.maho.datasync.job.Passes;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report step: counts each record's outcome (a waiting record counts once it has one); with -v a line per
 * batch, with -vv a line per record.
 */
public final class Reporter {

    private static final Logger PROGRESS = LoggerFactory.getLogger("datasync.progress");

    public void count(Batch batch) {
        SyncJob job = batch.job();
        EntityReport report = job.report();
        int verbosity = job.spec().verbosity();
        boolean counts = job.passes().counts();
        for (Record record : batch.records()) {
            if (record.deferred()) {
                continue;
            }
            job.passes().seen(record);
            job.passes().seenKey(record, job.handler().naturalKey(job, record));
            if (!counts) {
                continue;
            }
            report.count(record);
            if (job.spec().recordListener() != null) {
                job.spec().recordListener().accept(record);
            }
            if (verbosity >= 2) {
                PROGRESS.info("{} {} {}{}", job.handler().type(), record.origin(),
                        record.outcome().name().toLowerCase(java.util.Locale.ROOT),
                        record.outcome() == Outcome.INVALID ? ": " + record.problems()
                                : record.outcomeReason() == null ? "" : ": " + record.outcomeReason());
            }
        }
        if (verbosity >= 1) {
            long waiting = batch.records().stream().filter(Record::deferred).count();
            PROGRESS.info("{}{}: batch of {}{}; {} read, {} created, {} updated, {} unchanged, {} skipped, {} invalid ({} records/s)",
                    job.handler().type(), job.passes().kind() == Passes.Kind.MAIN ? ""
                            : " (" + job.passes().kind().name().toLowerCase(java.util.Locale.ROOT) + " pass)",
                    batch.size(), waiting > 0 ? ", " + waiting + " waiting for records of this run" : "", report.read(), report.count(Outcome.CREATED), report.count(Outcome.UPDATED),
                    report.count(Outcome.UNCHANGED), report.count(Outcome.SKIPPED), report.count(Outcome.INVALID),
                    Math.round(report.recordsPerSecond()));
        }
        // Counting is a batch's last step. The exchange that carried it stays reachable a while after the route
        // (measured: about four written batches at a time), so the batch lets go of its records here; holding
        // written batches of wide orders cost the heap its headroom and the run full collections.
        batch.release();
    }
}
