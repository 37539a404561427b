package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.OnDuplicate;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.DestinationForm;
import org.maho.datasync.mapping.RowLoader;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.mapping.ValueFormat;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.sink.PlannedWrite;
import org.maho.datasync.sink.RowRef;
import org.maho.datasync.sink.TableChanges;
import org.maho.datasync.sink.WritePlan;

/**
 * Plans one batch of records against the destination's current state, table by table down the entity's shape.
 * For a record that exists, the on-duplicate mode decides what the source may change (update: every value it
 * has; merge: only empty ones); only values that differ are written, so a second run of the same sync writes
 * nothing. Child rows are matched to the destination's by registry, key or content, and the unmatched ones
 * removed as the child table's deletion policy says.
 */
final class RecordPlanner {

    private static final String REFERENCES = "references";

    private final SyncJob job;
    private final TableEntityHandler handler;
    private final ShopDatabase destination;
    private final ShopMetadata shop;
    private final OnDuplicate mode;
    private final WritePlan plan = new WritePlan();
    private final Map<String, TableChanges> steps = new HashMap<>();
    private final Map<String, Map<Long, String>> registeredChildren = new HashMap<>();
    /** The destination row of every record and child planned so far. */
    private final Map<Record, RowRef> planned = new java.util.IdentityHashMap<>();
    /** Columns pointing at a row of the same record that is planned after theirs: set by a late update. */
    private final List<LateColumn> lateColumns = new ArrayList<>();
    private SourceIdsKept keptIds;

    private record LateColumn(String path, TableShape shape, RowRef row, String column, String now, ChildRef target,
                              List<Record> owners) {}

    RecordPlanner(SyncJob job, TableEntityHandler handler) {
        this.job = job;
        this.handler = handler;
        this.destination = job.destination();
        this.shop = ShopMetadata.of(destination);
        this.mode = job.spec().onDuplicate();
    }

    PlannedWrite plan(Connection connection, List<Record> records) throws SQLException {
        TableShape shape = handler.entityShape();
        createSteps(shape, "");
        steps.put(REFERENCES, plan.step(REFERENCES, shape, typeId(shape)));
        List<Long> ids = new ArrayList<>();
        for (Record record : records) {
            if (record.targetId() != null) {
                ids.add(record.targetId());
            }
        }
        Map<Long, StoredRow> current = RowLoader.byIds(connection, destination, shape, ids);
        keptIds = SourceIdsKept.of(job, handler, connection, shape, records);
        loadRegistrations(connection, shape, "", current.values());

        Map<Record, Outcome> outcomes = new LinkedHashMap<>();
        Map<Record, RowRef> targets = new LinkedHashMap<>();
        for (Record record : records) {
            StoredRow row = record.targetId() == null ? null : current.get(record.targetId());
            RowRef ref = row == null ? RowRef.pending() : RowRef.existing(row.id());
            Map<String, RowRef> childRefs = new HashMap<>();
            boolean changed = planNode(shape, "", record, row, ref, List.of(), childRefs, List.of(record));
            changed |= planLateColumns();
            changed |= planReferences(shape, record, row, ref, childRefs);
            if (Registry.isRegistrable(record.sourceId())) {
                plan.register(handler.type(), record.sourceId(), ref, handler.naturalKey(job, record));
            }
            outcomes.put(record, row == null ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED);
            targets.put(record, ref);
        }
        return new PlannedWrite(plan, outcomes, targets);
    }

    /** One step per table of the shape, parents before children, so the plan runs inserts in a workable order. */
    private void createSteps(TableShape shape, String path) {
        steps.put(path, plan.step(path, shape, typeId(shape)));
        for (TableShape child : shape.children()) {
            createSteps(child, path(path, child));
        }
    }

    /** Steps for late updates run after every table's inserts. */
    private TableChanges lateStep(String path, TableShape shape) {
        return steps.computeIfAbsent(path + "#late", k -> plan.step(k, shape, typeId(shape)));
    }

    private static String path(String parent, TableShape child) {
        return parent.isEmpty() ? child.name() : parent + "/" + child.name();
    }

    private int typeId(TableShape shape) {
        return shape.hasValues() ? shop.requireEntityType(shape.entityTypeCode()).id() : 0;
    }

