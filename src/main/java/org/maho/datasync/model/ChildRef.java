package org.maho.datasync.model;

/**
 * A column that points at another row of the same record: the row of child list {@code child} whose
 * {@code column} holds {@code value}, or whose source id is {@code value} when {@code column} is null (an
 * attribute's group in its set, an order's billing address, a child item's parent item). Carried as such between
 * shops, and set to that row's destination id when the record is written.
 */
public record ChildRef(String child, String column, String value) {

    /** The row of child list {@code child} with source id {@code sourceId}. */
    public static ChildRef bySourceId(String child, String sourceId) {
        return new ChildRef(child, null, sourceId);
    }

    @Override
    public String toString() {
        return child + "[" + (column == null ? "#" : column + "=") + value + "]";
    }
}
