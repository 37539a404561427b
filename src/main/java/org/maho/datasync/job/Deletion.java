package org.maho.datasync.job;
import org.maho.datasync.model.Outcome;


/**
 * A source entity that was deleted, to be mirrored on the destination: its source id (what the registry knows it
 * by) and its natural key as it was when deleted (what finds it when the registry does not). It learns its outcome.
 */
public final class Deletion {

    /** How a deletion is mirrored. */
    public enum Mode {
        /** The destination rows are removed, their children with them, and their registry rows. */
        HARD,
        /** The entity is retired as the shop retires one: a customer deactivated, a product disabled. */
        SOFT,
        /** Left as it is: the configuration keeps this entity type's deletions off the destination. */
        SKIP
    }

    /** How a deletion ended. */
    public enum Outcome {
        DELETED,
        RETIRED,
        /** The destination does not have it (never synced, or removed already): nothing to do. */
        ABSENT,
        /** Deliberately left: the configuration skips it, or the entity has no soft form. */
        LEFT,
        FAILED
    }

    private final String sourceId;
    private final String naturalKey;
    private Outcome outcome;
    private String reason;

    public Deletion(String sourceId, String naturalKey) {
        this.sourceId = sourceId;
        this.naturalKey = naturalKey;
    }

    public String sourceId() {
        return sourceId;
    }

    public String naturalKey() {
        return naturalKey;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public void outcome(Outcome value, String why) {
        outcome = value;
        reason = why;
    }
}
