package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.eav.DestinationForm;
import org.maho.datasync.eav.EavLoader;
import org.maho.datasync.eav.EavRow;
import org.maho.datasync.eav.EavShape;
import org.maho.datasync.eav.ShopMetadata;
import org.maho.datasync.eav.ValueFormat;
import org.maho.datasync.pipeline.OnDuplicate;
import org.maho.datasync.pipeline.Outcome;
import org.maho.datasync.pipeline.Record;
import org.maho.datasync.pipeline.SyncJob;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.sink.PlannedWrite;
import org.maho.datasync.sink.RowRef;
import org.maho.datasync.sink.TableChanges;
import org.maho.datasync.sink.WritePlan;

/**
 * Plans one batch of EAV records against the destination's current state. For a record that exists, the
 * on-duplicate mode decides what the source may change (update: every value it has; merge: only empty
 * ones), and only values that differ are written: a second run of the same sync writes nothing.
 */
final class EavPlanner {

    private final SyncJob job;
    private final EavEntityHandler handler;
    private final ShopDatabase destination;
    private final ShopMetadata shop;
    private final OnDuplicate mode;
    private final WritePlan plan = new WritePlan();
    private final Map<Record, Outcome> outcomes = new LinkedHashMap<>();

    EavPlanner(SyncJob job, EavEntityHandler handler) {
        this.job = job;
        this.handler = handler;
        this.destination = job.destination();
        this.shop = destination.metadata();
        this.mode = job.spec().onDuplicate();
    }

    /** What the destination holds now for the batch's existing records and their children. */
    private record Snapshot(Map<Long, EavRow> rows, Map<String, Map<Long, List<EavRow>>> children,
                            Map<String, Map<Long, String>> registeredChildren) {}

    PlannedWrite plan(Connection connection, List<Record> records) throws SQLException {
        EavShape shape = handler.entityShape();
        TableChanges main = plan.step("main", shape, typeId(shape));
        Map<String, TableChanges> childSteps = new LinkedHashMap<>();
        for (EavEntityHandler.ChildSpec child : handler.childSpecs()) {
            childSteps.put(child.name(), plan.step(child.name(), child.shape(), typeId(child.shape())));
        }
        TableChanges references = plan.step("references", shape, typeId(shape));
        Snapshot snapshot = snapshot(connection, records);

        for (Record record : records) {
            DestinationForm form = record.mapped(DestinationForm.class);
            EavRow current = record.targetId() == null ? null : snapshot.rows().get(record.targetId());
            RowRef ref = current == null ? RowRef.pending() : RowRef.existing(current.id());
            boolean changed = planRow(main, shape, form, current, ref, null, record.complete());
            Map<String, RowRef> childRefs = new HashMap<>();
            for (EavEntityHandler.ChildSpec child : handler.childSpecs()) {
                List<EavRow> currentChildren = current == null ? List.of()
                        : snapshot.children().get(child.name()).getOrDefault(current.id(), List.of());
                changed |= planChildren(childSteps.get(child.name()), child, record, ref, currentChildren,
                        snapshot.registeredChildren().get(child.name()), childRefs);
            }
            changed |= planReferences(references, shape, record, form, current, ref, childRefs);
            if (Registry.isRegistrable(record.sourceId())) {
                plan.register(handler.type(), record.sourceId(), ref, handler.naturalKey(record));
            }
            outcomes.put(record, current == null ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED);
        }
        return new PlannedWrite(plan, outcomes);
    }

    private int typeId(EavShape shape) {
        return shop.requireEntityType(shape.entityTypeCode()).id();
    }

