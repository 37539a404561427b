package org.maho.datasync.entity.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.RowView;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;
import org.maho.datasync.sink.RowRef;

/**
 * Products of every type, with everything that belongs to one: attribute values at every store scope, websites,
 * category positions, tier and group prices, media gallery, custom options, configurable super attributes and
 * children, grouped and related links, bundle options and selections, downloadable links and samples, stock.
 * A product is identified by the registry, else by sku; every reference (attribute, option, set, website, store,
 * group, category, linked product) is mapped by code.
 */
public final class ProductHandler extends TableEntityHandler {

    public static final String ENTITY_TYPE = "catalog_product";
    public static final Set<String> TYPES = Set.of("simple", "virtual", "downloadable", "configurable", "grouped", "bundle");
    public static final Set<String> COMPOSITE = Set.of("configurable", "grouped", "bundle");

    public static final TableShape WEBSITES = TableShape.child("websites", "catalog_product_website", null, "product_id")
            .keys("website_id");
    public static final TableShape CATEGORIES = TableShape.child("categories", "catalog_category_product", null, "product_id")
            .keys("category_id").ref("category_id", "category", Ref.Missing.DROP_ROW);
    public static final TableShape TIER_PRICES = TableShape.child("tier_prices", "catalog_product_entity_tier_price", "value_id", "entity_id")
            .keys("all_groups", "customer_group_id", "qty", "website_id");
    public static final TableShape GROUP_PRICES = TableShape.child("group_prices", "catalog_product_entity_group_price", "value_id", "entity_id")
            .keys("all_groups", "customer_group_id", "website_id");
    public static final TableShape GALLERY = TableShape.child("gallery", "catalog_product_entity_media_gallery", "value_id", "entity_id")
            .keys("attribute_id", "value").kind("attribute_id", ValueKind.ATTRIBUTE)
            .with(TableShape.child("values", "catalog_product_entity_media_gallery_value", null, "value_id").keys("store_id"));
    public static final TableShape OPTION_VALUES = TableShape.child("values", "catalog_product_option_type_value", "option_type_id", "option_id")
            .with(TableShape.child("titles", "catalog_product_option_type_title", "option_type_title_id", "option_type_id").keys("store_id"),
                    TableShape.child("prices", "catalog_product_option_type_price", "option_type_price_id", "option_type_id").keys("store_id"));
    public static final TableShape OPTIONS = TableShape.child("options", "catalog_product_option", "option_id", "product_id")
            .with(TableShape.child("titles", "catalog_product_option_title", "option_title_id", "option_id").keys("store_id"),
                    TableShape.child("prices", "catalog_product_option_price", "option_price_id", "option_id").keys("store_id"),
                    OPTION_VALUES);
    public static final TableShape SUPER_ATTRIBUTES = TableShape.child("super_attributes", "catalog_product_super_attribute",
                    "product_super_attribute_id", "product_id").keys("attribute_id").kind("attribute_id", ValueKind.ATTRIBUTE)
            .with(TableShape.child("labels", "catalog_product_super_attribute_label", "value_id", "product_super_attribute_id").keys("store_id"),
                    TableShape.child("pricing", "catalog_product_super_attribute_pricing", "value_id", "product_super_attribute_id")
                            .keys("value_index", "website_id").kind("value_index", ValueKind.OPTION_REF));
    public static final TableShape SUPER_LINKS = TableShape.child("super_links", "catalog_product_super_link", "link_id", "parent_id")
            .keys("product_id").ref("product_id", "product", Ref.Missing.INVALID);
    public static final TableShape RELATIONS = TableShape.child("relations", "catalog_product_relation", null, "parent_id")
            .keys("child_id").ref("child_id", "product", Ref.Missing.DROP_ROW);
    public static final TableShape LINKS = TableShape.child("links", "catalog_product_link", "link_id", "product_id")
            .keys("link_type_id", "linked_product_id").kind("link_type_id", ValueKind.LINK_TYPE)
            .ref("linked_product_id", "product", Ref.Missing.DROP_ROW)
            .with(linkAttributes("int"), linkAttributes("decimal"), linkAttributes("varchar"));
    public static final TableShape BUNDLE_OPTIONS = TableShape.child("bundle_options", "catalog_product_bundle_option", "option_id", "parent_id")
            .with(TableShape.child("values", "catalog_product_bundle_option_value", "value_id", "option_id").keys("store_id"),
                    TableShape.child("selections", "catalog_product_bundle_selection", "selection_id", "option_id")
                            .keys("product_id").ref("product_id", "product", Ref.Missing.INVALID).ancestor("parent_product_id", 2)
                            .with(TableShape.child("prices", "catalog_product_bundle_selection_price", null, "selection_id").keys("website_id")));
    public static final TableShape DOWNLOADABLE_LINKS = TableShape.child("downloadable_links", "downloadable_link", "link_id", "product_id")
            .with(TableShape.child("titles", "downloadable_link_title", "title_id", "link_id").keys("store_id"),
                    TableShape.child("prices", "downloadable_link_price", "price_id", "link_id").keys("website_id"));
    public static final TableShape DOWNLOADABLE_SAMPLES = TableShape.child("downloadable_samples", "downloadable_sample", "sample_id", "product_id")
            .with(TableShape.child("titles", "downloadable_sample_title", "title_id", "sample_id").keys("store_id"));
    public static final TableShape STOCK = TableShape.child("stock", "cataloginventory_stock_item", "item_id", "product_id").keys("stock_id");

