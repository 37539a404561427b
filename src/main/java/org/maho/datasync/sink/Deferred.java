package org.maho.datasync.sink;

/** A column value known only when the plan runs: an id an earlier insert assigns, a path built from one. */
public interface Deferred {
    Object resolve();
}
