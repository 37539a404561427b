package org.maho.datasync.pipeline;
import org.maho.datasync.job.OnDuplicate;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;


/** Applies --on-duplicate to the records that exist on the destination: skip them, or reject them with a reason. */
public final class Duplicates {

    public void apply(Batch batch) {
        SyncJob job = batch.job();
        OnDuplicate mode = job.spec().onDuplicate();
        if (mode != OnDuplicate.SKIP && mode != OnDuplicate.ERROR) {
            return;
        }
        for (Record record : batch.pending()) {
            if (record.targetId() == null || !record.isValid()) {
                continue;
            }
            String existing = "exists on the destination as " + job.handler().type() + " " + record.targetId();
            if (mode == OnDuplicate.SKIP) {
                record.outcome(Outcome.SKIPPED, existing + " (--on-duplicate skip)");
            } else {
                record.reject(null, existing + " (--on-duplicate error)");
            }
        }
    }
}