    /** Which of the destination's registered children came from this source, for every registered child table. */
    private void loadRegistrations(Connection connection, TableShape shape, String path, java.util.Collection<StoredRow> rows)
            throws SQLException {
        for (TableShape child : shape.children()) {
            List<StoredRow> children = new ArrayList<>();
            rows.forEach(row -> children.addAll(row.children(child.name())));
            String childPath = path(path, child);
            if (child.registryType() != null) {
                List<Long> ids = children.stream().map(StoredRow::id).toList();
                registeredChildren.put(childPath, job.registry().sourceIdsOfTargets(connection, child.registryType(), ids));
            }
            loadRegistrations(connection, child, childPath, children);
        }
    }

    /** Plans a row, its values and its children; true when anything changes. */
    private boolean planNode(TableShape shape, String path, Record record, StoredRow current, RowRef ref,
                             List<RowRef> ancestors, Map<String, RowRef> childRefs, List<Record> owners) {
        DestinationForm form = record.mapped(DestinationForm.class);
        TableChanges changes = steps.get(path);
        planned.put(record, ref);
        boolean changed;
        if (current == null) {
            insert(path, shape, form, ref, ancestors, record.complete(), keptIds.idOf(shape, record));
            changed = true;
        } else {
            changed = update(changes, shape, form, current, ref, record.complete());
        }
        changed |= planChildColumns(path, shape, form, current, ref, owners);
        List<RowRef> childAncestors = new ArrayList<>();
        childAncestors.add(ref);
        childAncestors.addAll(ancestors);
        for (TableShape child : shape.children()) {
            changed |= planChildren(child, path(path, child), record, current, childAncestors, childRefs, owners);
        }
        return changed;
    }

    /**
     * Columns pointing at another row of the same record: set at once when that row is planned already (it is
     * written first), else by a late update once every row of the batch is written.
     */
    private boolean planChildColumns(String path, TableShape shape, DestinationForm form, StoredRow current, RowRef ref,
                                     List<Record> owners) {
        boolean changed = false;
        for (Map.Entry<String, ChildRef> column : form.childColumns().entrySet()) {
            RowRef target = findChild(column.getValue(), owners);
            String now = current == null ? null : current.column(column.getKey());
            if (target != null && target.id() != null && ValueFormat.same("int", String.valueOf(target.id()), now)) {
                continue;
            }
            if (target != null && current == null) {
                steps.get(path).inserts().get(steps.get(path).inserts().size() - 1).columns().put(column.getKey(), target);
                changed = true;
            } else {
                // whether it changes is known once the row it points at is planned
                lateColumns.add(new LateColumn(path, shape, ref, column.getKey(), now, column.getValue(), owners));
            }
        }
        return changed;
    }

    private boolean planLateColumns() {
        boolean changed = false;
        for (LateColumn late : lateColumns) {
            RowRef target = findChild(late.target(), late.owners());
            if (target == null) {
                job.report().warn(late.shape().table() + "." + late.column() + ": points at " + late.target()
                        + ", which the record does not have; not set");
                continue;
            }
            if (target.id() != null && ValueFormat.same("int", String.valueOf(target.id()), late.now())) {
                continue;
            }
            lateStep(late.path(), late.shape()).update(Map.of(late.shape().idColumn(), late.row()), Map.of(late.column(), target));
            changed = true;
        }
        lateColumns.clear();
        return changed;
    }

    /** The planned row a child reference points at, among the children of the row's own record or its ancestors'. */
    private RowRef findChild(ChildRef ref, List<Record> owners) {
        for (Record owner : owners) {
            for (Record child : owner.children(ref.child())) {
                String value = ref.column() == null ? child.sourceId() : child.text(ref.column());
                if (ref.value().equals(value) && planned.containsKey(child)) {
                    return planned.get(child);
                }
            }
        }
        return null;
    }

