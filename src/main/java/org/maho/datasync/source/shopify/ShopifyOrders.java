package org.maho.datasync.source.shopify;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.maho.datasync.entity.sales.OrderHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.source.OrderRecords;
import org.maho.datasync.source.ShopDefaults;
import org.maho.datasync.source.csv.CsvRow;

/**
 * Shopify's orders export: an order's first line holds the order and its first line item, each further item is a line
 * that repeats the order's name. The order number is the name without Shopify's {@code #}; Shopify's own order id is
 * kept as {@code ext_order_id}. The buyer is the destination's customer of that email in the default website, else the
 * order is a guest's. Amounts are in the order's currency, which is also its base. The financial and fulfilment
 * statuses become OpenMage's state and status as {@code datasync.shopify.order-status.*} says, and the payment gateway
 * an OpenMage payment method as {@code datasync.shopify.payment-method.*} says.
 */
final class ShopifyOrders extends ShopifyFormat {

    static final String STATUS_SETTINGS = "datasync.shopify.order-status.";
    static final String PAYMENT_SETTINGS = "datasync.shopify.payment-method.";
    private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
    private static final DateTimeFormatter OPENMAGE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Financial statuses in which the order is paid in full. */
    private static final Set<String> PAID = Set.of("paid", "partially_refunded", "refunded");

    private final SyncJob job;
    private final ShopDefaults defaults;
    private final boolean refunds;
    private final Map<String, String> statuses = new TreeMap<>();
    private final Map<String, String> payments = new TreeMap<>();

    /** @param refunds whether to read the orders' refunds (sync creditmemo) rather than the orders */
    ShopifyOrders(SyncJob job, boolean refunds) {
        super(ShopifyExport.ORDER);
        this.job = job;
        this.refunds = refunds;
        this.defaults = ShopDefaults.of(job);
        if (job.settings() != null) {
            job.settings().under(STATUS_SETTINGS).forEach((key, value) -> statuses.put(key.substring(STATUS_SETTINGS.length()), value));
            job.settings().under(PAYMENT_SETTINGS).forEach((key, value) -> payments.put(key.substring(PAYMENT_SETTINGS.length()), value.trim()));
        }
    }

    @Override
    public boolean continues(CsvRow first, CsvRow line) {
        String name = ShopifyExport.get(first, "Name");
        return name != null && name.equals(ShopifyExport.get(line, "Name"));
    }

    @Override
    public List<Record> toRecords(List<CsvRow> lines, SyncJob job) {
        CsvRow first = lines.get(0);
        String name = ShopifyExport.get(first, "Name");
        Record order = new Record("order", null, first.origin() + " (" + (name == null ? "no name" : name) + ")");
        if (name == null) {
            order.reject("Name", "is empty: Shopify names every order");
            return List.of(order);
        }
        if (refunds) {
            return refund(first, name.replaceFirst("^#", ""));
        }
        order.put("increment_id", name.replaceFirst("^#", ""));
        put(order, "ext_order_id", ShopifyExport.get(first, "Id"));
        String created = utc(order, "Created at", ShopifyExport.get(first, "Created at"));
        put(order, "created_at", created);
        put(order, "updated_at", created);
        put(order, "store_id", defaults.store());
        put(order, "customer_note", ShopifyExport.get(first, "Notes"));
        status(order, first);
        String email = ShopifyExport.get(first, "Email");
        put(order, "customer_email", email);
        String[] buyer = ShopifyExport.name(ShopifyExport.get(first, "Billing Name", "Shipping Name"));
        put(order, "customer_firstname", buyer[0]);
        put(order, "customer_lastname", buyer[1]);
        if (email != null) {
            order.put("customer_id", new Ref("customer", null, (email + "|" + defaults.website()).toLowerCase(Locale.ROOT), Ref.Missing.EMPTY));
        } else {
            order.put("customer_is_guest", "1");
            put(order, "customer_group_id", defaults.guestGroup());
        }
        OrderRecords.oneCurrency(order, ShopifyExport.get(first, "Currency"));
        BigDecimal qty = BigDecimal.ZERO;
        boolean shipped = false;
        for (CsvRow line : lines) {
            Record item = item(order, line);
            order.addChild(OrderHandler.ITEMS.name(), item);
            qty = qty.add(ShopifyExport.amount(item.text("qty_ordered")));
            shipped |= !"false".equalsIgnoreCase(ShopifyExport.get(line, "Lineitem requires shipping"));
        }
        order.put("total_qty_ordered", qty.toPlainString());
        order.put("total_item_count", String.valueOf(lines.size()));
        order.put("is_virtual", shipped ? "0" : "1");
        amounts(order, first);
        addresses(order, first);
        payment(order, first);
        return List.of(order);
    }

