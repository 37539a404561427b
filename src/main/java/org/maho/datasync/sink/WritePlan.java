package org.maho.datasync.sink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.model.TableShape;

/**
 * Everything one batch writes, in the order it must run (parents before children, children before the
 * values that point at them), and the registry rows that describe it. Built by a handler, run by
 * {@link BatchWriter} in one destination transaction.
 */
public final class WritePlan {

    /** A registry row to write once the ref's insert has assigned its id. */
    public record PendingMapping(String entityType, String sourceId, RowRef target, String externalRef) {}

    private final Map<String, TableChanges> steps = new LinkedHashMap<>();
    private final List<PendingMapping> mappings = new ArrayList<>();
    private final Map<String, List<String>> forgotten = new LinkedHashMap<>();

    /**
     * The changes of a step, created on first use; steps run in the order they were first asked for. A step
     * is named, so that one table can be written twice (a customer row first, its address references last).
     */
    public TableChanges step(String name, TableShape shape, int entityTypeId) {
        return steps.computeIfAbsent(name, k -> new TableChanges(shape, entityTypeId));
    }

    public List<TableChanges> steps() {
        return new ArrayList<>(steps.values());
    }

    public void register(String entityType, String sourceId, RowRef target, String externalRef) {
        mappings.add(new PendingMapping(entityType, sourceId, target, externalRef));
    }

    public void forget(String entityType, String sourceId) {
        forgotten.computeIfAbsent(entityType, k -> new ArrayList<>()).add(sourceId);
    }

    public List<PendingMapping> mappings() {
        return mappings;
    }

    public Map<String, List<String>> forgotten() {
        return forgotten;
    }
}