    /** Configurable links an input names from the child's side, child sku to parent sku, in the job's cache. */
    public static final String PARENT_LINKS = "product:parent-links";

    public static final TableShape PRODUCT = TableShape.eavEntity(ENTITY_TYPE, "catalog_product_entity")
            .with(WEBSITES, CATEGORIES, TIER_PRICES, GROUP_PRICES, GALLERY, OPTIONS, SUPER_ATTRIBUTES, SUPER_LINKS, RELATIONS,
                    LINKS, BUNDLE_OPTIONS, DOWNLOADABLE_LINKS, DOWNLOADABLE_SAMPLES, STOCK);

    private static TableShape linkAttributes(String type) {
        return TableShape.child("attributes_" + type, "catalog_product_link_attribute_" + type, "value_id", "link_id")
                .keys("product_link_attribute_id").kind("product_link_attribute_id", ValueKind.LINK_ATTRIBUTE);
    }

    /**
     * Simple, virtual and downloadable products first, then the composite ones, so that a configurable, grouped or
     * bundle product finds its children written. With --limit, one pass by id (a composite whose child comes later
     * waits for it).
     */
    public ProductHandler() {
        super("product", PRODUCT, Set.of(JobOption.DATE_FILTER,
                JobOption.ENTITY_IDS, JobOption.STOCK, JobOption.OPTIONS_MODE, JobOption.IMAGES, JobOption.AUTO_LINK_CONFIGURABLES),
                "products");
    }

    /** Stock is compared as the stock entity; url_path follows from the url key. */
    @Override
    public Set<String> notVerified() {
        return Set.of(STOCK.name(), "url_path");
    }

