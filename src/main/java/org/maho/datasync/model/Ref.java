package org.maho.datasync.model;

/**
 * A reference to another entity, portable: its entity type, its id in the source (null when the input has
 * none) and its natural key (sku, url-key path, email|website, increment id). Resolved to a destination id
 * through the registry, else the natural key, for a whole batch at once.
 *
 * @param missing what a reference the destination cannot resolve does to the row that holds it
 */
public record Ref(String entityType, String sourceId, String naturalKey, Missing missing) {

    /** What becomes of a row whose reference the destination cannot resolve. */
    public enum Missing {
        /** The record is invalid, with the reason (an invoice's order, a bundle's selection). */
        INVALID,
        /** The row is left out with a warning (an up-sell to a product the destination lacks). */
        DROP_ROW,
        /** The column is left empty with a warning; the row keeps everything else (an order item's product). */
        EMPTY,
        /** The column is set to 0, OpenMage's "none" in a NOT NULL column, with a warning (a subscriber's customer). */
        ZERO
    }

    public Ref withNaturalKey(String key) {
        return new Ref(entityType, sourceId, key, missing);
    }

    /** Whether the row cannot be written without it: a record with it waits for its target within a run. */
    public boolean required() {
        return missing == Missing.INVALID;
    }

    @Override
    public String toString() {
        return entityType + " " + (naturalKey != null ? "'" + naturalKey + "'" : "#" + sourceId);
    }
}
