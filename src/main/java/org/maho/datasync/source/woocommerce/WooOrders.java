package org.maho.datasync.source.woocommerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.entity.sales.OrderHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.source.OrderRecords;
import org.maho.datasync.source.PagedIterator;
import org.maho.datasync.source.ShopDefaults;

/**
 * Orders, kept as posts or in WooCommerce's own tables ({@link OrderStorage}), with their items ({@code woocommerce_order_items}: products,
 * shipping, coupons), addresses, payment and notes as status history, in the destination's default store. The order
 * number is the post id. Amounts are WooCommerce's in the order's currency, which is also the base currency (WooCommerce
 * has one). The order's status becomes OpenMage's state and status as {@code datasync.woocommerce.order-status.*}
 * says; an order whose status that does not name is invalid, with the setting to add in its reason.
 */
final class WooOrders extends PagedIterator<Record> {

    static final String STATUS_SETTINGS = "datasync.woocommerce.order-status.";
    /** WooCommerce's payment methods that OpenMage has under another code; any other keeps its own. */
    private static final Map<String, String> PAYMENT_METHODS = Map.of("cod", "cashondelivery", "bacs", "banktransfer",
            "cheque", "checkmo");
    /** An order that is paid in full by its status. */
    private static final Set<String> PAID = Set.of("processing", "completed");

    private final SyncJob job;
    private final WordPress shop;
    private final Map<String, String[]> statuses = new HashMap<>();
    private final WooSkus skus;
    private final OrderStorage storage;
    private final ShopDefaults defaults;
    private long after;

