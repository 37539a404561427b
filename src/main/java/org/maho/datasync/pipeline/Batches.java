package org.maho.datasync.pipeline;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * A job's records gathered into batches of its batch size, the last one smaller, for the route's split to stream.
 * The split hands out whole batches rather than records that an aggregator gathers: an aggregator completing a batch
 * inside the split left each batch's exchanges one level deeper on the reading thread's stack, so a million-order
 * run ran out of stack (and kept every level's records in the heap) after 780 batches of orders.
 */
final class Batches implements Iterator<Batch> {

    private final SyncJob job;
    private final Iterator<Record> records;
    private final boolean counted;

    /** @param counted whether a record taken counts as read (the first pass; a later pass reads no new ones) */
    Batches(SyncJob job, Iterator<Record> records, boolean counted) {
        this.job = job;
        this.records = records;
        this.counted = counted;
    }

    /** Reading stops once the job failed or DataSync is asked to stop; what was not written the next run syncs. */
    @Override
    public boolean hasNext() {
        if (!job.failed() && job.spec().stopRequested().getAsBoolean()) {
            job.fail(new IllegalStateException("DataSync is shutting down; the next run syncs the rest"));
        }
        return !job.failed() && records.hasNext();
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = new Batch(job);
        int size = job.spec().batchSize();
        do {
            batch.add(records.next());
            if (counted) {
                job.report().countRead();
            }
        } while (batch.size() < size && hasNext());
        return batch;
    }
}
