package org.maho.datasync.source.openmage;

import java.util.List;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * Orders, invoices, shipments and credit memos, selected by the date they were placed, as the original tool did. A
 * document is history: one whose store, customer group or customer no longer exists at the source is read with that
 * reference empty (and so written, and compared, that way), and the run counts it, never rejects it for it.
 */
class SalesDocumentReading implements OpenMageReading {

    @Override
    public String dateColumn() {
        return "created_at";
    }

    @Override
    public Record whenRead(SyncJob job, Record document) {
        keepHistory(job, document, document);
        return document;
    }

    private static void keepHistory(SyncJob job, Record document, Record row) {
        String type = job.handler().type();
        for (String field : List.of("store_id", "customer_group_id")) {
            if (row.get(field) instanceof RawValue) {
                job.report().warn(type + "." + field + ": points at a " + (field.equals("store_id") ? "store" : "customer group")
                        + " the source no longer has; written empty");
                row.put(field, null);
            }
        }
        if (row == document && row.get("customer_id") instanceof Ref customer && customer.naturalKey() == null
                && customer.sourceId() != null) {
            job.report().warn(type + ".customer_id: points at a customer the source no longer has; written without one");
            row.put("customer_id", null);
        }
        row.allChildren().values().forEach(children -> children.forEach(child -> keepHistory(job, document, child)));
    }
}
