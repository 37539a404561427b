package org.maho.datasync.verify;

import java.util.ArrayList;
import java.util.List;

/** What verify found for one entity type: how many source records are equal, missing or differ, and the extras. */
public final class TypeVerification {

    /** How many differences a result keeps for the printed report; the JSON file gets every one. */
    static final int SAMPLES = 20;

    private final String entityType;
    private long source;
    private long equal;
    private long missing;
    private long differing;
    private long extra;
    private long withoutKey;
    private final List<Difference> samples = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private long finishedNanos;

    TypeVerification(String entityType) {
        this.entityType = entityType;
    }

    void countSource() {
        source++;
    }

    void countEqual() {
        equal++;
    }

    void countMissing() {
        missing++;
    }

    void countDiffering() {
        differing++;
    }

    void countExtra() {
        extra++;
    }

    void countWithoutKey() {
        withoutKey++;
    }

    void finish() {
        finishedNanos = System.nanoTime();
    }

    /** How long the comparison took, both sides read. */
    public double seconds() {
        return ((finishedNanos == 0 ? System.nanoTime() : finishedNanos) - startedNanos) / 1e9;
    }

    void sample(Difference difference) {
        if (samples.size() < SAMPLES) {
            samples.add(difference);
        }
    }

    public String entityType() {
        return entityType;
    }

    public long source() {
        return source;
    }

    public long equal() {
        return equal;
    }

    public long missing() {
        return missing;
    }

    public long differing() {
        return differing;
    }

    /** Destination records no source record is: the destination's own (its clean install's pages), or left over. */
    public long extra() {
        return extra;
    }

    /** Source records without a natural key (a category without a name): they cannot be looked for. */
    public long withoutKey() {
        return withoutKey;
    }

    /** The first differences found. */
    public List<Difference> samples() {
        return samples;
    }

    /** Every source record is on the destination, equal. */
    public boolean allEqual() {
        return equal == source;
    }
}
