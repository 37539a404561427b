package org.maho.datasync.job;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.maho.datasync.model.Ref;

/**
 * Destination ids of references resolved during a run, by the referenced entity's source id and by its
 * natural key; bounded, least recently used first out. A reference not found is not remembered: its target
 * may be written later in the run. What the batch in hand resolved is held until the next batch starts, whatever
 * the bound: a batch of five cart rules of a million-order shop refers to more customers than the bound, and
 * its first rule's category was gone again before the rule was mapped.
 */
public final class ResolvedReferences {

    private final Map<String, Long> ids;
    private Map<String, Long> batch = new HashMap<>();
    private final java.util.Set<String> later = new java.util.HashSet<>();

    public ResolvedReferences(int capacity) {
        this.ids = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Long get(Ref ref) {
        Long id = ref.sourceId() == null ? null : find(bySource(ref.entityType(), ref.sourceId()));
        if (id == null && ref.naturalKey() != null) {
            id = find(byKey(ref.entityType(), ref.naturalKey()));
        }
        return id;
    }

    private Long find(String key) {
        Long id = batch.get(key);
        return id != null ? id : ids.get(key);
    }

    public synchronized void put(Ref ref, long id) {
        if (ref.sourceId() != null) {
            remember(bySource(ref.entityType(), ref.sourceId()), id);
        }
        if (ref.naturalKey() != null) {
            remember(byKey(ref.entityType(), ref.naturalKey()), id);
        }
    }

    private void remember(String key, long id) {
        ids.put(key, id);
        batch.put(key, id);
    }

    /** A new batch is resolved: the last one's references need be kept only within the bound. */
    public synchronized void startBatch() {
        batch = new HashMap<>();
    }

    /** A reference to a record of this run not written yet, which the repair pass links. */
    public synchronized void later(Ref ref) {
        later.add(ref.entityType() + "#" + ref.sourceId() + "=" + ref.naturalKey());
    }

    public synchronized boolean isLater(Ref ref) {
        return later.contains(ref.entityType() + "#" + ref.sourceId() + "=" + ref.naturalKey());
    }

    /** The repair pass: what is still unresolved now is missing, and said so. */
    public synchronized void clearLater() {
        later.clear();
    }

    /** A record of this run was written: references to it resolve from now on without a query. */
    public synchronized void written(String entityType, String sourceId, String naturalKey, long id) {
        put(new Ref(entityType, sourceId, naturalKey, Ref.Missing.EMPTY), id);
    }

    private static String bySource(String type, String sourceId) {
        return type + "#" + sourceId;
    }

    private static String byKey(String type, String key) {
        return type + "=" + key;
    }
}