    /**
     * An order's refunds as one credit memo of the amount refunded, numbered as the order: the export holds no more of
     * them (no items, no date), so the amount is the credit memo's positive adjustment. An order without a refund gives none.
     */
    private List<Record> refund(CsvRow first, String number) {
        BigDecimal refunded = ShopifyExport.amount(ShopifyExport.get(first, "Refunded Amount"));
        if (refunded.signum() <= 0) {
            return List.of();
        }
        Record memo = new Record("creditmemo", null, first.origin() + " (refund of #" + number + ")");
        memo.put("increment_id", number);
        memo.put("order_id", new Ref("order", null, number.toLowerCase(Locale.ROOT), Ref.Missing.INVALID));
        memo.put("state", "2");
        put(memo, "store_id", defaults.store());
        OrderRecords.oneCurrency(memo, ShopifyExport.get(first, "Currency"));
        for (String field : List.of("grand_total", "adjustment_positive")) {
            OrderRecords.amount(memo, field, refunded.toPlainString());
        }
        for (String field : List.of("subtotal", "tax_amount", "shipping_amount", "adjustment_negative")) {
            OrderRecords.amount(memo, field, "0");
        }
        return List.of(memo);
    }

    /**
     * State and status by the financial status and the fulfilment status ({@code paid.fulfilled}), else by the financial
     * status alone ({@code paid}); a cancelled order is {@code cancelled}. A status no setting names makes the order invalid.
     */
    private void status(Record order, CsvRow first) {
        String financial = lower(ShopifyExport.get(first, "Financial Status"));
        String fulfilment = lower(ShopifyExport.get(first, "Fulfillment Status"));
        String key = ShopifyExport.get(first, "Cancelled at") != null ? "cancelled"
                : statuses.containsKey(financial + "." + (fulfilment == null ? "unfulfilled" : fulfilment))
                ? financial + "." + (fulfilment == null ? "unfulfilled" : fulfilment) : financial;
        String[] state = key == null || statuses.get(key) == null ? null : statuses.get(key).split("/", 2);
        if (state == null || state.length < 2) {
            order.reject("Financial Status", "Shopify's status '" + financial + "' (" + fulfilment + ") has no OpenMage state and status:"
                    + " add " + STATUS_SETTINGS + financial + " = <state>/<status> to config/application.properties");
            return;
        }
        order.put("state", state[0].trim());
        order.put("status", state[1].trim());
    }

    private Record item(Record order, CsvRow line) {
        Record item = new Record("order_item", null, line.origin() + " (item " + ShopifyExport.get(line, "Lineitem name") + ")");
        String sku = ShopifyExport.get(line, "Lineitem sku");
        put(item, "sku", sku);
        if (sku != null) {
            item.put("product_id", new Ref("product", null, sku.toLowerCase(Locale.ROOT), Ref.Missing.EMPTY));
        }
        put(item, "name", ShopifyExport.get(line, "Lineitem name"));
        item.put("product_type", "false".equalsIgnoreCase(ShopifyExport.get(line, "Lineitem requires shipping")) ? "virtual" : "simple");
        String qty = ShopifyExport.get(line, "Lineitem quantity");
        String price = ShopifyExport.get(line, "Lineitem price");
        put(item, "qty_ordered", qty);
        OrderRecords.amount(item, "price", price);
        String compareAt = ShopifyExport.get(line, "Lineitem compare at price");
        OrderRecords.amount(item, "original_price", compareAt != null && ShopifyExport.amount(compareAt).compareTo(ShopifyExport.amount(price)) > 0 ? compareAt : price);
        if (qty != null && price != null) {
            OrderRecords.amount(item, "row_total", ShopifyExport.amount(price).multiply(ShopifyExport.amount(qty)).toPlainString());
        }
        OrderRecords.amount(item, "discount_amount", ShopifyExport.get(line, "Lineitem discount"));
        put(item, "store_id", order.text("store_id"));
        put(item, "created_at", order.text("created_at"));
        put(item, "updated_at", order.text("updated_at"));
        return item;
    }

