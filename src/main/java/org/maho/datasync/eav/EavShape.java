package org.maho.datasync.eav;

/**
 * Where an EAV entity lives: its entity type code, its entity table (values live in {@code table_<backend>}),
 * and for a child entity the column pointing at its parent.
 */
public record EavShape(String entityTypeCode, String table, String parentColumn) {

    public static final String ID = "entity_id";

    public String valueTable(String backendType) {
        return table + "_" + backendType;
    }
}
