package org.maho.datasync.entity.sales;

import java.util.Set;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;

/**
 * Invoices with their items, comments and grid row. The order comes through the registry, else by increment id; each
 * item points at the destination's order item through the registry the order sync filled. Totals are copied as
 * the source has them: the order's invoiced totals came with the order and are never added to again.
 */
public final class InvoiceHandler extends SalesDocumentHandler {

    public static final TableShape ITEMS = SalesDocuments.items("sales_flat_invoice_item");
    public static final TableShape COMMENTS = SalesDocuments.comments("sales_flat_invoice_comment");
    public static final TableShape GRID = SalesDocuments.grid("sales_flat_invoice_grid");
    public static final TableShape INVOICE = SalesDocuments.document("sales_flat_invoice").with(ITEMS, COMMENTS, GRID);

    public InvoiceHandler() {
        super("invoice", INVOICE, "invoice", Set.of(GRID), "invoices");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("order");
    }

    @Override
    protected void validateDocument(SyncJob job, Record record) {
        SalesDocuments.requireOrder(record);
    }
}
