package org.maho.datasync.source.openmage;

import java.util.List;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.db.TableQuery.Op;
import org.maho.datasync.entity.store.StoreHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/**
 * Websites with their groups and store views. The admin website, group and store (id 0) are every shop's own; a
 * website's default group and a group's default store are rows of the same record.
 */
final class StoreReading implements OpenMageReading {

    @Override
    public List<List<Condition>> passes(SyncJob job) {
        return List.of(List.of(new Condition("website_id", Op.GT, List.of(0))));
    }

    @Override
    public Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        String value = row.column(column);
        if (shape == StoreHandler.WEBSITE && "default_group_id".equals(column)) {
            return "0".equals(value) ? null : ChildRef.bySourceId(StoreHandler.GROUPS.name(), value);
        }
        if (shape == StoreHandler.GROUPS && "default_store_id".equals(column)) {
            return "0".equals(value) ? null : ChildRef.bySourceId(StoreHandler.STORES.name(), value);
        }
        return null;
    }
}
