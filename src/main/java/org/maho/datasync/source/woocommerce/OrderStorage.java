package org.maho.datasync.source.woocommerce;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a WooCommerce shop keeps its orders: as posts ({@code shop_order}) with post meta, or in its own tables (HPOS,
 * {@code wc_orders} and beside it), as the shop's {@code woocommerce_custom_orders_table_enabled} option says. Either is
 * read in the posts' shape, which WooCommerce's own migration between the two maps field for field: an order as a
 * post row ({@code ID}, {@code post_status}, {@code post_date_gmt}, {@code post_modified_gmt}, {@code post_excerpt})
 * and its values under the post meta keys ({@code _order_total}, {@code _billing_email} ...). Items and notes are kept
 * alike by both.
 */
interface OrderStorage {

    /** WooCommerce's order types: an order, and a refund of one (its parent). */
    String ORDER = "shop_order";
    String REFUND = "shop_order_refund";

    /** A page of orders of a type after the id {@code after}, by id, as post rows (a refund's order its post_parent). */
    List<Map<String, String>> orders(String type, long after, int limit);

    /** The orders' values by order id, under the post meta keys. */
    Map<String, Map<String, String>> meta(Collection<String> orderIds);

    /** The users who placed an order. */
    Set<String> customerIds();

    /** The storage the shop uses. */
    static OrderStorage of(WordPress shop) {
        boolean tables = shop.hasTable("wc_orders") && shop.option("woocommerce_custom_orders_table_enabled").map("yes"::equals).orElse(false);
        return tables ? new HposOrders(shop) : new PostOrders(shop);
    }
}
