package org.maho.datasync.verify;

/**
 * One way a destination record differs from its source record.
 *
 * @param entityType  the entity type
 * @param key         the record's natural key
 * @param field       the field, {@code field@store} for a store view's value, {@code items[...].field} in a child row;
 *                    null for the record as a whole (missing or extra)
 * @param source      the source's value, null when the source has none
 * @param destination the destination's value, null when the destination has none
 */
public record Difference(String entityType, String key, String field, String source, String destination) {

    static Difference missing(String entityType, String key) {
        return new Difference(entityType, key, null, "the record", null);
    }

    static Difference extra(String entityType, String key) {
        return new Difference(entityType, key, null, null, "the record");
    }

    @Override
    public String toString() {
        if (field == null) {
            return entityType + " " + key + ": " + (destination == null ? "missing on the destination" : "only on the destination");
        }
        return entityType + " " + key + ": " + field + ": source " + quote(source) + ", destination " + quote(destination);
    }

    private static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        return "'" + (value.length() > 160 ? value.substring(0, 157) + "..." : value) + "'";
    }
}
