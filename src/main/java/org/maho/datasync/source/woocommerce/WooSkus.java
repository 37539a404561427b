package org.maho.datasync.source.woocommerce;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.job.SyncJob;

/**
 * A product's SKU, OpenMage's key of a product. WooCommerce lets a product have none; such a product takes its slug (the
 * last part of its URL, unique among the shop's products) as {@code datasync.woocommerce.missing-sku = slug} says, and
 * with {@code reject} it is invalid.
 */
final class WooSkus {

    static final String SETTING = "datasync.woocommerce.missing-sku";

    private final WordPress shop;
    private final boolean fromSlug;

    WooSkus(SyncJob job, WordPress shop) {
        this.shop = shop;
        String mode = job.settings() == null ? "slug" : job.settings().text(SETTING);
        if (!List.of("slug", "reject").contains(mode)) {
            throw new IllegalArgumentException(SETTING + " is slug or reject, not '" + mode + "'");
        }
        this.fromSlug = "slug".equals(mode);
    }

    /** The SKU of a product or variation post with its meta; null when it has none and takes none. */
    String of(Map<String, String> post, Map<String, String> meta) {
        String sku = meta.get("_sku");
        if (!Texts.blank(sku)) {
            return sku.trim();
        }
        return fromSlug && !Texts.blank(post.get("post_name")) ? Texts.slug(post.get("post_name")) : null;
    }

    boolean fromSlug() {
        return fromSlug;
    }

    /** The SKUs of these product and variation posts, by post id, for what refers to them (order items, grouped products). */
    Map<String, String> of(Collection<String> ids) {
        Map<String, String> skus = new HashMap<>();
        if (ids.isEmpty()) {
            return skus;
        }
        Map<String, Map<String, String>> meta = shop.postMeta(ids);
        for (Map<String, String> post : shop.rows(shop.from("posts").columns("ID", "post_name").whereIn("ID", ids)
                .where(new TableQuery.Condition("post_type", TableQuery.Op.IN, List.of("product", "product_variation"))))) {
            String sku = of(post, meta.getOrDefault(post.get("ID"), Map.of()));
            if (sku != null) {
                skus.put(post.get("ID"), sku);
            }
        }
        return skus;
    }
}
