package org.maho.datasync.source.woocommerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.sales.CreditmemoHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.source.OrderRecords;
import org.maho.datasync.source.PagedIterator;
import org.maho.datasync.source.ShopDefaults;

/**
 * Refunds ({@code shop_order_refund}, as posts or in HPOS tables) as credit memos of their orders. WooCommerce keeps a
 * refund's items and amounts as negative numbers on items of its own that name the order's item they refund; a credit
 * memo keeps them positive, on the order's items. What the refund gives back beyond its items, tax and shipping (an
 * amount-only refund) is the credit memo's positive adjustment; its reason is its comment. A credit memo's number is the
 * refund's id.
 */
final class WooRefunds extends PagedIterator<Record> {

    private final SyncJob job;
    private final WordPress shop;
    private final OrderStorage storage;
    private final ShopDefaults defaults;
    private final WooSkus skus;
    private long after;

    private WooRefunds(SyncJob job, WordPress shop) {
        this.job = job;
        this.shop = shop;
        this.storage = OrderStorage.of(shop);
        this.defaults = ShopDefaults.of(job);
        this.skus = new WooSkus(job, shop);
    }

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        return new WooRefunds(job, shop);
    }

    @Override
    protected List<Record> nextPage() {
        List<Map<String, String>> refunds = storage.orders(OrderStorage.REFUND, after, job.spec().batchSize());
        if (refunds.isEmpty()) {
            return List.of();
        }
        after = Long.parseLong(refunds.get(refunds.size() - 1).get("ID"));
        List<String> ids = refunds.stream().map(refund -> refund.get("ID")).toList();
        Set<String> orders = new LinkedHashSet<>();
        refunds.forEach(refund -> orders.add(refund.get("post_parent")));
        Map<String, Map<String, String>> meta = storage.meta(ids);
        Map<String, Map<String, String>> orderMeta = storage.meta(orders);
        Map<String, List<Map<String, String>>> items = new HashMap<>();
        for (Map<String, String> item : shop.rows(shop.from("woocommerce_order_items").whereIn("order_id", ids)
                .where("order_item_type", org.maho.datasync.db.TableQuery.Op.EQ, "line_item").orderBy("order_item_id"))) {
            items.computeIfAbsent(item.get("order_id"), id -> new ArrayList<>()).add(item);
        }
        List<String> itemIds = new ArrayList<>();
        items.values().forEach(list -> list.forEach(item -> itemIds.add(item.get("order_item_id"))));
        Map<String, Map<String, String>> itemMeta = shop.meta("woocommerce_order_itemmeta", "order_item_id", itemIds);
        Map<String, String> itemSkus = WooOrders.productSkus(skus, itemMeta);
        List<Record> page = new ArrayList<>();
        for (Map<String, String> refund : refunds) {
            String order = refund.get("post_parent");
            page.add(creditmemo(refund, meta.getOrDefault(refund.get("ID"), Map.of()), order,
                    WooOrders.number(order, orderMeta.getOrDefault(order, Map.of())), items.getOrDefault(refund.get("ID"), List.of()), itemMeta, itemSkus));
        }
        return page;
    }

    private Record creditmemo(Map<String, String> refund, Map<String, String> meta, String order, String orderNumber,
                              List<Map<String, String>> items, Map<String, Map<String, String>> itemMeta, Map<String, String> itemSkus) {
        String id = refund.get("ID");
        Record memo = new Record("creditmemo", id, "posts ID=" + id + " (refund of order " + orderNumber + ")");
        memo.put("increment_id", id);
        memo.put("order_id", new Ref("order", order, orderNumber.toLowerCase(java.util.Locale.ROOT), Ref.Missing.INVALID));
        memo.put("state", "2"); // refunded: WooCommerce records a refund once it is made
        put(memo, "store_id", defaults.store());
        put(memo, "created_at", Texts.gmt(refund.get("post_date_gmt")));
        put(memo, "updated_at", Texts.gmt(refund.get("post_modified_gmt")));
        OrderRecords.oneCurrency(memo, meta.get("_order_currency"));
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal itemTax = BigDecimal.ZERO;
        for (Map<String, String> item : items) {
            Map<String, String> values = itemMeta.getOrDefault(item.get("order_item_id"), Map.of());
            BigDecimal qty = Texts.decimal(values.get("_qty")).abs();
            BigDecimal total = Texts.decimal(values.get("_line_total")).abs();
            BigDecimal tax = Texts.decimal(values.get("_line_tax")).abs();
            Record line = new Record("creditmemo_item", item.get("order_item_id"), memo.origin() + " (item " + item.get("order_item_id") + ")");
            line.put("order_item_id", new Ref("order_item", values.get("_refunded_item_id"), null, Ref.Missing.INVALID));
            WooOrders.product(line, values, itemSkus);
            line.put("name", item.get("order_item_name"));
            line.put("qty", qty.toPlainString());
            WooOrders.both(line, "price", qty.signum() == 0 ? BigDecimal.ZERO : total.divide(qty, 4, RoundingMode.HALF_UP));
            WooOrders.both(line, "row_total", total);
            WooOrders.both(line, "tax_amount", tax);
            WooOrders.both(line, "row_total_incl_tax", total.add(tax));
            memo.addChild(CreditmemoHandler.ITEMS.name(), line);
            subtotal = subtotal.add(total);
            itemTax = itemTax.add(tax);
        }
        BigDecimal amount = Texts.decimal(meta.get("_refund_amount")).abs();
        BigDecimal shipping = Texts.decimal(meta.get("_order_shipping")).abs();
        BigDecimal shippingTax = Texts.decimal(meta.get("_order_shipping_tax")).abs();
        BigDecimal tax = itemTax.add(shippingTax);
        BigDecimal rest = amount.subtract(subtotal).subtract(tax).subtract(shipping);
        WooOrders.both(memo, "grand_total", amount);
        WooOrders.both(memo, "subtotal", subtotal);
        WooOrders.both(memo, "subtotal_incl_tax", subtotal.add(itemTax));
        WooOrders.both(memo, "tax_amount", tax);
        WooOrders.both(memo, "shipping_amount", shipping);
        WooOrders.both(memo, "shipping_tax_amount", shippingTax);
        WooOrders.both(memo, "shipping_incl_tax", shipping.add(shippingTax));
        WooOrders.both(memo, "adjustment_positive", rest.signum() > 0 ? rest : BigDecimal.ZERO);
        WooOrders.both(memo, "adjustment_negative", rest.signum() < 0 ? rest.negate() : BigDecimal.ZERO);
        String reason = meta.get("_refund_reason");
        if (!Texts.blank(reason)) {
            Record comment = new Record("creditmemo_comment", null, memo.origin() + " (reason)");
            comment.put("comment", reason.trim());
            put(comment, "created_at", memo.text("created_at"));
            comment.put("is_customer_notified", "0");
            comment.put("is_visible_on_front", "0");
            memo.addChild(CreditmemoHandler.COMMENTS.name(), comment);
        }
        return memo;
    }


    private static void put(Record record, String field, String value) {
        if (!Texts.blank(value)) {
            record.put(field, value);
        }
    }
}
