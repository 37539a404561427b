package org.maho.datasync.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;

/** What happened to the records of one entity type in one run. Every record read is counted exactly once. */
public final class EntityReport {

    private static final int SAMPLE_LIMIT = 10;
    /** Distinct warning messages kept; beyond, they are counted together so memory stays flat. */
    private static final int WARNING_LIMIT = 500;
    private static final String OTHER_WARNINGS = "further warnings of other kinds (not listed)";

    private final String entityType;
    private final boolean dryRun;
    private final Map<Outcome, AtomicLong> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final Map<String, Long> warnings = new LinkedHashMap<>();
    private final List<String> invalidSamples = new ArrayList<>();
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean againPass;
    private final long startedNanos = System.nanoTime();
    private volatile long finishedNanos;

    public EntityReport(String entityType, boolean dryRun) {
        this.entityType = entityType;
        this.dryRun = dryRun;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new AtomicLong());
        }
    }

    public String entityType() {
        return entityType;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public void countRead() {
        read.incrementAndGet();
    }

    public void count(Record record) {
        outcomes.get(record.outcome()).incrementAndGet();
        if (record.outcome() == Outcome.INVALID) {
            synchronized (invalidSamples) {
                if (invalidSamples.size() < SAMPLE_LIMIT) {
                    invalidSamples.add(InvalidRecordException.describe(record));
                }
            }
        }
    }

    public void countRowsWritten(long rows) {
        rowsWritten.addAndGet(rows);
    }

    public void countRetry() {
        retries.incrementAndGet();
    }

    /** Batches written again after a transient failure (a lost connection, a deadlock, a lock wait timeout). */
    public long retries() {
        return retries.get();
    }

    /** A value that could not be mapped exactly, or input that was ignored: counted by message, never silent. */
    public void warn(String message) {
        synchronized (warnings) {
            if (againPass && warnings.containsKey(message)) {
                // a record that goes through again repeats what was said of it the first time
                return;
            }
            String key = warnings.size() >= WARNING_LIMIT && !warnings.containsKey(message) ? OTHER_WARNINGS : message;
            warnings.merge(key, 1L, Long::sum);
        }
    }

    /** Something the run did as a whole that its counts do not show (it resumed an interrupted run). */
    public void note(String message) {
        notes.add(message);
    }

    public List<String> notes() {
        return notes;
    }

    /** Records of a repair pass were counted and warned about already: only new warnings count. */
    public void againPass() {
        againPass = true;
    }

    public void finish() {
        if (finishedNanos == 0) {
            finishedNanos = System.nanoTime();
        }
    }

    public long read() {
        return read.get();
    }

    public long count(Outcome outcome) {
        return outcomes.get(outcome).get();
    }

    /** Records that reached an outcome; less than {@link #read()} when a run stopped early. */
    public long processed() {
        long total = 0;
        for (AtomicLong value : outcomes.values()) {
            total += value.get();
        }
        return total;
    }

    /** Destination entities removed or retired because their source entity was deleted. */
    public void countDeleted(long count) {
        deleted.addAndGet(count);
    }

    public long deleted() {
        return deleted.get();
    }

    public long rowsWritten() {
        return rowsWritten.get();
    }

    public Map<String, Long> warnings() {
        synchronized (warnings) {
            return new LinkedHashMap<>(warnings);
        }
    }

    public List<String> invalidSamples() {
        synchronized (invalidSamples) {
            return List.copyOf(invalidSamples);
        }
    }

    public double seconds() {
        long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
        return (end - startedNanos) / 1e9;
    }

    public double recordsPerSecond() {
        double seconds = seconds();
        return seconds <= 0 ? 0 : processed() / seconds;
    }
}
