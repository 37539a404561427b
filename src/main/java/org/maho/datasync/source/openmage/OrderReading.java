package org.maho.datasync.source.openmage;

import org.maho.datasync.eav.ChildRef;
import org.maho.datasync.eav.StoredRow;
import org.maho.datasync.eav.TableShape;
import org.maho.datasync.entity.OrderHandler;
import org.maho.datasync.pipeline.SyncJob;

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