    private Snapshot snapshot(Connection connection, List<Record> records) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Record record : records) {
            if (record.targetId() != null) {
                ids.add(record.targetId());
            }
        }
        EavShape shape = handler.entityShape();
        Map<Long, EavRow> rows = EavLoader.rowsById(connection, destination, shape, ids);
        EavLoader.loadValues(connection, destination, shape, rows);
        Map<String, Map<Long, List<EavRow>>> children = new HashMap<>();
        Map<String, Map<Long, String>> registered = new HashMap<>();
        for (EavEntityHandler.ChildSpec child : handler.childSpecs()) {
            Map<Long, List<EavRow>> byParent = EavLoader.childrenByParent(connection, destination, child.shape(), rows.keySet());
            Map<Long, EavRow> all = new LinkedHashMap<>();
            byParent.values().forEach(list -> list.forEach(row -> all.put(row.id(), row)));
            EavLoader.loadValues(connection, destination, child.shape(), all);
            children.put(child.name(), byParent);
            registered.put(child.name(), job.registry().sourceIdsOfTargets(connection, child.registryType(), all.keySet()));
        }
        return new Snapshot(rows, children, registered);
    }

    /** Plans one entity row and its values; true when anything changes. */
    private boolean planRow(TableChanges changes, EavShape shape, DestinationForm form, EavRow current, RowRef ref,
                            RowRef parent, boolean complete) {
        if (current == null) {
            Map<String, Object> columns = new LinkedHashMap<>();
            form.columns().forEach((column, value) -> {
                if (value != null) {
                    columns.put(column, value);
                }
            });
            if (parent != null) {
                columns.put(shape.parentColumn(), parent);
            }
            handler.defaults(shape, columns);
            changes.insert(ref, columns);
            form.values().forEach((key, value) ->
                    changes.value(key.attribute().backendType(), key.attribute().id(), key.storeId(), ref, value));
            return true;
        }
        boolean changed = false;
        Map<String, String> types = destination.columns(shape.table());
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : form.columns().entrySet()) {
            String now = current.column(column.getKey());
            if (!mayChange(now, column.getValue(), complete)) {
                continue;
            }
            if (!ValueFormat.same(types.getOrDefault(column.getKey(), "varchar"), column.getValue(), now)) {
                columns.put(column.getKey(), column.getValue());
            }
        }
        if (!columns.isEmpty()) {
            changes.update(current.id(), columns);
            changed = true;
        }
        for (Map.Entry<DestinationForm.ValueKey, String> value : form.values().entrySet()) {
            ShopMetadata.Attribute attribute = value.getKey().attribute();
            String now = current.value(attribute.code(), value.getKey().storeId());
            if (!mayChange(now, value.getValue(), complete)) {
                continue;
            }
            if (!ValueFormat.same(ValueFormat.dataTypeOfBackend(attribute.backendType()), value.getValue(), now)) {
                changes.value(attribute.backendType(), attribute.id(), value.getKey().storeId(), ref, value.getValue());
                changed = true;
            }
        }
        if (mode == OnDuplicate.UPDATE && complete) {
            changed |= deleteValuesTheSourceLacks(changes, shape, form, current);
        }
        return changed;
    }

    /** Merge fills only what the destination lacks; update writes every value the source has. */
    private boolean mayChange(String now, String incoming, boolean complete) {
        if (mode == OnDuplicate.MERGE) {
            return incoming != null && ValueFormat.isEmpty(now);
        }
        return incoming != null || complete;
    }

    /**
     * A complete record (from a shop database) that lacks a value means the source has it empty: the
     * destination's value goes too. Only attributes and stores the source shop has are touched.
     */
    private boolean deleteValuesTheSourceLacks(TableChanges changes, EavShape shape, DestinationForm form, EavRow current) {
        boolean changed = false;
        String type = shape.entityTypeCode();
        ShopMetadata input = job.inputShop();
        for (Map.Entry<String, Map<Integer, String>> value : current.values().entrySet()) {
            String code = value.getKey();
            if (handler.referenceFields().contains(code) || input.attribute(type, code).isEmpty()) {
                continue;
            }
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElse(null);
            if (attribute == null) {
                continue;
            }
            for (Integer storeId : value.getValue().keySet()) {
                boolean storeKnown = storeId == 0 || shop.store(storeId)
                        .flatMap(store -> input.storeByCode(store.code())).isPresent();
                if (storeKnown && !form.values().containsKey(new DestinationForm.ValueKey(attribute, storeId))) {
                    changes.deleteValue(attribute.backendType(), attribute.id(), storeId, current.id());
                    changed = true;
                }
            }
        }
        return changed;
    }

    private boolean planChildren(TableChanges changes, EavEntityHandler.ChildSpec child, Record record, RowRef parent,
                                 List<EavRow> currentChildren, Map<Long, String> registered, Map<String, RowRef> childRefs) {
        boolean changed = false;
        List<EavRow> unmatched = new ArrayList<>(currentChildren);
        for (Record childRecord : record.children(child.name())) {
            DestinationForm form = childRecord.mapped(DestinationForm.class);
            EavRow match = matchChild(child, childRecord, form, unmatched, registered);
            unmatched.remove(match);
            RowRef ref = match == null ? RowRef.pending() : RowRef.existing(match.id());
            changed |= planRow(changes, child.shape(), form, match, ref, parent, childRecord.complete());
            if (childRecord.sourceId() != null) {
                childRefs.put(childRecord.sourceId(), ref);
            }
            if (Registry.isRegistrable(childRecord.sourceId())) {
                plan.register(child.registryType(), childRecord.sourceId(), ref, null);
            }
        }
        if (mode == OnDuplicate.UPDATE && record.complete()) {
            // children this source created that it no longer has: deleted at the source
            for (EavRow row : unmatched) {
                String sourceId = registered.get(row.id());
                if (sourceId != null) {
                    changes.deleteRow(row.id());
                    plan.forget(child.registryType(), sourceId);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** The destination child that is this source child: by registry, else by content among unregistered ones. */
    private EavRow matchChild(EavEntityHandler.ChildSpec child, Record childRecord, DestinationForm form,
                              List<EavRow> candidates, Map<Long, String> registered) {
        String sourceId = childRecord.sourceId();
        if (Registry.isRegistrable(sourceId)) {
            for (EavRow row : candidates) {
                if (sourceId.equals(registered.get(row.id()))) {
                    return row;
                }
            }
        }
        String fingerprint = handler.fingerprint(child, valuesByCode(form));
        if (fingerprint == null) {
            return null;
        }
        for (EavRow row : candidates) {
            String owner = registered.get(row.id());
            if ((owner == null || owner.equals(sourceId)) && fingerprint.equals(handler.fingerprint(child, valuesByCode(row)))) {
                return row;
            }
        }
        return null;
    }

    private boolean planReferences(TableChanges changes, EavShape shape, Record record, DestinationForm form,
                                   EavRow current, RowRef ref, Map<String, RowRef> childRefs) {
        boolean changed = false;
        for (String code : handler.referenceFields()) {
            ShopMetadata.Attribute attribute = shop.attribute(shape.entityTypeCode(), code).orElse(null);
            if (attribute == null) {
                continue;
            }
            String now = current == null ? null : current.value(code, 0);
            String childKey = form.childReferences().get(code);
            if (childKey == null) {
                if (current != null && now != null && mode == OnDuplicate.UPDATE && record.complete()) {
                    changes.deleteValue(attribute.backendType(), attribute.id(), 0, current.id());
                    changed = true;
                }
                continue;
            }
            RowRef target = childRefs.get(childKey);
            if (target == null) {
                job.report().warn(handler.type() + "." + code + ": points at a child (" + childKey
                        + ") the record does not have; not set");
                continue;
            }
            if (mode == OnDuplicate.MERGE && !ValueFormat.isEmpty(now)) {
                continue;
            }
            if (target.id() != null && ValueFormat.same("int", String.valueOf(target.id()), now)) {
                continue;
            }
            changes.value(attribute.backendType(), attribute.id(), 0, ref, target);
            changed = true;
        }
        return changed;
    }

    private static Map<String, String> valuesByCode(DestinationForm form) {
        Map<String, String> values = new HashMap<>(form.columns());
        form.values().forEach((key, value) -> {
            if (key.storeId() == 0) {
                values.put(key.attribute().code(), value);
            }
        });
        return values;
    }

    private static Map<String, String> valuesByCode(EavRow row) {
        Map<String, String> values = new HashMap<>(row.columns());
        row.values().forEach((code, stores) -> {
            if (stores.containsKey(0)) {
                values.put(code, stores.get(0));
            }
        });
        return values;
    }
}
