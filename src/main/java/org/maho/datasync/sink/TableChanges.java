package org.maho.datasync.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maho.datasync.model.TableShape;

/**
 * Changes to one table of a shape (and its value tables when it is an EAV table), for one batch. Values are
 * text, or a {@link Deferred} known only once an earlier insert of the plan has run.
 */
public final class TableChanges {

    public record NewRow(RowRef ref, Map<String, Object> columns) {}

    public record RowUpdate(Map<String, Object> where, Map<String, Object> set) {}

    public record ValueWrite(String backendType, int attributeId, int storeId, RowRef entity, Object value) {}

    public record ValueDelete(String backendType, int attributeId, int storeId, long entityId) {}

    private final TableShape shape;
    private final int entityTypeId;
    private final List<NewRow> inserts = new ArrayList<>();
    private final List<RowUpdate> updates = new ArrayList<>();
    private final List<ValueWrite> values = new ArrayList<>();
    private final List<ValueDelete> valueDeletes = new ArrayList<>();
    private final List<Map<String, Object>> deletes = new ArrayList<>();

    public TableChanges(TableShape shape, int entityTypeId) {
        this.shape = shape;
        this.entityTypeId = entityTypeId;
    }

    public TableShape shape() { return shape; }
    public int entityTypeId() { return entityTypeId; }
    public List<NewRow> inserts() { return inserts; }
    public List<RowUpdate> updates() { return updates; }
    public List<ValueWrite> values() { return values; }
    public List<ValueDelete> valueDeletes() { return valueDeletes; }
    public List<Map<String, Object>> deletes() { return deletes; }

    /** @param ref receives the new row's id; null for a table without an id column */
    public void insert(RowRef ref, Map<String, Object> columns) {
        inserts.add(new NewRow(ref, columns));
    }

    public void update(Map<String, Object> where, Map<String, Object> set) {
        if (!set.isEmpty()) {
            updates.add(new RowUpdate(where, set));
        }
    }

    public void value(String backendType, int attributeId, int storeId, RowRef entity, Object value) {
        values.add(new ValueWrite(backendType, attributeId, storeId, entity, value));
    }

    public void deleteValue(String backendType, int attributeId, int storeId, long entityId) {
        valueDeletes.add(new ValueDelete(backendType, attributeId, storeId, entityId));
    }

    public void delete(Map<String, Object> where) {
        deletes.add(where);
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && values.isEmpty() && valueDeletes.isEmpty() && deletes.isEmpty();
    }
}
