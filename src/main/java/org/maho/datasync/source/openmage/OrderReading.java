package org.maho.datasync.source.openmage;

import org.maho.datasync.entity.sales.OrderHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/** Orders: their address ids and a child item's parent are rows of the same order, carried as such. */
final class OrderReading extends SalesDocumentReading {

    @Override
    public Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        String value = row.column(column);
        if (value == null) {
            return null;
        }
        if (shape == OrderHandler.ORDER && ("billing_address_id".equals(column) || "shipping_address_id".equals(column))) {
            return ChildRef.bySourceId(OrderHandler.ADDRESSES.name(), value);
        }
        if (shape == OrderHandler.ITEMS && "parent_item_id".equals(column)) {
            return ChildRef.bySourceId(OrderHandler.ITEMS.name(), value);
        }
        return null;
    }
}
