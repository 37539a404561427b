package org.maho.datasync.entity.sales;

import java.util.List;
import java.util.Set;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Shipments with their items, tracking numbers, comments and grid row, linked to the destination's order and order
 * items. Tracks added on the source after an earlier run arrive on the next.
 */
public final class ShipmentHandler extends SalesDocumentHandler {

    public static final TableShape ITEMS = SalesDocuments.items("sales_flat_shipment_item");
    public static final TableShape TRACKS = TableShape.child("tracks", "sales_flat_shipment_track", "entity_id", "parent_id")
            .keys("carrier_code", "track_number").ref("order_id", "order", Ref.Missing.INVALID);
    public static final TableShape COMMENTS = SalesDocuments.comments("sales_flat_shipment_comment");
    public static final TableShape GRID = SalesDocuments.grid("sales_flat_shipment_grid");
    public static final TableShape SHIPMENT = SalesDocuments.document("sales_flat_shipment")
            .ref("customer_id", "customer", Ref.Missing.EMPTY)
            .kind("shipping_label", ValueKind.NOT_COPIED)
            .with(ITEMS, TRACKS, COMMENTS, GRID);

    public ShipmentHandler() {
        super("shipment", SHIPMENT, "shipment", Set.of(GRID), "shipments");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("order");
    }

    @Override
    protected void validateDocument(SyncJob job, Record record) {
        SalesDocuments.requireOrder(record);
        List<Record> tracks = record.children(TRACKS.name());
        for (int i = 0; i < tracks.size(); i++) {
            String number = tracks.get(i).text("track_number");
            if (number == null || number.isBlank()) {
                record.reject("tracks[" + (i + 1) + "].track_number", "is missing");
            }
        }
    }
}
