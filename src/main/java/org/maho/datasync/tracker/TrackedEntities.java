package org.maho.datasync.tracker;

import java.util.List;
import java.util.Optional;

/**
 * Every entity type the change tracker follows, with the tables whose changes are its changes. An incremental run
 * syncs them in the entity types' dependency order ({@link org.maho.datasync.job.SyncPlan}). Stores,
 * configuration, attributes, attribute sets, groups and tax classes change rarely and are not tracked: a full
 * {@code sync} moves them.
 */
public final class TrackedEntities {

    private static final String INCREMENT_ID = "LOWER(TRIM(ROW.increment_id))";

    /** The url-key path from the root category, as the category handler keys a category. */
    private static final String CATEGORY_PATH = "(SELECT GROUP_CONCAT(LOWER(TRIM(IF(c.level = 1 OR u.value IS NULL"
            + " OR TRIM(u.value) = '', n.value, u.value))) ORDER BY c.level SEPARATOR '/') FROM ${catalog_category_entity} c"
            + " LEFT JOIN ${catalog_category_entity_varchar} n ON n.entity_id = c.entity_id AND n.store_id = 0"
            + " AND n.attribute_id = ${attribute:catalog_category:name}"
            + " LEFT JOIN ${catalog_category_entity_varchar} u ON u.entity_id = c.entity_id AND u.store_id = 0"
            + " AND u.attribute_id = ${attribute:catalog_category:url_key}"
            + " WHERE FIND_IN_SET(c.entity_id, REPLACE(ROW.path, '/', ',')) AND c.level >= 1)";

