package org.maho.datasync.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;

/** Records written in one destination transaction, and the job they belong to. */
public final class Batch {

    private final SyncJob job;
    private List<Record> records = new ArrayList<>();

    public Batch(SyncJob job) {
        this.job = job;
    }

    public SyncJob job() {
        return job;
    }

    public List<Record> records() {
        return records;
    }

    public void add(Record record) {
        records.add(record);
    }

    /** Records still on their way: no outcome yet. */
    public List<Record> pending() {
        return records.stream().filter(r -> r.outcome() == null && !r.deferred()).toList();
    }

    /** Records rejected for their data, bound for the dead letter. */
    public List<Record> rejected() {
        return records.stream().filter(r -> r.outcome() == Outcome.INVALID).toList();
    }

    /** Forgets the records once the batch is done. */
    public void release() {
        records = List.of();
    }

    public int size() {
        return records.size();
    }
}
