package org.maho.datasync.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row as a shop stores it: its columns as text, its attribute values by code and store id (EAV tables),
 * and its child rows by child name.
 */
public final class StoredRow {

    private final Long id;
    private final Map<String, String> columns;
    private final Map<String, Map<Integer, String>> values = new LinkedHashMap<>();
    private final Map<String, List<StoredRow>> children = new LinkedHashMap<>();

    public StoredRow(Long id, Map<String, String> columns) {
        this.id = id;
        this.columns = columns;
    }

    /** The row's id, or null for a table without one (rows identified by parent and key columns). */
    public Long id() {
        return id;
    }

    public Map<String, String> columns() {
        return columns;
    }

    public String column(String name) {
        return columns.get(name);
    }

    /** Attribute code to store id to value; store 0 is the default scope. */
    public Map<String, Map<Integer, String>> values() {
        return values;
    }

    public String value(String attributeCode, int storeId) {
        return values.getOrDefault(attributeCode, Map.of()).get(storeId);
    }

    /** Whether the shop has a row for the value, NULL or not: at a store view, a NULL row hides the default value. */
    public boolean hasValue(String attributeCode, int storeId) {
        return values.getOrDefault(attributeCode, Map.of()).containsKey(storeId);
    }

    public void putValue(String attributeCode, int storeId, String value) {
        values.computeIfAbsent(attributeCode, k -> new LinkedHashMap<>()).put(storeId, value);
    }

    public List<StoredRow> children(String name) {
        return children.getOrDefault(name, List.of());
    }

    public void addChild(String name, StoredRow child) {
        children.computeIfAbsent(name, k -> new ArrayList<>()).add(child);
    }

    /** Default-scope values and columns together, by name: what content-based matching compares. */
    public Map<String, String> flatten() {
        Map<String, String> all = new LinkedHashMap<>(columns);
        values.forEach((code, stores) -> {
            if (stores.containsKey(0)) {
                all.put(code, stores.get(0));
            }
        });
        return all;
    }
}
