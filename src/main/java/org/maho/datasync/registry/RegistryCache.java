package org.maho.datasync.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Recently used mappings, bounded so that memory stays flat however many records a run moves. */
final class RegistryCache {

    /** What the registry row holds. */
    record Entry(long targetId, String externalRef) {
        boolean sameAs(long otherTarget, String otherRef) {
            return targetId == otherTarget && Objects.equals(externalRef, otherRef);
        }
    }

    private final Map<String, Entry> entries;

    RegistryCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Entry get(String entityType, String sourceId) {
        return entries.get(key(entityType, sourceId));
    }

    synchronized void put(String entityType, String sourceId, Entry entry) {
        entries.put(key(entityType, sourceId), entry);
    }

    synchronized void remove(String entityType, String sourceId) {
        entries.remove(key(entityType, sourceId));
    }

    private static String key(String entityType, String sourceId) {
        return entityType + '\u0000' + sourceId;
    }
}
