package org.maho.datasync.job;

import java.util.Locale;

/** What to do with a source record that already exists on the destination. */
public enum OnDuplicate {
    /** Leave the destination record as it is. */
    SKIP,
    /** Overwrite every value the source has. */
    UPDATE,
    /** Fill only the destination's empty values. */
    MERGE,
    /** Reject the source record with a reason. */
    ERROR;

    public static OnDuplicate parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid value for option '--on-duplicate': '" + value + "' (expected skip, update, merge or error)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
