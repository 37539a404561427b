package org.maho.datasync.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a record's rows live: a table (with its EAV value tables when it is an EAV entity) and the child
 * tables that belong to it, each child found among its siblings by the registry, by key columns, or by
 * content. One shape describes a customer with its addresses, a product with its prices, links and
 * options, an attribute with its options and labels.
 *
 * @param name            the child's name in a record ("addresses"); the main table's is ""
 * @param table           the table, without prefix
 * @param idColumn        its auto-increment id, or null for rows identified by parent and key columns
 * @param parentColumn    the column pointing at the parent row (null for the main table)
 * @param entityTypeCode  the EAV entity type whose value tables hold attribute values, or null for a flat table
 * @param keyColumns      the columns, in destination terms, that find a child among its siblings
 * @param registryType    for children with source ids of their own (addresses): their registry entity type
 * @param deletion        which destination children a complete source record without them removes
 * @param ancestorColumns columns that hold an ancestor's id (a bundle selection's product): column to generations up
 * @param columnKinds     what a column refers to, where its name does not say (attribute_id, option ids)
 * @param references      columns holding another entity's id (linked_product_id, customer_id): what they point at
 * @param children        the child tables
 */
public record TableShape(String name, String table, String idColumn, String parentColumn, String entityTypeCode,
                         List<String> keyColumns, String registryType, Deletion deletion,
                         Map<String, Integer> ancestorColumns, Map<String, ValueKind> columnKinds,
                         Map<String, RefSpec> references, List<TableShape> children) {

    /** Which destination rows a source record that no longer has them removes (never under merge). */
    public enum Deletion {
        /** None: the destination may hold rows of its own (a set's attributes). */
        NONE,
        /** Only rows this source created, known through the registry (a customer's addresses). */
        REGISTERED,
        /** Every row the source record lacks: the source's set is the truth (a product's tier prices). */
        UNMATCHED
    }

    public static final String ENTITY_ID = "entity_id";

    /** The main table of an EAV entity: id entity_id, attribute values in its value tables. */
    public static TableShape eavEntity(String entityTypeCode, String table) {
        return new TableShape("", table, ENTITY_ID, null, entityTypeCode, List.of(), null, Deletion.NONE, Map.of(),
                Map.of(), Map.of(), List.of());
    }

    /** The main table of a flat entity. */
    public static TableShape flatEntity(String table, String idColumn) {
        return new TableShape("", table, idColumn, null, null, List.of(), null, Deletion.NONE, Map.of(), Map.of(), Map.of(), List.of());
    }

    /** A child table: {@code name} in the record, rows pointing at their parent through {@code parentColumn}. */
    public static TableShape child(String name, String table, String idColumn, String parentColumn) {
        return new TableShape(name, table, idColumn, parentColumn, null, List.of(), null, Deletion.UNMATCHED, Map.of(),
                Map.of(), Map.of(), List.of());
    }

    public TableShape withValues(String entityType) {
        return new TableShape(name, table, idColumn, parentColumn, entityType, keyColumns, registryType, deletion,
                ancestorColumns, columnKinds, references, children);
    }

    public TableShape keys(String... columns) {
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, List.of(columns), registryType,
                deletion, ancestorColumns, columnKinds, references, children);
    }

    /** Children with source ids of their own, matched through the registry; only those this source made are removed. */
    public TableShape registered(String type) {
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, keyColumns, type, Deletion.REGISTERED,
                ancestorColumns, columnKinds, references, children);
    }

    public TableShape deletion(Deletion policy) {
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, keyColumns, registryType, policy,
                ancestorColumns, columnKinds, references, children);
    }

    public TableShape ancestor(String column, int generationsUp) {
        Map<String, Integer> ancestors = new java.util.LinkedHashMap<>(ancestorColumns);
        ancestors.put(column, generationsUp);
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, keyColumns, registryType, deletion,
                Map.copyOf(ancestors), columnKinds, references, children);
    }

    public TableShape kind(String column, ValueKind kind) {
        Map<String, ValueKind> kinds = new java.util.LinkedHashMap<>(columnKinds);
        kinds.put(column, kind);
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, keyColumns, registryType, deletion,
                ancestorColumns, Map.copyOf(kinds), references, children);
    }

    /** A column holding the id of an entity of {@code entityType}; {@code missing} says what becomes of the row without it. */
    public TableShape ref(String column, String entityType, Ref.Missing missing) {
        return ref(column, new RefSpec(entityType, missing));
    }

    /** A column holding ids of entities of {@code entityType} separated by commas; one the destination lacks is left out. */
    public TableShape refList(String column, String entityType) {
        return ref(column, new RefSpec(entityType, Ref.Missing.EMPTY, true));
    }

    private TableShape ref(String column, RefSpec spec) {
        Map<String, RefSpec> refs = new java.util.LinkedHashMap<>(references);
        refs.put(column, spec);
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, keyColumns, registryType, deletion,
                ancestorColumns, columnKinds, Map.copyOf(refs), children);
    }

    public TableShape with(TableShape... more) {
        List<TableShape> all = new ArrayList<>(children);
        all.addAll(List.of(more));
        return new TableShape(name, table, idColumn, parentColumn, entityTypeCode, keyColumns, registryType, deletion,
                ancestorColumns, columnKinds, references, List.copyOf(all));
    }

    public boolean hasValues() {
        return entityTypeCode != null;
    }

    public String valueTable(String backendType) {
        return table + "_" + backendType;
    }

    /** The kind of a column: declared on the shape, else by its name (website_id, store_id, ...). */
    public ValueKind kindOf(String column) {
        if (references.containsKey(column)) {
            return ValueKind.REFERENCE;
        }
        ValueKind declared = columnKinds.get(column);
        return declared != null ? declared : ValueKind.ofColumn(column);
    }

    /** Columns a row's own values never fill: its id, its parent and ancestor pointers, the entity type id. */
    public boolean isStructural(String column) {
        return column.equals(idColumn) || column.equals(parentColumn) || ancestorColumns.containsKey(column)
                || (hasValues() && column.equals("entity_type_id"));
    }

    public Optional<TableShape> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }
}
