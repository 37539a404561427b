package org.maho.datasync.entity.sales;

import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;

/** The tables invoices, shipments and credit memos have in common, declared once. */
final class SalesDocuments {

    private SalesDocuments() {}

    /** The document: its order is required, its addresses are the order's. */
    static TableShape document(String table) {
        return TableShape.flatEntity(table, "entity_id")
                .ref("order_id", "order", Ref.Missing.INVALID)
                .ref("billing_address_id", "order_address", Ref.Missing.EMPTY)
                .ref("shipping_address_id", "order_address", Ref.Missing.EMPTY);
    }

    /** Items: each one the destination's order item it belongs to, which identifies it within the document. */
    static TableShape items(String table) {
        return TableShape.child("items", table, "entity_id", "parent_id").keys("order_item_id")
                .ref("order_item_id", "order_item", Ref.Missing.INVALID)
                .ref("product_id", "product", Ref.Missing.EMPTY);
    }

    static TableShape comments(String table) {
        return TableShape.child("comments", table, "entity_id", "parent_id").keys("created_at", "comment");
    }

    /** The grid row, whose id is the document's. */
    static TableShape grid(String table) {
        return TableShape.child("grid", table, null, "entity_id").ref("order_id", "order", Ref.Missing.INVALID);
    }

    static void requireOrder(Record record) {
        if (record.get("order_id") == null) {
            record.reject("order_id", "is missing");
        }
    }
}
