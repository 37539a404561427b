package org.maho.datasync.source.openmage;

import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/** Shipments. A shipping label is a carrier's PDF, bytes this text pipeline does not carry: said, never dropped silently. */
final class ShipmentReading extends SalesDocumentReading {

    @Override
    public Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        if (shape.name().isEmpty() && "shipping_label".equals(column) && row.column(column) != null) {
            job.report().warn("shipment.shipping_label: shipping labels are not copied; print them again on the destination");
        }
        return null;
    }
}
