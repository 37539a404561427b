package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.TableQuery;

/**
 * Orders kept in WooCommerce's own tables (HPOS): {@code wc_orders}, {@code wc_order_addresses}, {@code
 * wc_order_operational_data} and {@code wc_orders_meta}, each column under the post meta key WooCommerce's migration
 * maps it from ({@link #ORDER}, {@link #OPERATIONAL}); an address's fields under {@code _<type>_<field>}.
 */
final class HposOrders implements OrderStorage {

    private static final Map<String, String> ORDER = Map.of("currency", "_order_currency", "tax_amount", "_order_tax",
            "total_amount", "_order_total", "customer_id", "_customer_user", "billing_email", "_billing_email",
            "payment_method", "_payment_method", "payment_method_title", "_payment_method_title", "transaction_id",
            "_transaction_id", "ip_address", "_customer_ip_address", "user_agent", "_customer_user_agent");
    private static final Map<String, String> OPERATIONAL = Map.of("created_via", "_created_via", "prices_include_tax",
            "_prices_include_tax", "order_key", "_order_key", "date_paid_gmt", "_date_paid", "date_completed_gmt", "_date_completed",
            "shipping_tax_amount", "_order_shipping_tax", "shipping_total_amount", "_order_shipping", "discount_tax_amount",
            "_cart_discount_tax", "discount_total_amount", "_cart_discount");
    private static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "company", "address_1", "address_2",
            "city", "state", "postcode", "country", "email", "phone");

    private final WordPress shop;

    HposOrders(WordPress shop) {
        this.shop = shop;
    }

    @Override
    public List<Map<String, String>> orders(String type, long after, int limit) {
        List<Map<String, String>> posts = new ArrayList<>();
        for (Map<String, String> order : shop.rows(shop.from("wc_orders").where("type", TableQuery.Op.EQ, type)
                .where("id", TableQuery.Op.GT, after).orderBy("id").limit(limit))) {
            Map<String, String> post = new HashMap<>();
            post.put("ID", order.get("id"));
            post.put("post_status", order.get("status"));
            post.put("post_date_gmt", order.get("date_created_gmt"));
            post.put("post_modified_gmt", order.get("date_updated_gmt"));
            post.put("post_excerpt", order.get("customer_note"));
            post.put("post_parent", order.get("parent_order_id"));
            posts.add(post);
        }
        return posts;
    }

    @Override
    public Map<String, Map<String, String>> meta(Collection<String> orderIds) {
        Map<String, Map<String, String>> meta = new HashMap<>();
        if (orderIds.isEmpty()) {
            return meta;
        }
        for (Map<String, String> order : shop.rows(shop.from("wc_orders").whereIn("id", orderIds))) {
            Map<String, String> values = new LinkedHashMap<>();
            ORDER.forEach((column, key) -> putIfSet(values, key, order.get(column)));
            meta.put(order.get("id"), values);
        }
        for (Map<String, String> row : shop.rows(shop.from("wc_order_operational_data").whereIn("order_id", orderIds))) {
            Map<String, String> values = meta.get(row.get("order_id"));
            OPERATIONAL.forEach((column, key) -> putIfSet(values, key, row.get(column)));
        }
        for (Map<String, String> row : shop.rows(shop.from("wc_order_addresses").whereIn("order_id", orderIds).orderBy("id"))) {
            Map<String, String> values = meta.get(row.get("order_id"));
            for (String field : ADDRESS_FIELDS) {
                putIfSet(values, "_" + row.get("address_type") + "_" + field, row.get(field));
            }
        }
        for (Map<String, String> row : shop.rows(shop.from("wc_orders_meta").columns("order_id", "meta_key", "meta_value")
                .whereIn("order_id", orderIds).orderBy("id"))) {
            meta.get(row.get("order_id")).putIfAbsent(row.get("meta_key"), row.get("meta_value"));
        }
        return meta;
    }

    @Override
    public Set<String> customerIds() {
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : shop.rows(shop.from("wc_orders").columns("customer_id").where("customer_id", TableQuery.Op.GT, 0))) {
            ids.add(row.get("customer_id"));
        }
        return ids;
    }

    private static void putIfSet(Map<String, String> values, String key, String value) {
        if (values != null && value != null) {
            values.putIfAbsent(key, value);
        }
    }
}