    /** @param id the id the row takes ({@code --keep-ids}), or null for the destination's next one */
    private void insert(String path, TableShape shape, DestinationForm form, RowRef ref, List<RowRef> ancestors, boolean complete,
                        Long id) {
        TableChanges changes = steps.get(path);
        Map<String, Object> columns = new LinkedHashMap<>(Record.capacityFor(form.columns().size() + 4));
        if (id != null) {
            columns.put(shape.idColumn(), id);
        }
        java.util.Set<String> nullable = destination.nullableColumns(shape.table());
        form.columns().forEach((column, value) -> {
            // a value the source has empty is empty on the destination too, not the column's default
            if (value != null || (complete && nullable.contains(column))) {
                columns.put(column, value);
            }
        });
        if (shape.parentColumn() != null) {
            columns.put(shape.parentColumn(), ancestors.get(0));
        }
        shape.ancestorColumns().forEach((column, generations) -> columns.put(column, ancestors.get(generations - 1)));
        handler.defaults(job, shape, columns, ref, ancestors);
        changes.insert(shape.idColumn() == null ? null : ref, columns);
        Map<String, Object> late = handler.inserted(job, shape, columns, ref);
        if (!late.isEmpty()) {
            lateStep(path, shape).update(Map.of(shape.idColumn(), ref), late);
        }
        form.values().forEach((key, value) ->
                changes.value(key.attribute().backendType(), key.attribute().id(), key.storeId(), ref, value));
    }

    private boolean update(TableChanges changes, TableShape shape, DestinationForm form, StoredRow current, RowRef ref,
                           boolean complete) {
        if (!handler.mayUpdate(job, shape)) {
            return false;
        }
        boolean changed = false;
        Map<String, String> types = destination.columns(shape.table());
        Map<String, Object> set = new LinkedHashMap<>();
        for (Map.Entry<String, String> column : form.columns().entrySet()) {
            String now = current.column(column.getKey());
            if (handler.mayUpdate(job, shape, column.getKey()) && mayChange(now, column.getValue(), complete)
                    && !ValueFormat.same(types.getOrDefault(column.getKey(), "varchar"), column.getValue(), now)) {
                set.put(column.getKey(), column.getValue());
            }
        }
        if (!set.isEmpty()) {
            if (handler.wholeRows(shape)) {
                set.clear();
                form.columns().forEach((column, value) -> {
                    if (handler.mayUpdate(job, shape, column)) {
                        set.put(column, value);
                    }
                });
            }
            changes.update(where(shape, current), set);
            changed = true;
        }
        for (Map.Entry<DestinationForm.ValueKey, String> value : form.values().entrySet()) {
            ShopMetadata.Attribute attribute = value.getKey().attribute();
            int storeId = value.getKey().storeId();
            String now = current.value(attribute.code(), storeId);
            boolean nullRowMissing = mode == OnDuplicate.UPDATE && value.getValue() == null && storeId != 0 && !current.hasValue(attribute.code(), storeId);
            if (nullRowMissing || mayChange(now, value.getValue(), complete)
                    && !ValueFormat.same(ValueFormat.dataTypeOfBackend(attribute.backendType()), value.getValue(), now)) {
                changes.value(attribute.backendType(), attribute.id(), value.getKey().storeId(), ref, value.getValue());
                changed = true;
            }
        }
        if (mode == OnDuplicate.UPDATE && complete && shape.hasValues()) {
            changed |= deleteValuesTheSourceLacks(changes, shape, form, current);
        }
        return changed;
    }

    /** A row is found by its id, or, in a table without one, by its parent and key columns as stored. */
    private static Map<String, Object> where(TableShape shape, StoredRow row) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (shape.idColumn() != null) {
            where.put(shape.idColumn(), row.id());
            return where;
        }
        where.put(shape.parentColumn(), row.column(shape.parentColumn()));
        for (String key : shape.keyColumns()) {
            where.put(key, row.column(key));
        }
        return where;
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
    private boolean deleteValuesTheSourceLacks(TableChanges changes, TableShape shape, DestinationForm form, StoredRow current) {
        boolean changed = false;
        String type = shape.entityTypeCode();
        ShopMetadata input = job.inputShop();
        for (Map.Entry<String, Map<Integer, String>> value : current.values().entrySet()) {
            String code = value.getKey();
            if (handler.referenceFields().containsKey(code) || input.attribute(type, code).isEmpty()) {
                continue;
            }
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElse(null);
            if (attribute == null) {
                continue;
            }
            for (Integer storeId : value.getValue().keySet()) {
                boolean storeKnown = storeId == 0 || shop.store(storeId).flatMap(store -> input.storeByCode(store.code())).isPresent();
                if (storeKnown && !form.values().containsKey(new DestinationForm.ValueKey(attribute, storeId))) {
                    changes.deleteValue(attribute.backendType(), attribute.id(), storeId, current.id());
                    changed = true;
                }
            }
        }
        return changed;
    }

