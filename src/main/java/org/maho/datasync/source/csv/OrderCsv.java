package org.maho.datasync.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.sales.OrderHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.RegionRef;

/**
 * The original tool's order CSV formats (orders_basic.csv, orders_with_items.csv): one line per order, addresses in
 * billing_ and shipping_ columns, the payment in payment_method and payment_ columns, items in one cell as a JSON
 * array or as {@code SKU:qty:price|SKU:qty:price}. Numeric store and group ids are the destination's own.
 */
final class OrderCsv {

    private static final Set<String> SAME_AS_BILLING = Set.of("same_as_billing", "shipping_same_as_billing");
    private static final Set<String> CONTROL = Set.of("entity_id", "items", "payment_method", "store", "store_code",
            "target_increment_id", "target_store_id", "same_as_billing", "shipping_same_as_billing");
    private static final List<String> ADDRESS_FIELDS = List.of("firstname", "lastname", "middlename", "prefix", "suffix",
            "company", "street", "city", "region", "region_id", "postcode", "country_id", "telephone", "fax", "email", "vat_id");
    private static final List<String> RATES = List.of("base_to_global_rate", "base_to_order_rate", "store_to_base_rate",
            "store_to_order_rate");
    private static final String DEFAULT_CURRENCY = "USD";

    private OrderCsv() {}