    private WooOrders(SyncJob job, WordPress shop) {
        this.job = job;
        this.shop = shop;
        this.defaults = ShopDefaults.of(job);
        this.skus = new WooSkus(job, shop);
        if (job.settings() != null) {
            job.settings().under(STATUS_SETTINGS).forEach((key, value) -> statuses.put(key.substring(STATUS_SETTINGS.length()),
                    value.split("/", 2)));
        }
        this.storage = OrderStorage.of(shop);
    }

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        return new WooOrders(job, shop);
    }

    @Override
    protected List<Record> nextPage() {
        List<Map<String, String>> posts = storage.orders(OrderStorage.ORDER, after, job.spec().batchSize());
        if (posts.isEmpty()) {
            return List.of();
        }
        after = Long.parseLong(posts.get(posts.size() - 1).get("ID"));
        List<String> ids = posts.stream().map(post -> post.get("ID")).toList();
        Map<String, Map<String, String>> meta = storage.meta(ids);
        Map<String, List<Map<String, String>>> items = new HashMap<>();
        for (Map<String, String> item : shop.rows(shop.from("woocommerce_order_items").whereIn("order_id", ids).orderBy("order_item_id"))) {
            items.computeIfAbsent(item.get("order_id"), id -> new ArrayList<>()).add(item);
        }
        List<String> itemIds = new ArrayList<>();
        items.values().forEach(list -> list.forEach(item -> itemIds.add(item.get("order_item_id"))));
        Map<String, Map<String, String>> itemMeta = shop.meta("woocommerce_order_itemmeta", "order_item_id", itemIds);
        Map<String, String> itemSkus = productSkus(skus, itemMeta);
        Map<String, List<Map<String, String>>> notes = new HashMap<>();
        for (Map<String, String> note : shop.rows(shop.from("comments").where("comment_type", TableQuery.Op.EQ, "order_note")
                .whereIn("comment_post_ID", ids).orderBy("comment_ID"))) {
            notes.computeIfAbsent(note.get("comment_post_ID"), id -> new ArrayList<>()).add(note);
        }
        List<Record> page = new ArrayList<>();
        for (Map<String, String> post : posts) {
            String id = post.get("ID");
            page.add(order(post, meta.getOrDefault(id, Map.of()), items.getOrDefault(id, List.of()), itemMeta, itemSkus,
                    notes.getOrDefault(id, List.of())));
        }
        return page;
    }

    private Record order(Map<String, String> post, Map<String, String> meta, List<Map<String, String>> items,
                         Map<String, Map<String, String>> itemMeta, Map<String, String> skus, List<Map<String, String>> notes) {
        String id = post.get("ID");
        Record order = new Record("order", id, "posts ID=" + id + " (order)");
        String wooStatus = post.get("post_status").replaceFirst("^wc-", "");
        if (Set.of("trash", "auto-draft", "checkout-draft").contains(wooStatus)) {
            order.outcome(Outcome.SKIPPED, "trash".equals(wooStatus) ? "in WordPress's trash" : "not placed (" + wooStatus + ")");
            return order;
        }
        String[] state = statuses.get(wooStatus);
        if (state == null || state.length < 2) {
            order.reject("status", "WooCommerce's status '" + wooStatus + "' has no OpenMage state and status: add "
                    + STATUS_SETTINGS + wooStatus + " = <state>/<status> to config/application.properties");
        } else {
            order.put("state", state[0].trim());
            order.put("status", state[1].trim());
        }
        order.put("increment_id", number(id, meta));
        put(order, "created_at", Texts.gmt(post.get("post_date_gmt")));
        put(order, "updated_at", Texts.gmt(post.get("post_modified_gmt")));
        put(order, "store_id", defaults.store());
        put(order, "customer_note", post.get("post_excerpt"));
        put(order, "remote_ip", meta.get("_customer_ip_address"));
        put(order, "customer_email", meta.get("_billing_email"));
        put(order, "customer_firstname", meta.get("_billing_first_name"));
        put(order, "customer_lastname", meta.get("_billing_last_name"));
        customer(order, meta);
        OrderRecords.oneCurrency(order, meta.get("_order_currency"));
        Totals totals = new Totals();
        for (Map<String, String> item : items) {
            Map<String, String> values = itemMeta.getOrDefault(item.get("order_item_id"), Map.of());
            switch (item.get("order_item_type")) {
                case "line_item" -> order.addChild(OrderHandler.ITEMS.name(), item(order, item, values, skus, totals));
                case "shipping" -> {
                    totals.shippingMethods.add(values.getOrDefault("method_id", "") + (Texts.blank(values.get("instance_id")) ? "" : "_" + values.get("instance_id")));
                    totals.shippingNames.add(item.get("order_item_name"));
                }
                case "coupon" -> totals.coupons.add(item.get("order_item_name"));
                case "fee" -> job.report().warn("order " + order.origin() + ": fee '" + item.get("order_item_name") + "' ("
                        + values.get("_line_total") + ") has no place in an OpenMage order; it is in the grand total only");
                default -> { }
            }
        }
        amounts(order, meta, totals, wooStatus);
        addresses(order, meta);
        payment(order, meta);
        history(order, notes, order.text("status"));
        return order;
    }

    /** An order's number: a sequential-number plugin's {@code _order_number}, else its id, as WooCommerce shows it. */
    static String number(String id, Map<String, String> meta) {
        return Texts.blank(meta.get("_order_number")) ? id : meta.get("_order_number").trim();
    }

    /** A registered buyer is the customer of its user id, else of its email in the default website; else a guest. */
    private void customer(Record order, Map<String, String> meta) {
        String user = meta.get("_customer_user");
        String email = meta.get("_billing_email");
        if (Texts.blank(user) || "0".equals(user)) {
            order.put("customer_is_guest", "1");
            put(order, "customer_group_id", defaults.guestGroup());
            return;
        }
        String key = email == null ? null : (email.trim() + "|" + defaults.website()).toLowerCase(Locale.ROOT);
        order.put("customer_id", new Ref("customer", user, key, Ref.Missing.EMPTY));
    }

    /** What the items add up to, and what else the order's items name. */
    private static final class Totals {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal subtotalTax = BigDecimal.ZERO;
        BigDecimal qty = BigDecimal.ZERO;
        int count;
        final Set<String> shippingMethods = new LinkedHashSet<>();
        final List<String> shippingNames = new ArrayList<>();
        final List<String> coupons = new ArrayList<>();
    }

    private Record item(Record order, Map<String, String> item, Map<String, String> meta, Map<String, String> skus, Totals totals) {
        Record line = new Record("order_item", item.get("order_item_id"), order.origin() + " (item " + item.get("order_item_id") + ")");
        product(line, meta, skus);
        line.put("name", item.get("order_item_name"));
        line.put("product_type", "simple");
        BigDecimal qty = Texts.decimal(meta.get("_qty"));
        BigDecimal subtotal = Texts.decimal(meta.get("_line_subtotal"));
        BigDecimal subtotalTax = Texts.decimal(meta.get("_line_subtotal_tax"));
        BigDecimal total = Texts.decimal(meta.get("_line_total"));
        BigDecimal tax = Texts.decimal(meta.get("_line_tax"));
        BigDecimal price = qty.signum() == 0 ? BigDecimal.ZERO : subtotal.divide(qty, 4, java.math.RoundingMode.HALF_UP);
        BigDecimal priceInclTax = qty.signum() == 0 ? BigDecimal.ZERO : subtotal.add(subtotalTax).divide(qty, 4, java.math.RoundingMode.HALF_UP);
        line.put("qty_ordered", qty.toPlainString());
        both(line, "price", price);
        both(line, "original_price", price);
        both(line, "price_incl_tax", priceInclTax);
        both(line, "row_total", subtotal);
        both(line, "row_total_incl_tax", subtotal.add(subtotalTax));
        both(line, "tax_amount", tax);
        both(line, "discount_amount", subtotal.subtract(total));
        put(line, "store_id", order.text("store_id"));
        put(line, "created_at", order.text("created_at"));
        put(line, "updated_at", order.text("updated_at"));
        totals.subtotal = totals.subtotal.add(subtotal);
        totals.subtotalTax = totals.subtotalTax.add(subtotalTax);
        totals.qty = totals.qty.add(qty);
        totals.count++;
        return line;
    }

    /** The order's amounts: WooCommerce's totals, and what its items add up to where it keeps no total of its own. */
    private void amounts(Record order, Map<String, String> meta, Totals totals, String wooStatus) {
        BigDecimal grandTotal = Texts.decimal(meta.get("_order_total"));
        BigDecimal shipping = Texts.decimal(meta.get("_order_shipping"));
        BigDecimal shippingTax = Texts.decimal(meta.get("_order_shipping_tax"));
        BigDecimal tax = Texts.decimal(meta.get("_order_tax")).add(shippingTax);
        BigDecimal discount = Texts.decimal(meta.get("_cart_discount"));
        both(order, "grand_total", grandTotal);
        both(order, "subtotal", totals.subtotal);
        both(order, "subtotal_incl_tax", totals.subtotal.add(totals.subtotalTax));
        both(order, "tax_amount", tax);
        both(order, "shipping_amount", shipping);
        both(order, "shipping_tax_amount", shippingTax);
        both(order, "shipping_incl_tax", shipping.add(shippingTax));
        both(order, "discount_amount", discount.negate());
        boolean paid = PAID.contains(wooStatus) || !Texts.blank(meta.get("_paid_date")) || !Texts.blank(meta.get("_date_paid"));
        both(order, "total_paid", paid ? grandTotal : BigDecimal.ZERO);
        both(order, "total_due", paid ? BigDecimal.ZERO : grandTotal);
        order.put("total_qty_ordered", totals.qty.toPlainString());
        order.put("total_item_count", String.valueOf(totals.count));
        order.put("is_virtual", totals.shippingNames.isEmpty() ? "1" : "0");
        if (!totals.shippingNames.isEmpty()) {
            order.put("shipping_method", String.join(",", totals.shippingMethods));
            order.put("shipping_description", String.join(", ", totals.shippingNames));
        }
        if (!totals.coupons.isEmpty()) {
            order.put("coupon_code", String.join(",", totals.coupons));
            order.put("discount_description", String.join(", ", totals.coupons));
        }
    }

    private static void addresses(Record order, Map<String, String> meta) {
        for (String type : List.of("billing", "shipping")) {
            Record address = new Record("order_address", null, order.origin() + " (" + type + " address)");
            WooAddresses.fill(address, name -> meta.get("_" + type + "_" + name));
            if (address.get("street") == null && address.get("city") == null) {
                continue;
            }
            address.put("address_type", type);
            put(address, "email", meta.get("_" + type + "_email"));
            address.fields().putIfAbsent("email", order.get("customer_email"));
            order.addChild(OrderHandler.ADDRESSES.name(), address);
            order.put(type + "_address_id", new ChildRef(OrderHandler.ADDRESSES.name(), "address_type", type));
        }
    }

    private static void payment(Record order, Map<String, String> meta) {
        String method = meta.get("_payment_method");
        Record payment = new Record("order_payment", null, order.origin() + " (payment)");
        payment.put("method", Texts.blank(method) ? "free" : PAYMENT_METHODS.getOrDefault(method, method));
        put(payment, "last_trans_id", meta.get("_transaction_id"));
        OrderRecords.paymentAmounts(payment, order);
        order.addChild(OrderHandler.PAYMENT.name(), payment);
    }

    /** The order's notes, oldest first: a note to the customer counts as the customer notified. */
    private void history(Record order, List<Map<String, String>> notes, String status) {
        Map<String, Map<String, String>> meta = notes.isEmpty() ? Map.of()
                : shop.meta("commentmeta", "comment_id", notes.stream().map(note -> note.get("comment_ID")).toList());
        for (Map<String, String> note : notes) {
            Record entry = new Record("order_status_history", note.get("comment_ID"), order.origin() + " (note " + note.get("comment_ID") + ")");
            entry.put("comment", note.get("comment_content"));
            put(entry, "created_at", Texts.gmt(note.get("comment_date_gmt")));
            entry.put("entity_name", "order");
            put(entry, "status", status);
            entry.put("is_customer_notified", Texts.yes(meta.getOrDefault(note.get("comment_ID"), Map.of()).get("is_customer_note")) ? "1" : "0");
            entry.put("is_visible_on_front", entry.get("is_customer_notified"));
            order.addChild(OrderHandler.STATUS_HISTORY.name(), entry);
        }
    }

    /** An item's product (its variation's, where it has one) by id and SKU, and the SKU. */
    static void product(Record line, Map<String, String> meta, Map<String, String> skus) {
        String productId = Texts.blank(meta.get("_variation_id")) || "0".equals(meta.get("_variation_id"))
                ? meta.get("_product_id") : meta.get("_variation_id");
        String sku = skus.get(productId);
        put(line, "sku", sku);
        if (!Texts.blank(productId) && !"0".equals(productId)) {
            line.put("product_id", new Ref("product", productId, sku == null ? null : sku.toLowerCase(Locale.ROOT), Ref.Missing.EMPTY));
        }
    }

    /** The SKUs of the products and variations the items name, by post id. */
    static Map<String, String> productSkus(WooSkus skus, Map<String, Map<String, String>> itemMeta) {
        Set<String> products = new LinkedHashSet<>();
        for (Map<String, String> values : itemMeta.values()) {
            for (String key : List.of("_product_id", "_variation_id")) {
                if (!Texts.blank(values.get(key)) && !"0".equals(values.get(key))) {
                    products.add(values.get(key));
                }
            }
        }
        return skus.of(products);
    }

    /** An amount and its base amount, equal: WooCommerce has one currency. */
    static void both(Record record, String field, BigDecimal amount) {
        OrderRecords.amount(record, field, amount.toPlainString());
    }

    private static void put(Record record, String field, String value) {
        if (!Texts.blank(value)) {
            record.put(field, value);
        }
    }
}
