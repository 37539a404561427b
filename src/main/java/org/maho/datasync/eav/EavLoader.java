package org.maho.datasync.eav;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;

/**
 * Reads EAV entities of one shop set-wise: the entity rows of a page, then each value table once for the
 * whole page with an IN list. Used for the source's records and for the destination's current state alike.
 */
public final class EavLoader {

    public static final List<String> BACKEND_TYPES = List.of("varchar", "int", "text", "decimal", "datetime");

    private EavLoader() {}

    /** Entity rows by id, in id order. */
    public static Map<Long, EavRow> rowsById(Connection connection, ShopDatabase shop, EavShape shape, Collection<Long> ids)
            throws SQLException {
        Map<Long, EavRow> rows = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        Sql.queryIn(connection, "SELECT * FROM " + shop.table(shape.table()) + " WHERE " + EavShape.ID + " IN ",
                " ORDER BY " + EavShape.ID, List.of(), ids,
                row -> rows.put(row.getLong(EavShape.ID), new EavRow(row.getLong(EavShape.ID), Sql.rowAsText(row))));
        return rows;
    }

    /** Child rows of the given parents, grouped by parent id, each group in id order. */
    public static Map<Long, List<EavRow>> childrenByParent(Connection connection, ShopDatabase shop, EavShape shape,
                                                           Collection<Long> parentIds) throws SQLException {
        Map<Long, List<EavRow>> children = new LinkedHashMap<>();
        if (parentIds.isEmpty()) {
            return children;
        }
        Sql.queryIn(connection, "SELECT * FROM " + shop.table(shape.table()) + " WHERE " + shape.parentColumn() + " IN ",
                " ORDER BY " + EavShape.ID, List.of(), parentIds,
                row -> children.computeIfAbsent(row.getLong(shape.parentColumn()), k -> new ArrayList<>())
                        .add(new EavRow(row.getLong(EavShape.ID), Sql.rowAsText(row))));
        return children;
    }

    /** Fills in the attribute values of the rows, one query per value table and chunk of ids. */
    public static void loadValues(Connection connection, ShopDatabase shop, EavShape shape, Map<Long, EavRow> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        ShopMetadata metadata = shop.metadata();
        for (String backend : BACKEND_TYPES) {
            String table = shape.valueTable(backend);
            if (!shop.hasTable(table)) {
                continue;
            }
            boolean scoped = shop.columns(table).containsKey("store_id");
            String select = "SELECT entity_id, attribute_id, " + (scoped ? "store_id" : "0") + ", value FROM "
                    + shop.table(table) + " WHERE entity_id IN ";
            Sql.queryIn(connection, select, "", List.of(), rows.keySet(), row -> {
                ShopMetadata.Attribute attribute = metadata.attributeById(row.getInt(2));
                // a value row of a static attribute is a leftover of old shops: the entity table's column is the value
                if (attribute == null || attribute.isStatic() || !attribute.entityTypeCode().equals(shape.entityTypeCode())) {
                    return;
                }
                EavRow target = rows.get(row.getLong(1));
                if (target != null) {
                    target.putValue(attribute.code(), row.getInt(3), row.getString(4));
                }
            });
        }
    }
}
