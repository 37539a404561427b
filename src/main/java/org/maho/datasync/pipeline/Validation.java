package org.maho.datasync.pipeline;
import org.maho.datasync.job.InvalidRecordException;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;


/**
 * The validate step: every reason a record cannot be written, including references the destination lacks.
 * Without --skip-invalid the first invalid record stops the run before anything of its batch is written.
 */
public final class Validation {

    public void validate(Batch batch) {
        SyncJob job = batch.job();
        for (Record record : batch.pending()) {
            if (record.isValid()) {
                job.handler().validate(job, record);
            }
            if (record.isValid()) {
                StorableText.check(job, record);
            }
            if (!record.isValid()) {
                record.outcome(Outcome.INVALID, null);
                if (!job.spec().skipInvalid()) {
                    throw new InvalidRecordException(record);
                }
            }
        }
    }
}
