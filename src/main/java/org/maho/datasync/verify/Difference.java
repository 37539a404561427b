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
        int from = firstDifference() > 120 ? firstDifference() - 40 : 0;
        return entityType + " " + key + ": " + field + ": source " + quote(source, from) + ", destination " + quote(destination, from);
    }

    /** Where two long texts part (a rule's conditions), so that the excerpt shows the difference, not their common start. */
    private int firstDifference() {
        if (source == null || destination == null) {
            return 0;
        }
        int at = 0;
        while (at < source.length() && at < destination.length() && source.charAt(at) == destination.charAt(at)) {
            at++;
        }
        return at;
    }

    private static String quote(String value, int from) {
        if (value == null) {
            return "(none)";
        }
        String shown = from > 0 ? "..." + value.substring(Math.min(from, value.length())) : value;
        return "'" + (shown.length() > 160 ? shown.substring(0, 157) + "..." : shown) + "'";
    }
}