    private boolean planChildren(TableShape child, String path, Record record, StoredRow parent, List<RowRef> ancestors,
                                 Map<String, RowRef> childRefs, List<Record> owners) {
        boolean changed = false;
        List<StoredRow> unmatched = new ArrayList<>(parent == null ? List.of() : parent.children(child.name()));
        Map<Long, String> registered = registeredChildren.getOrDefault(path, Map.of());
        for (Record childRecord : record.children(child.name())) {
            if (childRecord.mapped(DestinationForm.class).dropped()) {
                continue;
            }
            StoredRow match = matchChild(child, childRecord, unmatched, registered);
            unmatched.remove(match);
            RowRef ref = match == null ? RowRef.pending() : RowRef.existing(match.id() == null ? 0 : match.id());
            List<Record> childOwners = new ArrayList<>();
            childOwners.add(childRecord);
            childOwners.addAll(owners);
            changed |= planNode(child, path, childRecord, match, ref, ancestors, childRefs, childOwners);
            if (childRecord.sourceId() != null && ancestors.size() == 1) {
                childRefs.put(child.name() + "/" + childRecord.sourceId(), ref);
            }
            if (child.registryType() != null && Registry.isRegistrable(childRecord.sourceId())) {
                plan.register(child.registryType(), childRecord.sourceId(), ref, null);
            }
        }
        if (mode == OnDuplicate.UPDATE && record.completeChildren().contains(child.name())) {
            changed |= deleteUnmatched(child, path, unmatched, registered);
        }
        return changed;
    }

    private boolean deleteUnmatched(TableShape child, String path, List<StoredRow> unmatched, Map<Long, String> registered) {
        boolean changed = false;
        TableShape.Deletion deletion = handler.deletion(job, child);
        for (StoredRow row : unmatched) {
            String sourceId = row.id() == null ? null : registered.get(row.id());
            if (deletion == TableShape.Deletion.UNMATCHED || (deletion == TableShape.Deletion.REGISTERED && sourceId != null)) {
                steps.get(path).delete(where(child, row));
                if (sourceId != null) {
                    plan.forget(child.registryType(), sourceId);
                }
                changed = true;
            }
        }
        return changed;
    }

    /** The destination child that is this source child: by registry, by key columns, else by content among unregistered ones. */
    private StoredRow matchChild(TableShape child, Record childRecord, List<StoredRow> candidates, Map<Long, String> registered) {
        if (candidates.isEmpty()) {
            return null;
        }
        String sourceId = childRecord.sourceId();
        if (child.registryType() != null && Registry.isRegistrable(sourceId)) {
            for (StoredRow row : candidates) {
                if (sourceId.equals(registered.get(row.id()))) {
                    return row;
                }
            }
        }
        String key = handler.childKey(child, canonical(child, RowView.of(childRecord)));
        if (key == null) {
            return null;
        }
        for (StoredRow row : candidates) {
            String owner = row.id() == null ? null : registered.get(row.id());
            if ((owner == null || owner.equals(sourceId)) && key.equals(handler.childKey(child, canonical(child, RowView.of(row))))) {
                return row;
            }
        }
        return null;
    }

    /** A row's values in the form equal values share, by the destination's column types: keys then compare as text. */
    private RowView canonical(TableShape shape, RowView row) {
        Map<String, String> types = destination.columns(shape.table());
        return new RowView() {
            @Override
            public String get(String column) {
                return ValueFormat.canonical(types.getOrDefault(column, "varchar"), row.get(column));
            }

            @Override
            public List<RowView> children(String name) {
                TableShape child = shape.child(name).orElse(shape);
                return row.children(name).stream().map(view -> canonical(child, view)).toList();
            }
        };
    }

    /** Attribute values that point at one of the record's own children (default_billing), set once the children exist. */
    private boolean planReferences(TableShape shape, Record record, StoredRow current, RowRef ref, Map<String, RowRef> childRefs) {
        boolean changed = false;
        DestinationForm form = record.mapped(DestinationForm.class);
        TableChanges changes = steps.get(REFERENCES);
        for (Map.Entry<String, String> reference : handler.referenceFields().entrySet()) {
            String code = reference.getKey();
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
            RowRef target = childRefs.get(reference.getValue() + "/" + childKey);
            if (target == null) {
                job.report().warn(handler.type() + "." + code + ": points at a " + reference.getValue() + " entry (" + childKey
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
}