    /** The order's totals as Shopify exports them; what is paid by its financial status, what is refunded as it says. */
    private static void amounts(Record order, CsvRow first) {
        BigDecimal discount = ShopifyExport.amount(ShopifyExport.get(first, "Discount Amount"));
        // Shopify's subtotal is after discounts, OpenMage's before them: the discount is its own line of the totals
        BigDecimal subtotal = ShopifyExport.amount(ShopifyExport.get(first, "Subtotal")).add(discount);
        BigDecimal shipping = ShopifyExport.amount(ShopifyExport.get(first, "Shipping"));
        BigDecimal tax = ShopifyExport.amount(ShopifyExport.get(first, "Taxes"));
        BigDecimal total = ShopifyExport.amount(ShopifyExport.get(first, "Total"));
        BigDecimal refunded = ShopifyExport.amount(ShopifyExport.get(first, "Refunded Amount"));
        OrderRecords.amount(order, "subtotal", subtotal.toPlainString());
        OrderRecords.amount(order, "shipping_amount", shipping.toPlainString());
        OrderRecords.amount(order, "tax_amount", tax.toPlainString());
        OrderRecords.amount(order, "grand_total", total.toPlainString());
        OrderRecords.amount(order, "discount_amount", discount.negate().toPlainString());
        boolean paid = PAID.contains(lower(ShopifyExport.get(first, "Financial Status")));
        OrderRecords.amount(order, "total_paid", (paid ? total : BigDecimal.ZERO).toPlainString());
        OrderRecords.amount(order, "total_due", (paid ? BigDecimal.ZERO : total).toPlainString());
        if (refunded.signum() > 0) {
            OrderRecords.amount(order, "total_refunded", refunded.toPlainString());
        }
        String code = ShopifyExport.get(first, "Discount Code");
        if (code != null) {
            order.put("coupon_code", code);
            order.put("discount_description", code);
        }
        put(order, "shipping_description", ShopifyExport.get(first, "Shipping Method"));
    }

    private static void addresses(Record order, CsvRow first) {
        for (String type : List.of("billing", "shipping")) {
            String prefix = type.equals("billing") ? "Billing " : "Shipping ";
            Record address = new Record("order_address", null, order.origin() + " (" + type + " address)");
            String[] name = ShopifyExport.name(ShopifyExport.get(first, prefix + "Name"));
            put(address, "firstname", name[0]);
            put(address, "lastname", name[1]);
            put(address, "company", ShopifyExport.get(first, prefix + "Company"));
            String street = ShopifyExport.get(first, prefix + "Address1");
            String second = ShopifyExport.get(first, prefix + "Address2");
            put(address, "street", street == null ? ShopifyExport.get(first, prefix + "Street")
                    : second == null ? street : street + "\n" + second);
            put(address, "city", ShopifyExport.get(first, prefix + "City"));
            put(address, "postcode", ShopifyExport.zip(ShopifyExport.get(first, prefix + "Zip")));
            put(address, "country_id", ShopifyExport.get(first, prefix + "Country"));
            put(address, "telephone", ShopifyExport.get(first, prefix + "Phone"));
            if (address.fields().isEmpty()) {
                continue; // a name alone is an address: OpenMage's order view shows the billing address every order has
            }
            region(address, ShopifyExport.get(first, prefix + "Province"), ShopifyExport.get(first, prefix + "Province Name"));
            address.put("address_type", type);
            put(address, "email", order.text("customer_email"));
            order.addChild(OrderHandler.ADDRESSES.name(), address);
            order.put(type + "_address_id", new ChildRef(OrderHandler.ADDRESSES.name(), "address_type", type));
        }
    }

    /** The payment: the gateway as the OpenMage method its setting names (else the default's), its reference, its amounts. */
    private void payment(Record order, CsvRow first) {
        String gateway = lower(ShopifyExport.get(first, "Payment Method"));
        String key = gateway == null ? "none" : gateway.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        Record payment = new Record("order_payment", null, order.origin() + " (payment)");
        payment.put("method", payments.getOrDefault(key, payments.getOrDefault("default", "checkmo")));
        if (gateway != null) {
            payment.put("additional_data", "Shopify: " + ShopifyExport.get(first, "Payment Method"));
        }
        put(payment, "last_trans_id", ShopifyExport.get(first, "Payment Reference", "Payment ID"));
        OrderRecords.paymentAmounts(payment, order);
        order.addChild(OrderHandler.PAYMENT.name(), payment);
    }

    /** "2025-12-06 10:37:33 -0500" (or ISO 8601) in UTC, as OpenMage keeps its dates; an unreadable date rejects the record. */
    private static String utc(Record order, String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime date = value.contains("T") ? OffsetDateTime.parse(value) : OffsetDateTime.parse(value, EXPORTED);
            return OPENMAGE.format(date.withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return OPENMAGE.format(LocalDateTime.parse(value, OPENMAGE));
            } catch (DateTimeParseException again) {
                order.reject(column, "'" + value + "' is not a date and time as Shopify exports them (2025-12-06 10:37:33 -0500)");
                return null;
            }
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

}
