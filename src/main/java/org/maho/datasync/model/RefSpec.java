package org.maho.datasync.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A column that holds another entity's id, declared on a {@link TableShape}: which entity type it points at,
 * and what a reference the destination lacks does to the row. A list column holds several ids separated by commas
 * (an order's applied_rule_ids); an id the destination lacks is left out of the list with a warning.
 */
public record RefSpec(String entityType, Ref.Missing missing, boolean list) {

    public RefSpec(String entityType, Ref.Missing missing) {
        this(entityType, missing, false);
    }

    /**
     * The portable reference for a source id (a list of them for a list column). 0 and empty mean "none" in every
     * OpenMage table: null, or 0 again where the column cannot be null.
     */
    public Object of(String sourceId) {
        if (list) {
            List<Ref> refs = new ArrayList<>();
            for (String id : ids(sourceId)) {
                refs.add(new Ref(entityType, id, null, Ref.Missing.EMPTY));
            }
            return sourceId == null ? null : refs;
        }
        if (sourceId == null || sourceId.isBlank() || "0".equals(sourceId.trim())) {
            return missing == Ref.Missing.ZERO ? new RawValue("0") : null;
        }
        return new Ref(entityType, sourceId.trim(), null, missing);
    }

    /** The ids a column's value holds: one, or each of a list's. */
    public List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        if (value != null) {
            for (String id : list ? value.split(",") : new String[] {value}) {
                if (!id.isBlank() && !"0".equals(id.trim())) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
