package org.maho.datasync.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Record;

/** A record in the destination's terms: entity-table columns, attribute values by store, child references. */
public final class DestinationForm {

    /** An attribute value's place: the destination attribute and store id (0 for the default scope). */
    public record ValueKey(ShopMetadata.Attribute attribute, int storeId) {}

    private final Map<String, String> columns;
    private final Map<ValueKey, String> values = new LinkedHashMap<>();
    private final Map<String, String> childReferences = new LinkedHashMap<>();
    private final Map<String, ChildRef> childColumns = new LinkedHashMap<>();
    private boolean dropped;

    /** @param expectedColumns how many columns the form will hold, to size its map once */
    public DestinationForm(int expectedColumns) {
        columns = new LinkedHashMap<>(Record.capacityFor(expectedColumns));
    }

    /** Entity-table columns; a null value means the source has the column empty. */
    public Map<String, String> columns() {
        return columns;
    }

    public Map<ValueKey, String> values() {
        return values;
    }

    /** Attributes that point at one of the record's children (default_billing): code to the child's source key. */
    public Map<String, String> childReferences() {
        return childReferences;
    }

    /** Columns that point at another row of the same record, set once that row is planned. */
    public Map<String, ChildRef> childColumns() {
        return childColumns;
    }

    /** Leaves the row out: it holds an optional reference the destination cannot resolve. */
    public void drop() {
        dropped = true;
    }

    public boolean dropped() {
        return dropped;
    }

    /** Columns and default-scope values together, by name: what content-based matching compares. */
    public Map<String, String> flatten() {
        Map<String, String> all = new LinkedHashMap<>(columns);
        values.forEach((key, value) -> {
            if (key.storeId() == 0) {
                all.put(key.attribute().code(), value);
            }
        });
        return all;
    }

    /** The default-scope value of an attribute, by code. */
    public String value(String attributeCode) {
        for (Map.Entry<ValueKey, String> entry : values.entrySet()) {
            if (entry.getKey().storeId() == 0 && entry.getKey().attribute().code().equals(attributeCode)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
