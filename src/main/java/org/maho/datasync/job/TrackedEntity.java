package org.maho.datasync.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.maho.datasync.model.TableShape;

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

    public static TrackedEntity of(String type, String table, String idColumn, String identifier) {
        return new TrackedEntity(type, table, idColumn, identifier, Map.of());
    }

    /** Rows of {@code partTable} belong to the entity whose id {@code idSql} gives. */
    public TrackedEntity part(String partTable, String idSql) {
        Map<String, String> all = new LinkedHashMap<>(parts);
        all.put(partTable, idSql);
        return new TrackedEntity(type, table, idColumn, identifier, all);
    }

    /** The five value tables of an EAV entity, whose rows point at it by entity_id. */
    public TrackedEntity values(String entityTable) {
        TrackedEntity withValues = this;
        for (String backend : new String[] {"varchar", "int", "decimal", "text", "datetime"}) {
            withValues = withValues.part(entityTable + "_" + backend, "ROW.entity_id");
        }
        return withValues;
    }

    /** A part whose rows point at another part's row, which points at the entity: {@code via.id -> via.entityColumn}. */
    public TrackedEntity partVia(String partTable, String column, String via, String viaId, String viaEntityColumn) {
        return part(partTable, "(SELECT " + viaEntityColumn + " FROM ${" + via + "} WHERE " + viaId + " = ROW." + column + ")");
    }

    /**
     * What the tracker follows of an entity stored in {@code shape}: its main table, its values, and every child table
     * down the shape (the rows that belong to it), each child's rows pointing at the entity through the rows above it.
     *
     * @param key       SQL on the main row ({@code ROW.}) giving the natural key a deleted entity is found by; null when
     *                  a deletion is an update of another entity
     * @param untracked child lists that are not this entity's changes (a product's stock: the stock type's; a grid row)
     */
    public static TrackedEntity of(String type, TableShape shape, String key, Set<String> untracked) {
        TrackedEntity entity = of(type, shape.table(), shape.idColumn(), key);
        if (shape.hasValues()) {
            entity = entity.values(shape.table());
        }
        for (TableShape child : shape.children()) {
            if (!untracked.contains(child.name())) {
                entity = entity.parts(child, UnaryOperator.identity());
            }
        }
        return entity;
    }

    /** A child's rows, its values' and its children's, each giving the entity's id through {@code entityOf} its parent's id. */
    private TrackedEntity parts(TableShape child, UnaryOperator<String> entityOf) {
        TrackedEntity entity = part(child.table(), entityOf.apply("ROW." + child.parentColumn()));
        UnaryOperator<String> throughChild = id -> entityOf.apply("(SELECT " + child.parentColumn() + " FROM ${" + child.table()
                + "} WHERE " + child.idColumn() + " = " + id + ")");
        if (child.hasValues()) {
            for (String backend : new String[] {"varchar", "int", "decimal", "text", "datetime"}) {
                entity = entity.part(child.table() + "_" + backend, throughChild.apply("ROW.entity_id"));
            }
        }
        for (TableShape grandchild : child.children()) {
            entity = entity.parts(grandchild, throughChild);
        }
        return entity;
    }
}
