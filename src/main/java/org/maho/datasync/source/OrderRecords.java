package org.maho.datasync.source;

import java.util.List;
import org.maho.datasync.model.Record;

/** What the orders of a shop with one currency and no OpenMage payment records (WooCommerce, Shopify) have alike. */
public final class OrderRecords {

    private OrderRecords() {}

    /** The order's currency as its base, global and store currency too, every rate between them 1. */
    public static void oneCurrency(Record order, String currency) {
        if (currency != null && !currency.isBlank()) {
            for (String code : List.of("order_currency_code", "base_currency_code", "global_currency_code", "store_currency_code")) {
                order.put(code, currency.trim());
            }
        }
        for (String rate : List.of("base_to_global_rate", "base_to_order_rate", "store_to_base_rate", "store_to_order_rate")) {
            order.put(rate, "1");
        }
    }

    /** An amount and its base amount, equal: the order's currency is its base currency; none where it is null. */
    public static void amount(Record record, String field, String amount) {
        if (amount != null) {
            record.put(field, amount);
            record.put("base_" + field, amount);
        }
    }

    /** A payment's amounts, as the order's totals say: ordered, paid, refunded, shipping, each with its base amount. */
    public static void paymentAmounts(Record payment, Record order) {
        for (String[] amount : new String[][] {{"amount_ordered", "grand_total"}, {"amount_paid", "total_paid"},
                {"amount_refunded", "total_refunded"}, {"shipping_amount", "shipping_amount"}}) {
            for (String base : List.of("", "base_")) {
                String value = order.text(base + amount[1]);
                if (value != null && !value.isBlank()) {
                    payment.put(base + amount[0], value);
                }
            }
        }
    }
}
