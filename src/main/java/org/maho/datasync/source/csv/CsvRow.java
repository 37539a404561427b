package org.maho.datasync.source.csv;

import java.util.Map;

/**
 * One line of a CSV file, values by header name and trimmed. {@code malformed} says why the line cannot be
 * read as a record (its value count differs from the header's), or is null.
 */
public record CsvRow(String file, long line, Map<String, String> values, String malformed) {

    public String origin() {
        return file + " line " + line;
    }

    /** The value, or null when the column is missing or the cell empty: an empty cell means "no value". */
    public String get(String column) {
        String value = values.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean has(String column) {
        return get(column) != null;
    }

    public boolean hasColumn(String column) {
        return values.containsKey(column);
    }
}
