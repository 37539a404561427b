package org.maho.datasync.eav;

/**
 * A column that points at another row of the same record: the row of child list {@code child} whose
 * {@code column} holds {@code value} (an attribute's group in its set, an order's billing address). Carried
 * as such between shops, and set to that row's destination id when the record is written.
 */
public record ChildRef(String child, String column, String value) {
    @Override
    public String toString() {
        return child + "[" + column + "=" + value + "]";
    }
}
