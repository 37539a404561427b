package org.maho.datasync.source;

import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;

/**
 * Where the records of a shop that has no stores (WooCommerce, Shopify) go in the destination, which has stores, groups
 * and attribute sets where such a shop has one shop: its default website and that website's default store, its General (1) and NOT LOGGED IN (0) customer
 * groups, and its products' default attribute set.
 *
 * @param customerGroup a registered customer's group code; null when the destination has none of id 1
 * @param guestGroup    a guest's group code; null when the destination has none of id 0
 */
public record ShopDefaults(String website, String store, String customerGroup, String guestGroup, String attributeSet) {

    public static ShopDefaults of(SyncJob job) {
        ShopMetadata destination = ShopMetadata.of(job.destination());
        ShopMetadata.Website website = destination.defaultWebsite().orElseThrow(
                () -> new IllegalStateException("the destination has no default website to hold the source shop"));
        int productSet = destination.requireEntityType(ProductHandler.ENTITY_TYPE).defaultAttributeSetId();
        return new ShopDefaults(website.code(), destination.defaultStore(website.id()).map(ShopMetadata.Store::code).orElse(null),
                destination.customerGroupCode(1).orElse(null), destination.customerGroupCode(0).orElse(null),
                destination.attributeSetName(ProductHandler.ENTITY_TYPE, productSet).orElse(null));
    }
}
