package org.maho.datasync.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Recently used mappings, bounded so that memory stays flat however many records a run moves. */
final class RegistryCache {

    private final Map<String, Long> entries;

    RegistryCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Long get(String entityType, String sourceId) {
        return entries.get(key(entityType, sourceId));
    }

    synchronized void put(String entityType, String sourceId, long targetId) {
        entries.put(key(entityType, sourceId), targetId);
    }

    synchronized void remove(String entityType, String sourceId) {
        entries.remove(key(entityType, sourceId));
    }

    private static String key(String entityType, String sourceId) {
        return entityType + '\u0000' + sourceId;
    }
}
