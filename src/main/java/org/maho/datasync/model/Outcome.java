package org.maho.datasync.model;

/** How a record ended. Every record read ends in exactly one of these. */
public enum Outcome {
    CREATED,
    UPDATED,
    /** Exists on the destination with the same values: nothing written. */
    UNCHANGED,
    /** Deliberately left alone (on-duplicate skip), with a reason. */
    SKIPPED,
    /** Rejected for its data, with a reason, and dead-lettered. */
    INVALID
}