    static Record toRecord(CsvRow row, SyncJob job) {
        Record order = new Record("order", row.get("entity_id"), row.origin());
        ShopMetadata shop = ShopMetadata.of(job.destination());
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (value == null || value.isEmpty() || CONTROL.contains(column) || isAddressColumn(column)
                    || column.startsWith("payment_")) {
                continue;
            }
            switch (column) {
                case "store_id" -> CsvValues.reference(order, column, value, id -> shop.store(id).map(ShopMetadata.Store::code), "store");
                case "customer_group_id" -> CsvValues.reference(order, column, value, shop::customerGroupCode, "customer group");
                case "customer_id" -> order.put(column, new Ref("customer", value.trim(), null, Ref.Missing.EMPTY));
                case "created_at", "updated_at", "customer_dob" -> {
                    String normalized = DateValues.normalize(value);
                    order.put(column, normalized != null ? normalized : value);
                }
                default -> order.put(column, value);
            }
        }
        if (row.has("target_increment_id")) {
            order.put("increment_id", row.get("target_increment_id"));
        }
        for (String column : List.of("target_store_id", "store", "store_code")) {
            if (row.has(column)) {
                CsvValues.reference(order, "store_id", row.get(column), id -> shop.store(id).map(ShopMetadata.Store::code), "store");
            }
        }
        applyDefaults(order, job);
        addAddresses(row, order);
        addPayment(row, order);
        addItems(row, order);
        return order;
    }

    private static boolean isAddressColumn(String column) {
        for (String field : ADDRESS_FIELDS) {
            if (column.equals("billing_" + field) || column.equals("shipping_" + field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What OpenMage's checkout would have set and a file may leave out: state and status, the store, base amounts
     * equal to the order's, currency and rates, totals due and counted, and the customer found by email when the file
     * names no id.
     */
    private static void applyDefaults(Record order, SyncJob job) {
        ShopMetadata shop = ShopMetadata.of(job.destination());
        order.fields().putIfAbsent("state", "new");
        order.fields().putIfAbsent("status", "pending");
        if (order.get("store_id") == null) {
            shop.defaultWebsite().flatMap(w -> shop.defaultStore(w.id())).ifPresent(s -> order.put("store_id", s.code()));
        }
        Map<String, String> columns = job.destination().columns(OrderHandler.ORDER.table());
        for (String column : new ArrayList<>(order.fields().keySet())) {
            String base = "base_" + column;
            if (columns.containsKey(base) && order.get(base) == null && order.get(column) instanceof String) {
                order.put(base, order.get(column));
            }
        }
        String given = order.text("order_currency_code") != null ? order.text("order_currency_code") : order.text("base_currency_code");
        if (given == null) {
            given = job.cached("order-csv:currency", () -> {
                job.report().warn("order: the file names no currency; its orders take " + DEFAULT_CURRENCY
                        + " (add order_currency_code and base_currency_code columns to say otherwise)");
                return DEFAULT_CURRENCY;
            });
        }
        for (String code : List.of("base_currency_code", "global_currency_code", "order_currency_code", "store_currency_code")) {
            order.fields().putIfAbsent(code, given);
        }
        RATES.forEach(rate -> order.fields().putIfAbsent(rate, "1"));
        if (order.get("grand_total") != null) {
            order.fields().putIfAbsent("total_due", order.get("grand_total"));
            order.fields().putIfAbsent("base_total_due", order.get("base_grand_total"));
        }
        order.fields().putIfAbsent("updated_at", order.get("created_at"));
        String email = order.text("customer_email");
        Ref customer = order.get("customer_id") instanceof Ref ref ? ref : null;
        if (email != null) {
            String website = shop.storeByCode(String.valueOf(order.get("store_id"))).flatMap(s -> shop.website(s.websiteId()))
                    .map(ShopMetadata.Website::code).orElse(null);
            String key = website == null ? null : (email.trim() + "|" + website).toLowerCase(Locale.ROOT);
            customer = new Ref("customer", customer == null ? null : customer.sourceId(), key, Ref.Missing.EMPTY);
            order.put("customer_id", customer);
        }
        if (customer == null) {
            OrderHandler.guest(order, shop);
        }
    }

    private static void addAddresses(CsvRow row, Record order) {
        boolean sameAsBilling = SAME_AS_BILLING.stream().map(row::get).anyMatch(value -> value != null && !"0".equals(value));
        Record billing = address(row, order, "billing");
        if (billing != null) {
            order.addChild(OrderHandler.ADDRESSES.name(), billing);
            order.put("billing_address_id", new ChildRef(OrderHandler.ADDRESSES.name(), "address_type", "billing"));
        }
        Record shipping = sameAsBilling && billing != null ? copy(billing, "shipping") : address(row, order, "shipping");
        if (shipping != null) {
            order.addChild(OrderHandler.ADDRESSES.name(), shipping);
            order.put("shipping_address_id", new ChildRef(OrderHandler.ADDRESSES.name(), "address_type", "shipping"));
        }
    }

    private static Record address(CsvRow row, Record order, String type) {
        Record address = new Record("order_address", null, row.origin() + " (" + type + " address)");
        boolean any = false;
        for (String field : ADDRESS_FIELDS) {
            String value = row.get(type + "_" + field);
            if (value != null) {
                address.put(field, value);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        address.put("address_type", type);
        address.fields().putIfAbsent("firstname", order.get("customer_firstname"));
        address.fields().putIfAbsent("lastname", order.get("customer_lastname"));
        address.fields().putIfAbsent("email", order.get("customer_email"));
        if (address.get("region_id") == null && address.get("region") != null && address.get("country_id") != null) {
            address.put("region_id", new RegionRef(address.text("country_id"), address.text("region"), address.text("region")));
        }
        address.fields().values().removeIf(java.util.Objects::isNull);
        return address;
    }

    private static Record copy(Record billing, String type) {
        Record shipping = new Record("order_address", null, billing.origin().replace("billing", type));
        shipping.fields().putAll(billing.fields());
        shipping.put("address_type", type);
        return shipping;
    }

    /** The payment: its method, payment_ columns, and the amounts the order says were ordered and paid. */
    private static void addPayment(CsvRow row, Record order) {
        Record payment = new Record("order_payment", null, row.origin() + " (payment)");
        payment.put("method", row.has("payment_method") ? row.get("payment_method") : "checkmo");
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            if (cell.getKey().startsWith("payment_") && !"payment_method".equals(cell.getKey()) && cell.getValue() != null
                    && !cell.getValue().isEmpty()) {
                payment.put(cell.getKey().substring("payment_".length()), cell.getValue());
            }
        }
        putIfAbsent(payment, "amount_ordered", order.get("grand_total"));
        putIfAbsent(payment, "base_amount_ordered", order.get("base_grand_total"));
        putIfAbsent(payment, "amount_paid", order.get("total_paid"));
        putIfAbsent(payment, "base_amount_paid", order.get("base_total_paid"));
        order.addChild(OrderHandler.PAYMENT.name(), payment);
    }

    private static void putIfAbsent(Record record, String field, Object value) {
        if (value != null) {
            record.fields().putIfAbsent(field, value);
        }
    }

    /** Items as a JSON array of item columns, or as the shorthand SKU:qty:price|SKU:qty:price (qty 1, price 0 by default). */
    private static void addItems(CsvRow row, Record order) {
        String cell = row.get("items");
        List<Record> items = new ArrayList<>();
        if (cell != null && cell.trim().startsWith("[")) {
            JsonNode array = CsvValues.jsonArray(row, order, "items");
            if (array == null) {
                return;
            }
            for (JsonNode node : array) {
                items.add(jsonItem(row, node, items.size() + 1));
            }
        } else if (cell != null) {
            for (String part : cell.split("\\|")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] fields = part.split(":");
                Record item = new Record("order_item", null, row.origin() + " (item " + (items.size() + 1) + ")");
                item.put("sku", fields[0].trim());
                item.put("qty_ordered", fields.length > 1 && !fields[1].isBlank() ? fields[1].trim() : "1");
                item.put("price", fields.length > 2 && !fields[2].isBlank() ? fields[2].trim() : "0");
                items.add(item);
            }
        }
        BigDecimal totalQty = BigDecimal.ZERO;
        for (Record item : items) {
            completeItem(item, order);
            if (item.get("parent_item_id") == null) {
                totalQty = totalQty.add(decimal(item.text("qty_ordered")));
            }
            order.addChild(OrderHandler.ITEMS.name(), item);
        }
        if (!items.isEmpty()) {
            order.fields().putIfAbsent("total_qty_ordered", totalQty.toPlainString());
            order.fields().putIfAbsent("total_item_count", String.valueOf(items.size()));
        }
    }

    private static Record jsonItem(CsvRow row, JsonNode node, int position) {
        String id = CsvValues.jsonText(node, "item_id");
        Record item = new Record("order_item", id, row.origin() + " (item " + position + ")");
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if ("item_id".equals(field.getKey()) || value.isNull()) {
                continue;
            }
            String text = value.isContainerNode() ? value.toString() : value.asText();
            if ("parent_item_id".equals(field.getKey())) {
                item.put("parent_item_id", ChildRef.bySourceId(OrderHandler.ITEMS.name(), text));
            } else if (!"product_id".equals(field.getKey())) {
                // a file's product id is some other shop's: the product is found by sku
                item.put(field.getKey(), text);
            }
        }
        return item;
    }

    /** What the original tool filled in for an item the file leaves short: name, type, amounts from price and qty. */
    private static void completeItem(Record item, Record order) {
        String sku = item.text("sku");
        if (sku != null) {
            item.put("product_id", new Ref("product", null, sku.trim().toLowerCase(Locale.ROOT), Ref.Missing.EMPTY));
        }
        item.fields().putIfAbsent("name", sku);
        item.fields().putIfAbsent("product_type", "simple");
        item.fields().putIfAbsent("qty_ordered", "1");
        item.fields().putIfAbsent("price", "0");
        BigDecimal qty = decimal(item.text("qty_ordered"));
        BigDecimal price = decimal(item.text("price"));
        item.fields().putIfAbsent("base_price", item.get("price"));
        item.fields().putIfAbsent("original_price", item.get("price"));
        item.fields().putIfAbsent("base_original_price", item.get("original_price"));
        item.fields().putIfAbsent("row_total", price.multiply(qty).toPlainString());
        item.fields().putIfAbsent("base_row_total", item.get("row_total"));
        BigDecimal tax = decimal(item.text("tax_amount"));
        item.fields().putIfAbsent("base_tax_amount", item.get("tax_amount"));
        item.fields().putIfAbsent("row_total_incl_tax", decimal(item.text("row_total")).add(tax).toPlainString());
        item.fields().putIfAbsent("base_row_total_incl_tax", item.get("row_total_incl_tax"));
        item.fields().putIfAbsent("row_invoiced", "0");
        item.fields().putIfAbsent("base_row_invoiced", "0");
        item.fields().putIfAbsent("store_id", order.get("store_id"));
        item.fields().putIfAbsent("created_at", order.get("created_at"));
        item.fields().putIfAbsent("updated_at", order.get("updated_at"));
        item.fields().values().removeIf(java.util.Objects::isNull);
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? BigDecimal.ZERO : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