    public static final List<TrackedEntity> ALL = List.of(
            TrackedEntity.of("category", "catalog_category_entity", "entity_id", CATEGORY_PATH)
                    .values("catalog_category_entity"),
            TrackedEntity.of("product", "catalog_product_entity", "entity_id", "LOWER(TRIM(ROW.sku))")
                    .values("catalog_product_entity")
                    .part("catalog_product_website", "ROW.product_id")
                    .part("catalog_category_product", "ROW.product_id")
                    .part("catalog_product_entity_tier_price", "ROW.entity_id")
                    .part("catalog_product_entity_group_price", "ROW.entity_id")
                    .part("catalog_product_entity_media_gallery", "ROW.entity_id")
                    .partVia("catalog_product_entity_media_gallery_value", "value_id", "catalog_product_entity_media_gallery",
                            "value_id", "entity_id")
                    .part("catalog_product_option", "ROW.product_id")
                    .partVia("catalog_product_option_title", "option_id", "catalog_product_option", "option_id", "product_id")
                    .partVia("catalog_product_option_price", "option_id", "catalog_product_option", "option_id", "product_id")
                    .partVia("catalog_product_option_type_value", "option_id", "catalog_product_option", "option_id", "product_id")
                    .part("catalog_product_option_type_title", optionOfValue())
                    .part("catalog_product_option_type_price", optionOfValue())
                    .part("catalog_product_super_attribute", "ROW.product_id")
                    .partVia("catalog_product_super_attribute_label", "product_super_attribute_id",
                            "catalog_product_super_attribute", "product_super_attribute_id", "product_id")
                    .partVia("catalog_product_super_attribute_pricing", "product_super_attribute_id",
                            "catalog_product_super_attribute", "product_super_attribute_id", "product_id")
                    .part("catalog_product_super_link", "ROW.parent_id")
                    .part("catalog_product_relation", "ROW.parent_id")
                    .part("catalog_product_link", "ROW.product_id")
                    .partVia("catalog_product_link_attribute_int", "link_id", "catalog_product_link", "link_id", "product_id")
                    .partVia("catalog_product_link_attribute_decimal", "link_id", "catalog_product_link", "link_id", "product_id")
                    .partVia("catalog_product_link_attribute_varchar", "link_id", "catalog_product_link", "link_id", "product_id")
                    .part("catalog_product_bundle_option", "ROW.parent_id")
                    .partVia("catalog_product_bundle_option_value", "option_id", "catalog_product_bundle_option", "option_id",
                            "parent_id")
                    .part("catalog_product_bundle_selection", "ROW.parent_product_id")
                    .partVia("catalog_product_bundle_selection_price", "selection_id", "catalog_product_bundle_selection",
                            "selection_id", "parent_product_id")
                    .part("downloadable_link", "ROW.product_id")
                    .partVia("downloadable_link_title", "link_id", "downloadable_link", "link_id", "product_id")
                    .partVia("downloadable_link_price", "link_id", "downloadable_link", "link_id", "product_id")
                    .part("downloadable_sample", "ROW.product_id")
                    .partVia("downloadable_sample_title", "sample_id", "downloadable_sample", "sample_id", "product_id"),
            TrackedEntity.of("stock", "cataloginventory_stock_item", "product_id", null),
            TrackedEntity.of("customer", "customer_entity", "entity_id", "CONCAT(LOWER(TRIM(ROW.email)), '|',"
                            + " (SELECT LOWER(code) FROM ${core_website} WHERE website_id = ROW.website_id))")
                    .values("customer_entity")
                    .part("customer_address_entity", "ROW.parent_id")
                    .partVia("customer_address_entity_varchar", "entity_id", "customer_address_entity", "entity_id", "parent_id")
                    .partVia("customer_address_entity_int", "entity_id", "customer_address_entity", "entity_id", "parent_id")
                    .partVia("customer_address_entity_decimal", "entity_id", "customer_address_entity", "entity_id", "parent_id")
                    .partVia("customer_address_entity_text", "entity_id", "customer_address_entity", "entity_id", "parent_id")
                    .partVia("customer_address_entity_datetime", "entity_id", "customer_address_entity", "entity_id", "parent_id"),
            TrackedEntity.of("order", "sales_flat_order", "entity_id", INCREMENT_ID)
                    .part("sales_flat_order_item", "ROW.order_id")
                    .part("sales_flat_order_address", "ROW.parent_id")
                    .part("sales_flat_order_payment", "ROW.parent_id")
                    .part("sales_flat_order_status_history", "ROW.parent_id"),
            TrackedEntity.of("invoice", "sales_flat_invoice", "entity_id", INCREMENT_ID)
                    .part("sales_flat_invoice_item", "ROW.parent_id")
                    .part("sales_flat_invoice_comment", "ROW.parent_id"),
            TrackedEntity.of("shipment", "sales_flat_shipment", "entity_id", INCREMENT_ID)
                    .part("sales_flat_shipment_item", "ROW.parent_id")
                    .part("sales_flat_shipment_track", "ROW.parent_id")
                    .part("sales_flat_shipment_comment", "ROW.parent_id"),
            TrackedEntity.of("creditmemo", "sales_flat_creditmemo", "entity_id", INCREMENT_ID)
                    .part("sales_flat_creditmemo_item", "ROW.parent_id")
                    .part("sales_flat_creditmemo_comment", "ROW.parent_id"),
            TrackedEntity.of("newsletter", "newsletter_subscriber", "subscriber_id", "CONCAT(LOWER(TRIM(ROW.subscriber_email)), '|',"
                    + " (SELECT LOWER(code) FROM ${core_store} WHERE store_id = ROW.store_id))"),
            TrackedEntity.of("cms_block", "cms_block", "block_id", cmsKey("cms_block_store", "block_id"))
                    .part("cms_block_store", "ROW.block_id"),
            TrackedEntity.of("cms_page", "cms_page", "page_id", cmsKey("cms_page_store", "page_id"))
                    .part("cms_page_store", "ROW.page_id"));

    private TrackedEntities() {}

    public static Optional<TrackedEntity> find(String type) {
        return ALL.stream().filter(entity -> entity.type().equals(type)).findFirst();
    }

    public static List<String> types() {
        return ALL.stream().map(TrackedEntity::type).toList();
    }

    private static String optionOfValue() {
        return "(SELECT o.product_id FROM ${catalog_product_option} o JOIN ${catalog_product_option_type_value} v"
                + " ON v.option_id = o.option_id WHERE v.option_type_id = ROW.option_type_id)";
    }

    /** identifier|store codes, sorted, as the CMS handlers key a page or block. */
    private static String cmsKey(String storeTable, String idColumn) {
        return "CONCAT(LOWER(TRIM(ROW.identifier)), '|', IFNULL((SELECT GROUP_CONCAT(LOWER(s.code) ORDER BY LOWER(s.code)"
                + " SEPARATOR ',') FROM ${" + storeTable + "} l JOIN ${core_store} s ON s.store_id = l.store_id"
                + " WHERE l." + idColumn + " = ROW." + idColumn + "), ''))";
    }
}
