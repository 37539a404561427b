package org.maho.datasync.source.woocommerce;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.TableQuery;

/** Orders kept as {@code shop_order} posts with their post meta: WooCommerce's storage before HPOS. */
final class PostOrders implements OrderStorage {

    private final WordPress shop;

    PostOrders(WordPress shop) {
        this.shop = shop;
    }

    @Override
    public List<Map<String, String>> orders(String type, long after, int limit) {
        return shop.posts(type, after, limit);
    }

    @Override
    public Map<String, Map<String, String>> meta(Collection<String> orderIds) {
        return shop.postMeta(orderIds);
    }

    @Override
    public Set<String> customerIds() {
        Set<String> ids = new HashSet<>();
        for (Map<String, String> row : shop.rows(shop.from("postmeta").columns("meta_value").where("meta_key", TableQuery.Op.EQ, "_customer_user"))) {
            if (row.get("meta_value") != null && !"0".equals(row.get("meta_value"))) {
                ids.add(row.get("meta_value"));
            }
        }
        return ids;
    }
}
