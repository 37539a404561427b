package org.maho.datasync.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maho.datasync.eav.EavShape;

/**
 * Changes to one EAV entity table and its value tables, for one batch. Column and value objects are
 * text, or a {@link RowRef} whose id is known only once an earlier insert of the plan has run.
 */
public final class TableChanges {

    public record NewRow(RowRef ref, Map<String, Object> columns) {}

    public record RowUpdate(long id, Map<String, Object> columns) {}

    public record ValueWrite(String backendType, int attributeId, int storeId, RowRef entity, Object value) {}

    public record ValueDelete(String backendType, int attributeId, int storeId, long entityId) {}

    private final EavShape shape;
    private final int entityTypeId;
    private final List<NewRow> inserts = new ArrayList<>();
    private final List<RowUpdate> updates = new ArrayList<>();
    private final List<ValueWrite> values = new ArrayList<>();
    private final List<ValueDelete> valueDeletes = new ArrayList<>();
    private final List<Long> rowDeletes = new ArrayList<>();

    public TableChanges(EavShape shape, int entityTypeId) {
        this.shape = shape;
        this.entityTypeId = entityTypeId;
    }

    public EavShape shape() { return shape; }
    public int entityTypeId() { return entityTypeId; }
    public List<NewRow> inserts() { return inserts; }
    public List<RowUpdate> updates() { return updates; }
    public List<ValueWrite> values() { return values; }
    public List<ValueDelete> valueDeletes() { return valueDeletes; }
    public List<Long> rowDeletes() { return rowDeletes; }

    public void insert(RowRef ref, Map<String, Object> columns) {
        inserts.add(new NewRow(ref, columns));
    }

    public void update(long id, Map<String, Object> columns) {
        if (!columns.isEmpty()) {
            updates.add(new RowUpdate(id, columns));
        }
    }

    public void value(String backendType, int attributeId, int storeId, RowRef entity, Object value) {
        values.add(new ValueWrite(backendType, attributeId, storeId, entity, value));
    }

    public void deleteValue(String backendType, int attributeId, int storeId, long entityId) {
        valueDeletes.add(new ValueDelete(backendType, attributeId, storeId, entityId));
    }

    public void deleteRow(long id) {
        rowDeletes.add(id);
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && values.isEmpty() && valueDeletes.isEmpty() && rowDeletes.isEmpty();
    }
}
