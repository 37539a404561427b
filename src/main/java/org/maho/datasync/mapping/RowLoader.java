package org.maho.datasync.mapping;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/**
 * Reads rows of a {@link TableShape} set-wise: the rows of a page, then each value table and each child table
 * once for the whole page with an IN list. Serves the source's records and the destination's current state
 * alike, so both sides are read the same way.
 */
public final class RowLoader {

    public static final List<String> BACKEND_TYPES = List.of("varchar", "int", "text", "decimal", "datetime");

    private RowLoader() {}

    /**
     * Rows of the shape's table by id, in id order, with their values and children; on {@code connection}, or with none
     * (null) as the shop reads itself ({@link ShopDatabase#select}).
     */
    public static Map<Long, StoredRow> byIds(Connection connection, ShopDatabase shop, TableShape shape, Collection<Long> ids)
            throws SQLException {
        return byIds(connection, shop, shape, ids, message -> { });
    }

    /** @param warnings hears of values the shop itself does not read (stored in another backend's table) */
    public static Map<Long, StoredRow> byIds(Connection connection, ShopDatabase shop, TableShape shape, Collection<Long> ids,
                                             ValueMapper.Warnings warnings) throws SQLException {
        Map<Long, StoredRow> rows = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            shop.select(connection, TableQuery.from(shape.table()).whereIn(shape.idColumn(), ids).orderBy(shape.idColumn()), row -> {
                long id = Long.parseLong(row.get(shape.idColumn()));
                rows.put(id, new StoredRow(id, row));
            });
        }
        complete(connection, shop, shape, rows, warnings);
        return rows;
    }

    /** Loads the values and the child tree of rows already read. */
    public static void complete(Connection connection, ShopDatabase shop, TableShape shape, Map<Long, StoredRow> rows,
                                ValueMapper.Warnings warnings) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (shape.hasValues()) {
            loadValues(connection, shop, shape, rows, warnings);
        }
        for (TableShape child : shape.children()) {
            childrenOf(connection, shop, child, rows.keySet(), warnings).forEach((parentId, list) ->
                    list.forEach(row -> rows.get(parentId).addChild(child.name(), row)));
        }
    }

    /** Child rows of the given parents, grouped by parent id, each group in id order, with their values and children. */
    public static Map<Long, List<StoredRow>> childrenOf(Connection connection, ShopDatabase shop, TableShape child,
                                                        Collection<Long> parentIds, ValueMapper.Warnings warnings)
            throws SQLException {
        Map<Long, List<StoredRow>> byParent = new LinkedHashMap<>();
        if (parentIds.isEmpty() || !shop.hasTable(child.table())) {
            return byParent;
        }
        Map<Long, StoredRow> childrenById = new LinkedHashMap<>();
        shop.select(connection, TableQuery.from(child.table()).whereIn(child.parentColumn(), parentIds).orderBy(child.idColumn()),
                row -> {
                    Long id = child.idColumn() == null ? null : Long.valueOf(row.get(child.idColumn()));
                    StoredRow stored = new StoredRow(id, row);
                    byParent.computeIfAbsent(Long.valueOf(row.get(child.parentColumn())), k -> new ArrayList<>()).add(stored);
                    if (id != null) {
                        childrenById.put(id, stored);
                    }
                });
        complete(connection, shop, child, childrenById, warnings);
        return byParent;
    }

    private static void loadValues(Connection connection, ShopDatabase shop, TableShape shape, Map<Long, StoredRow> rows,
                                   ValueMapper.Warnings warnings) throws SQLException {
        ShopMetadata metadata = ShopMetadata.of(shop);
        for (String backend : BACKEND_TYPES) {
            String table = shape.valueTable(backend);
            if (!shop.hasTable(table)) {
                continue;
            }
            boolean scoped = shop.columns(table).containsKey("store_id");
            TableQuery values = TableQuery.from(table).whereIn("entity_id", rows.keySet());
            values = scoped ? values.columns("entity_id", "attribute_id", "store_id", "value")
                    : values.columns("entity_id", "attribute_id", "value");
            shop.select(connection, values, row -> {
                ShopMetadata.Attribute attribute = metadata.attributeById(Integer.parseInt(row.get("attribute_id")));
                if (attribute == null || !attribute.entityTypeCode().equals(shape.entityTypeCode())) {
                    return;
                }
                // a value in another backend's table is a leftover of old shops, which the shop itself never reads
                if (!attribute.backendType().equals(backend)) {
                    warnings.warn(shape.entityTypeCode() + "." + attribute.code() + ": a value in the " + backend
                            + " table, which the shop does not read (the attribute is " + attribute.backendType() + "); not copied");
                    return;
                }
                StoredRow target = rows.get(Long.valueOf(row.get("entity_id")));
                if (target != null) {
                    target.putValue(attribute.code(), scoped ? Integer.parseInt(row.get("store_id")) : 0, row.get("value"));
                }
            });
        }
    }
}
