package org.maho.datasync.model;

/**
 * A column that holds another entity's id, declared on a {@link TableShape}: which entity type it points at,
 * and what a reference the destination lacks does to the row.
 */
public record RefSpec(String entityType, Ref.Missing missing) {

    /**
     * The portable reference for a source id. 0 and empty mean "none" in every OpenMage table: null, or 0 again
     * where the column cannot be null.
     */
    public Object of(String sourceId) {
        if (sourceId == null || sourceId.isBlank() || "0".equals(sourceId.trim())) {
            return missing == Ref.Missing.ZERO ? new RawValue("0") : null;
        }
        return new Ref(entityType, sourceId.trim(), null, missing);
    }
}
