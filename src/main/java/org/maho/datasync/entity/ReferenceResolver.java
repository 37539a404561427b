package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.Passes;
import org.maho.datasync.job.ResolvedReferences;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * The enrich step's foreign keys: every reference of a batch (a product's categories and linked products, a
 * category's parent) resolved at once, per referenced entity type one registry query and one natural-key
 * query. A record whose reference points at a record of this run not written yet waits for it.
 */
public final class ReferenceResolver {

    private ReferenceResolver() {}

    public static void resolve(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        ResolvedReferences resolved = job.references();
        resolved.startBatch();
        // the batch's references in one list, record after record: a list per record showed in the profile of a re-run
        List<Ref> refs = new ArrayList<>(records.size() * 4);
        int[] ends = new int[records.size()];
        Map<String, Set<Ref>> unresolved = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int start = refs.size();
            collect(records.get(i), refs);
            ends[i] = refs.size();
            for (Ref ref : refs.subList(start, ends[i])) {
                if (resolved.get(ref) == null) {
                    unresolved.computeIfAbsent(ref.entityType(), k -> new LinkedHashSet<>()).add(ref);
                }
            }
        }
        for (Map.Entry<String, Set<Ref>> type : unresolved.entrySet()) {
            lookUp(job, destination, type.getKey(), type.getValue());
        }
        Passes passes = job.passes();
        String ownType = job.handler().type();
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            boolean required = false;
            boolean optional = false;
            for (Ref ref : refs.subList(i == 0 ? 0 : ends[i - 1], ends[i])) {
                if (resolved.get(ref) == null && ref.entityType().equals(ownType) && !passes.seen(ref)) {
                    required |= ref.required();
                    optional |= !ref.required();
                    if (!ref.required() && passes.kind() != Passes.Kind.REPAIR) {
                        resolved.later(ref);
                    }
                }
            }
            // a required reference (a configurable's child, a category's parent) makes the record wait; an optional
            // one (an up-sell) does not, since products link each other in circles: the record is written without
            // it now and gets it in the repair pass, once every record of the run is written
            if (required && passes.mayWait()) {
                passes.waitFor(record);
            } else if (optional || required) {
                passes.repairLater(record);
            }
        }
    }

    /**
     * Resolves one entity type's references: the registry, then natural keys. A type without a handler of its own
     * (an order's items, a customer's addresses: rows inside another entity) is known through the registry only.
     */
    private static void lookUp(SyncJob job, Connection destination, String type, Set<Ref> refs) throws SQLException {
        EntityHandler target = job.handlers().find(type).orElse(null);
        List<String> sourceIds = new ArrayList<>();
        for (Ref ref : refs) {
            if (ref.sourceId() != null) {
                sourceIds.add(ref.sourceId());
            }
        }
        Map<String, Long> registered = job.registry().resolve(destination, type, sourceIds);
        Set<Long> alive = target == null ? new HashSet<>(registered.values())
                : target.existingIds(job, destination, new HashSet<>(registered.values()));
        Set<String> keys = new LinkedHashSet<>();
        for (Ref ref : refs) {
            Long id = ref.sourceId() == null ? null : registered.get(ref.sourceId());
            if (id != null && alive.contains(id)) {
                job.references().put(ref, id);
            } else if (ref.naturalKey() != null) {
                keys.add(ref.naturalKey());
            }
        }
        if (keys.isEmpty() || target == null) {
            return;
        }
        Map<String, Long> byKey = target.findByNaturalKeys(job, destination, keys);
        for (Ref ref : refs) {
            Long id = ref.naturalKey() == null ? null : byKey.get(ref.naturalKey());
            if (id != null && job.references().get(ref) == null) {
                job.references().put(ref, id);
            }
        }
    }

    private static void collect(Object value, Collection<Ref> refs) {
        if (value instanceof Ref ref) {
            refs.add(ref);
        } else if (value instanceof org.maho.datasync.model.TextWithRefs text) {
            text.spans().forEach(span -> refs.add(span.ref()));
        } else if (value instanceof java.util.List<?> list) {
            list.forEach(item -> collect(item, refs));
        } else if (value instanceof org.maho.datasync.model.RuleConditions conditions) {
            refs.addAll(conditions.refs());
        }
    }

    /** Every reference a record holds, in its values and its children's. */
    private static void collect(Record record, Collection<Ref> refs) {
        for (Object value : record.fields().values()) {
            collect(value, refs);
        }
        for (Map<String, Object> scope : record.storeFields().values()) {
            for (Object value : scope.values()) {
                collect(value, refs);
            }
        }
        record.allChildren().values().forEach(children -> children.forEach(child -> collect(child, refs)));
    }
}
