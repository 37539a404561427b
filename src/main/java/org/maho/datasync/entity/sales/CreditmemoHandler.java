package org.maho.datasync.entity.sales;

import java.util.Set;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;

/**
 * Credit memos with their items, comments and grid row, linked to the destination's order, order items and (when
 * synced) invoice. The order's refunded totals came with the order and are never added to again.
 */
public final class CreditmemoHandler extends SalesDocumentHandler {

    public static final TableShape ITEMS = SalesDocuments.items("sales_flat_creditmemo_item");
    public static final TableShape COMMENTS = SalesDocuments.comments("sales_flat_creditmemo_comment");
    public static final TableShape GRID = SalesDocuments.grid("sales_flat_creditmemo_grid").ref("invoice_id", "invoice", Ref.Missing.EMPTY);
    public static final TableShape CREDITMEMO = SalesDocuments.document("sales_flat_creditmemo")
            .ref("invoice_id", "invoice", Ref.Missing.EMPTY).with(ITEMS, COMMENTS, GRID);

    public CreditmemoHandler() {
        super("creditmemo", CREDITMEMO, "creditmemo", Set.of(GRID), "creditmemos",
                "credit_memo");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("order", "invoice");
    }

    @Override
    protected void validateDocument(SyncJob job, Record record) {
        SalesDocuments.requireOrder(record);
        for (String adjustment : new String[] {"adjustment_positive", "adjustment_negative"}) {
            requireAmountNotNegative(record, adjustment);
        }
    }
}
