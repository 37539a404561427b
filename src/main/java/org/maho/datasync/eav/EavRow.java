package org.maho.datasync.eav;

import java.util.LinkedHashMap;
import java.util.Map;

/** One EAV entity as one shop stores it: its table row and its attribute values by code and store id. */
public final class EavRow {

    private final long id;
    private final Map<String, String> columns;
    private final Map<String, Map<Integer, String>> values = new LinkedHashMap<>();

    public EavRow(long id, Map<String, String> columns) {
        this.id = id;
        this.columns = columns;
    }

    public long id() {
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

    void putValue(String attributeCode, int storeId, String value) {
        values.computeIfAbsent(attributeCode, k -> new LinkedHashMap<>()).put(storeId, value);
    }
}
