package org.maho.datasync.eav;

/**
 * A reference to another entity, portable: its entity type, its id in the source (null when the input has
 * none) and its natural key (sku, url-key path, email|website). Resolved to a destination id through the
 * registry, else the natural key, for a whole batch at once.
 *
 * @param required a record whose required reference cannot be resolved is invalid; an optional one is dropped
 *                 with a warning (a product's up-sell to a product the destination does not have)
 */
public record Ref(String entityType, String sourceId, String naturalKey, boolean required) {

    public Ref withNaturalKey(String key) {
        return new Ref(entityType, sourceId, key, required);
    }

    @Override
    public String toString() {
        return entityType + " " + (naturalKey != null ? "'" + naturalKey + "'" : "#" + sourceId);
    }
}