    /** A product's stock items are the stock type's changes. */
    @Override
    public TrackedEntity tracked() {
        return tracking("LOWER(TRIM(ROW.sku))", STOCK.name());
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String sku = record.text("sku");
        return sku == null ? null : sku.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT entity_id, sku FROM " + job.destination().table("catalog_product_entity")
                + " WHERE sku IN ", "", List.of(), keys, row -> found.put(row.getString(2).trim().toLowerCase(Locale.ROOT), row.getLong(1)));
        return found;
    }

    @Override
    public Map<String, String> naturalKeysOf(SyncJob job, ShopDatabase shop, Connection connection, Collection<Long> ids)
            throws SQLException {
        Map<String, String> skus = new HashMap<>();
        shop.select(connection, TableQuery.from("catalog_product_entity").columns("entity_id", "sku").whereIn("entity_id", ids), row -> {
            if (row.get("sku") != null) {
                skus.put(row.get("entity_id"), row.get("sku").trim().toLowerCase(Locale.ROOT));
            }
        });
        return skus;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String sku = record.text("sku");
        if (sku == null || sku.isBlank()) {
            record.reject("sku", "is missing");
        } else if (sku.length() > 64) {
            record.reject("sku", "is longer than 64 characters");
        }
        String type = record.text("type_id");
        if (type != null && !TYPES.contains(type)) {
            record.reject("type_id", "'" + type + "' is not a product type (" + String.join(", ", TYPES) + ")");
        }
        for (String date : List.of("created_at", "updated_at", "special_from_date", "special_to_date", "news_from_date", "news_to_date")) {
            Object value = record.get(date);
            if (value instanceof String text && !text.startsWith("0000") && DateValues.parse(text) == null) {
                record.reject(date, "'" + text + "' is not a date");
            }
        }
        if (!record.complete()) {
            defaultWebsites(job, record);
        }
        if (job.spec().stockMode() == JobSpec.StockMode.EXCLUDE) {
            record.allChildren().remove(STOCK.name());
            record.completeChildren().remove(STOCK.name());
        }
    }

    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        if (shape != PRODUCT) {
            return;
        }
        String now = DateValues.format(LocalDateTime.now(ZoneOffset.UTC).withNano(0));
        columns.putIfAbsent("created_at", now);
        columns.putIfAbsent("updated_at", now);
        columns.putIfAbsent("type_id", "simple");
        columns.putIfAbsent("attribute_set_id", ShopMetadata.of(job.destination()).requireEntityType(ENTITY_TYPE).defaultAttributeSetId());
    }

    @Override
    protected TableShape.Deletion deletionPolicy(SyncJob job, TableShape child) {
        if (child == OPTIONS && job.spec().optionsMode() != JobSpec.OptionsMode.REPLACE) {
            return TableShape.Deletion.NONE;
        }
        return child.deletion();
    }

    @Override
    protected boolean mayUpdateRows(SyncJob job, TableShape shape) {
        boolean option = shape == OPTIONS || OPTIONS.children().contains(shape) || OPTION_VALUES.children().contains(shape);
        return !(option && job.spec().optionsMode() == JobSpec.OptionsMode.APPEND);
    }

    /** Custom options and their values by store-0 title; bundle options and downloadable parts likewise. */
    @Override
    protected String childKey(TableShape child, RowView row) {
        if (child == OPTIONS) {
            String title = adminTitle(row, "titles", "title");
            return title == null ? null : title + "|" + row.get("type");
        }
        if (child == OPTION_VALUES || child == DOWNLOADABLE_LINKS || child == DOWNLOADABLE_SAMPLES) {
            return adminTitle(row, "titles", "title");
        }
        if (child == BUNDLE_OPTIONS) {
            String title = adminTitle(row, "values", "title");
            return title != null ? title : "#" + row.get("position");
        }
        return super.childKey(child, row);
    }

    private static String adminTitle(RowView row, String children, String column) {
        for (RowView title : row.children(children)) {
            if ("0".equals(title.get("store_id")) && title.get(column) != null) {
                return title.get(column).trim().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    @Override
    public void committed(SyncJob job, List<Record> records) {
        List<String> files = new ArrayList<>();
        for (Record record : records) {
            if (record.outcome() != org.maho.datasync.model.Outcome.CREATED && record.outcome() != org.maho.datasync.model.Outcome.UPDATED) {
                continue;
            }
            for (Record image : record.children(GALLERY.name())) {
                if (image.text("value") != null) {
                    files.add(image.text("value"));
                }
            }
        }
        ProductImages.copy(job, files);
    }

    /** A product deleted at the source is disabled and hidden from the catalog, as a shop takes one off sale. */
    @Override
    public boolean retireTargets(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        setIntValue(job, destination, ENTITY_TYPE, "status", 2, ids);
        setIntValue(job, destination, ENTITY_TYPE, "visibility", 1, ids);
        return true;
    }

    @Override
    public void finish(SyncJob job, Connection destination) throws SQLException {
        linkConfigurables(job, destination);
    }

    static boolean isComposite(Record record) {
        return COMPOSITE.contains(record.text("type_id"));
    }
    /** A new product an input names without websites (a file) goes to every website, as the original tool did. */
    private static void defaultWebsites(SyncJob job, Record record) {
        if (record.targetId() != null || !record.children(WEBSITES.name()).isEmpty()) {
            return;
        }
        for (ShopMetadata.Website website : ShopMetadata.of(job.destination()).websites()) {
            if (website.id() != 0) {
                record.addChild(WEBSITES.name(), new Record("website_link", null, record.origin())
                        .put("website_id", website.code()));
            }
        }
    }

    /**
     * The configurable links an input named from the child's side ({@link #PARENT_LINKS}, a file's simple products after
     * their configurable), written once every product exists.
     */
    private static void linkConfigurables(SyncJob job, Connection destination) throws SQLException {
        Map<String, String> parents = job.<Map<String, String>>cached(PARENT_LINKS, LinkedHashMap::new);
        if (parents.isEmpty()) {
            return;
        }
        Set<String> skus = new LinkedHashSet<>(parents.keySet());
        skus.addAll(parents.values());
        Map<String, Long> ids = new ProductHandler().findByNaturalKeys(job, destination, skus);
        List<List<Object>> links = new ArrayList<>();
        for (Map.Entry<String, String> link : parents.entrySet()) {
            Long child = ids.get(link.getKey());
            Long parent = ids.get(link.getValue());
            if (child == null || parent == null) {
                job.report().warn("product: configurable link " + link.getValue() + " -> " + link.getKey()
                        + " not written: the destination lacks " + (parent == null ? link.getValue() : link.getKey()));
                continue;
            }
            links.add(List.of(child, parent));
        }
        for (List<Object> link : links) {
            Sql.update(destination, "INSERT IGNORE INTO " + job.destination().table("catalog_product_super_link")
                    + " (product_id, parent_id) VALUES (?, ?)", link);
            Sql.update(destination, "INSERT IGNORE INTO " + job.destination().table("catalog_product_relation")
                    + " (child_id, parent_id) VALUES (?, ?)", link);
        }
    }

}
