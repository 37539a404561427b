package org.maho.datasync.tracker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entity type the change tracker follows on the source: its main table, and the tables whose rows belong to one
 * of its entities (a customer's values and addresses, an order's items), each with the SQL that finds the entity's
 * id from such a row. Whichever of its tables changes, the entity gets one pending change.
 *
 * <p>SQL templates name tables as {@code ${table}} (the shop's prefix is added), the changed row as {@code ROW}
 * ({@code NEW} or {@code OLD}), and attribute ids as {@code ${attribute:entity_type:code}}.
 *
 * @param type       the tracker's entity_type, which is also the entity handler's type
 * @param table      the entity's main table
 * @param idColumn   the main table's column the tracker's entity_id holds (stock: the product id, not the item id)
 * @param identifier SQL for the natural key of a main-table row being deleted, or null: what finds the row on the
 *                   destination when the registry does not know it
 * @param parts      tables whose rows belong to the entity: table to the SQL of the entity's id
 */
public record TrackedEntity(String type, String table, String idColumn, String identifier, Map<String, String> parts) {

    static TrackedEntity of(String type, String table, String idColumn, String identifier) {
        return new TrackedEntity(type, table, idColumn, identifier, Map.of());
    }

    /** Rows of {@code partTable} belong to the entity whose id {@code idSql} gives. */
    TrackedEntity part(String partTable, String idSql) {
        Map<String, String> all = new LinkedHashMap<>(parts);
        all.put(partTable, idSql);
        return new TrackedEntity(type, table, idColumn, identifier, all);
    }

    /** The five value tables of an EAV entity, whose rows point at it by entity_id. */
    TrackedEntity values(String entityTable) {
        TrackedEntity withValues = this;
        for (String backend : new String[] {"varchar", "int", "decimal", "text", "datetime"}) {
            withValues = withValues.part(entityTable + "_" + backend, "ROW.entity_id");
        }
        return withValues;
    }

    /** A part whose rows point at another part's row, which points at the entity: {@code via.id -> via.entityColumn}. */
    TrackedEntity partVia(String partTable, String column, String via, String viaId, String viaEntityColumn) {
        return part(partTable, "(SELECT " + viaEntityColumn + " FROM ${" + via + "} WHERE " + viaId + " = ROW." + column + ")");
    }
}
