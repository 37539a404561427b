package org.maho.datasync.entity.sales;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Orders with their addresses, items (a configurable or bundle item's children pointing at it), payment, status
 * history and grid row. The customer comes through the registry, else by email and website; a guest order stays a
 * guest's. An item's product is found by sku, or left empty when the destination does not have it: the item keeps
 * the sku, name and prices the order was placed with. Items and addresses are registered, so invoices, shipments and
 * credit memos find the destination's rows they belong to.
 */
public final class OrderHandler extends SalesDocumentHandler {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    public static final TableShape ADDRESSES = TableShape.child("addresses", "sales_flat_order_address", "entity_id", "parent_id")
            .registered("order_address").keys("address_type")
            .ref("customer_id", "customer", Ref.Missing.EMPTY)
            .ref("customer_address_id", "customer_address", Ref.Missing.EMPTY)
            .kind("region_id", ValueKind.REGION)
            .kind("quote_address_id", ValueKind.NOT_COPIED).kind("gift_message_id", ValueKind.NOT_COPIED);
    /** Items without a registry entry (from a file) are matched by what was ordered. */
    public static final TableShape ITEMS = TableShape.child("items", "sales_flat_order_item", "item_id", "order_id")
            .registered("order_item").keys("sku", "product_type", "qty_ordered", "price")
            .ref("product_id", "product", Ref.Missing.EMPTY).refList("applied_rule_ids", "salesrule")
            .kind("quote_item_id", ValueKind.NOT_COPIED).kind("gift_message_id", ValueKind.NOT_COPIED);
    public static final TableShape PAYMENT = TableShape.child("payment", "sales_flat_order_payment", "entity_id", "parent_id")
            .kind("quote_payment_id", ValueKind.NOT_COPIED);
    public static final TableShape STATUS_HISTORY = TableShape.child("status_history", "sales_flat_order_status_history", "entity_id",
            "parent_id").keys("created_at", "status", "entity_name", "comment");
    public static final TableShape GRID = TableShape.child("grid", "sales_flat_order_grid", null, "entity_id")
            .ref("customer_id", "customer", Ref.Missing.EMPTY);
    public static final TableShape ORDER = TableShape.flatEntity("sales_flat_order", "entity_id")
            .ref("customer_id", "customer", Ref.Missing.INVALID).refList("applied_rule_ids", "salesrule")
            .kind("quote_id", ValueKind.NOT_COPIED).kind("quote_address_id", ValueKind.NOT_COPIED)
            .kind("gift_message_id", ValueKind.NOT_COPIED)
            .with(ADDRESSES, ITEMS, PAYMENT, STATUS_HISTORY, GRID);

    public OrderHandler() {
        super("order", ORDER, "order", Set.of(PAYMENT, GRID), "orders");
    }

    @Override
    protected void validateDocument(SyncJob job, Record record) {
        String email = record.text("customer_email");
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
            record.reject("customer_email", "'" + email + "' is not a valid email address");
        }
        List<Record> items = record.children(ITEMS.name());
        for (int i = 0; i < items.size(); i++) {
            Record item = items.get(i);
            String where = "items[" + (i + 1) + "]";
            if (isBlank(item.text("sku")) && isBlank(item.text("name"))) {
                record.reject(where + ".sku", "an item needs a sku or a name");
            }
            Object qty = item.get("qty_ordered");
            if (qty != null && !isPositive(qty.toString())) {
                record.reject(where + ".qty_ordered", "'" + qty + "' is not a quantity above 0");
            }
            for (String amount : List.of("price", "row_total", "tax_amount", "discount_amount")) {
                Object value = item.get(amount);
                if (value != null && !(value instanceof org.maho.datasync.model.RawValue) && !isNumber(value.toString())) {
                    record.reject(where + "." + amount, "'" + value + "' is not a number");
                }
            }
        }
        linkCustomerOrGuest(job, record);
        if (record.children(GRID.name()).isEmpty()) {
            OrderGrid.derive(record);
        }
    }

    /**
     * A file's order names its customer by source id or email: when the destination has no such customer, the order
     * is a guest's, as the original tool made it. (An order read from a shop names a customer that must exist.)
     */
    private static void linkCustomerOrGuest(SyncJob job, Record order) {
        if (!(order.get("customer_id") instanceof Ref customer) || customer.required()) {
            return;
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        if (job.references().get(customer) == null) {
            job.report().warn("order.customer_id: a customer the input names is not on the destination (by source id or by"
                    + " email in the order's website); its orders are imported as guest orders");
            guest(order, shop);
        } else {
            order.fields().putIfAbsent("customer_is_guest", "0");
            if (order.get("customer_group_id") == null) {
                shop.customerGroupCode(1).ifPresent(code -> order.put("customer_group_id", code));
            }
        }
    }

    /** An order without a customer on the destination is a guest's, in the NOT LOGGED IN group. */
    public static void guest(Record order, ShopMetadata shop) {
        order.put("customer_id", null);
        order.put("customer_is_guest", "1");
        shop.customerGroupCode(0).ifPresent(code -> order.put("customer_group_id", code));
    }

    private static boolean isPositive(String text) {
        try {
            return new java.math.BigDecimal(text.trim()).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String text) {
        try {
            new java.math.BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

}
