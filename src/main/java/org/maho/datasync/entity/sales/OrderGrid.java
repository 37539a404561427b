package org.maho.datasync.entity.sales;

import java.util.List;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * An order's row in {@code sales_flat_order_grid}, built from the order as OpenMage builds it on save, for an order
 * whose input has none (a file): without it the order is missing from the admin's order list.
 */
final class OrderGrid {

    private static final List<String> COPIED = List.of("status", "store_id", "store_name", "customer_id", "base_grand_total",
            "base_total_paid", "grand_total", "total_paid", "increment_id", "base_currency_code", "order_currency_code",
            "created_at", "updated_at");

    private OrderGrid() {}

    static void derive(Record order) {
        Record grid = new Record("grid", null, order.origin() + " (grid row)");
        for (String field : COPIED) {
            Object value = order.get(field);
            if (value instanceof Ref ref) {
                // the grid's customer is a copy: the order itself says whether it may be missing
                value = new Ref(ref.entityType(), ref.sourceId(), ref.naturalKey(), Ref.Missing.EMPTY);
            }
            if (value != null) {
                grid.put(field, value);
            }
        }
        grid.put("billing_name", name(order, "billing"));
        grid.put("shipping_name", name(order, "shipping"));
        order.addChild(OrderHandler.GRID.name(), grid);
    }

    /** "Firstname Lastname" of the order's address of that type, as OpenMage's grid shows it. */
    private static String name(Record order, String addressType) {
        for (Record address : order.children(OrderHandler.ADDRESSES.name())) {
            if (addressType.equals(address.text("address_type"))) {
                String first = address.text("firstname");
                String last = address.text("lastname");
                return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
            }
        }
        return null;
    }
}
