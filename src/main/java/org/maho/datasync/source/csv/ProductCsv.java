package org.maho.datasync.source.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.LinkAttributeRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.ProductParts;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TaxClassRef;

/**
 * The original tool's product CSV format (products_simple.csv and its optional columns): one line per product,
 * attributes by code, stock in qty/is_in_stock and the other stock columns, category_ids of the same source's
 * categories, tier_prices and custom_options as JSON, images by path, configurable and grouped children by sku.
 * Numeric set, tax class, website, group and option ids in a file are the destination's own.
 */
final class ProductCsv {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STOCK = Set.of("qty", "is_in_stock", "min_qty", "use_config_min_qty", "is_qty_decimal",
            "backorders", "use_config_backorders", "min_sale_qty", "use_config_min_sale_qty", "max_sale_qty",
            "use_config_max_sale_qty", "notify_stock_qty", "use_config_notify_stock_qty", "manage_stock",
            "use_config_manage_stock", "qty_increments", "use_config_qty_increments", "enable_qty_increments",
            "use_config_enable_qty_inc");
    private static final Set<String> STRUCTURE = Set.of("entity_id", "attribute_set_id", "attribute_set", "attribute_set_code",
            "tax_class_id", "category_ids", "website_ids", "tier_prices", "custom_options", "media_gallery",
            "configurable_children_skus", "configurable_parent_sku", "super_attributes", "grouped_product_skus");
    private static final List<String> IMAGE_ROLES = List.of("image", "small_image", "thumbnail");
    /** Configurable links collected from the file (child sku to parent sku), written when the run ends. */
    private static final String LAST_CONFIGURABLE = "product-csv:last-configurable";

    private ProductCsv() {}

    static Record toRecord(CsvRow row, SyncJob job) {
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Record record = new Record(ProductHandler.ENTITY_TYPE, row.get("entity_id"), row.origin());
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (value == null || value.isEmpty() || STRUCTURE.contains(column) || STOCK.contains(column)) {
                continue;
            }
            Object portable = CsvValues.attributeValue(job, ProductHandler.ENTITY_TYPE, column, value);
            record.put(column, portable);
        }
        attributeSet(row, record, shop);
        taxClass(row, record, shop);
        stock(row, record);
        categories(row, record);
        websites(row, record, shop);
        images(row, record);
        tierPrices(row, record, shop);
        customOptions(row, record);
        configurable(row, record, job);
        grouped(row, record);
        return record;
    }

    private static void attributeSet(CsvRow row, Record record, ShopMetadata shop) {
        String name = row.get("attribute_set") != null ? row.get("attribute_set") : row.get("attribute_set_code");
        String id = row.get("attribute_set_id");
        if (name == null && id != null) {
            name = CsvValues.isNumber(id) ? shop.attributeSetName(ProductHandler.ENTITY_TYPE, Integer.parseInt(id)).orElse(null) : id;
            if (name == null) {
                record.reject("attribute_set_id", "unknown attribute set id " + id + " for products");
                return;
            }
        }
        if (name != null) {
            record.put("attribute_set_id", name);
        }
    }

    private static void taxClass(CsvRow row, Record record, ShopMetadata shop) {
        String value = row.get("tax_class_id");
        if (value == null) {
            return;
        }
        if ("0".equals(value)) {
            record.put("tax_class_id", new org.maho.datasync.model.RawValue("0"));
        } else if (CsvValues.isNumber(value)) {
            shop.taxClass(Integer.parseInt(value)).ifPresentOrElse(c -> record.put("tax_class_id", c),
                    () -> record.reject("tax_class_id", "unknown tax class id " + value));
        } else {
            record.put("tax_class_id", new TaxClassRef(value, "PRODUCT"));
        }
    }

    private static void stock(CsvRow row, Record record) {
        Record item = new Record("stock", null, row.origin() + " (stock)");
        for (String column : STOCK) {
            if (row.has(column)) {
                item.put(column, row.get(column));
            }
        }
        if (item.fields().isEmpty()) {
            return;
        }
        item.put("stock_id", "1");
        if (item.get("is_in_stock") == null && item.get("qty") != null) {
            item.put("is_in_stock", CsvValues.isPositive(item.text("qty")) ? "1" : "0");
        }
        record.addChild(ProductHandler.STOCK.name(), item);
    }

    /** category_ids are the same source's category ids: import the categories first, under the same source name. */
    private static void categories(CsvRow row, Record record) {
        if (!row.hasColumn("category_ids")) {
            return;
        }
        record.completeChildren().add(ProductHandler.CATEGORIES.name());
        for (String id : CsvValues.list(row.get("category_ids"))) {
            Record link = new Record("category_link", null, row.origin() + " (category " + id + ")");
            link.put("category_id", new Ref("category", id, null, Ref.Missing.DROP_ROW));
            link.put("position", "0");
            record.addChild(ProductHandler.CATEGORIES.name(), link);
        }
    }

    private static void websites(CsvRow row, Record record, ShopMetadata shop) {
        if (!row.hasColumn("website_ids")) {
            return;
        }
        record.completeChildren().add(ProductHandler.WEBSITES.name());
        for (String website : CsvValues.list(row.get("website_ids"))) {
            String code = CsvValues.isNumber(website)
                    ? shop.website(Integer.parseInt(website)).map(ShopMetadata.Website::code).orElse(null) : website;
            if (code == null) {
                record.reject("website_ids", "unknown website id " + website);
                continue;
            }
            record.addChild(ProductHandler.WEBSITES.name(), new Record("website_link", null, row.origin()).put("website_id", code));
        }
    }

    private static void images(CsvRow row, Record record) {
        Set<String> files = new LinkedHashSet<>();
        for (String role : IMAGE_ROLES) {
            if (row.has(role) && !"no_selection".equals(row.get(role))) {
                files.add(normalizeImage(row.get(role)));
                record.put(role, normalizeImage(row.get(role)));
            }
        }
        if (row.has("media_gallery")) {
            for (String file : CsvValues.list(row.get("media_gallery").replace('|', ','))) {
                files.add(normalizeImage(file));
            }
        }
        int position = 1;
        for (String file : files) {
            record.addChild(ProductHandler.GALLERY.name(), ProductParts.image(record, file, position++, null));
        }
    }

    private static String normalizeImage(String path) {
        String file = path.trim().replace('\\', '/');
        return file.startsWith("http") || file.startsWith("/") ? file : "/" + file;
    }

    /** [{"customer_group_id" or "cust_group": 1, "qty": 5, "value" or "price": 9.5, "website_id": 0}]; group 32000 is all groups. */
    private static void tierPrices(CsvRow row, Record record, ShopMetadata shop) {
        if (!row.hasColumn("tier_prices")) {
            return;
        }
        record.completeChildren().add(ProductHandler.TIER_PRICES.name());
        JsonNode prices = CsvValues.jsonArray(row, record, "tier_prices");
        if (prices == null) {
            return;
        }
        for (JsonNode price : prices) {
            String group = CsvValues.jsonText(price, "customer_group_id", "cust_group");
            boolean allGroups = group == null || "32000".equals(group);
            Record tier = new Record("tier_price", null, row.origin() + " (tier price)");
            tier.put("all_groups", allGroups ? "1" : "0");
            tier.put("customer_group_id", allGroups ? shop.customerGroupCode(0).orElse("NOT LOGGED IN")
                    : CsvValues.isNumber(group) ? shop.customerGroupCode(Integer.parseInt(group)).orElse(group) : group);
            tier.put("qty", CsvValues.jsonText(price, "qty", "price_qty"));
            tier.put("value", CsvValues.jsonText(price, "value", "price"));
            String website = CsvValues.jsonText(price, "website_id");
            tier.put("website_id", website == null || "0".equals(website) ? "admin"
                    : shop.website(Integer.parseInt(website)).map(ShopMetadata.Website::code).orElse(website));
            record.addChild(ProductHandler.TIER_PRICES.name(), tier);
        }
    }

    /**
     * [{"title": "Engraving", "type": "field", "is_require": 1, "price": 5, "price_type": "fixed", "values":
     * [{"title": "Gold", "price": 10}]}]: titles and prices at the admin store.
     */
    private static void customOptions(CsvRow row, Record record) {
        if (!row.hasColumn("custom_options")) {
            return;
        }
        record.completeChildren().add(ProductHandler.OPTIONS.name());
        JsonNode options = CsvValues.jsonArray(row, record, "custom_options");
        if (options == null) {
            return;
        }
        int sort = 0;
        for (JsonNode node : options) {
            Record option = new Record("option", null, row.origin() + " (option)");
            option.put("type", CsvValues.jsonText(node, "type") == null ? "field" : CsvValues.jsonText(node, "type").replace("dropdown", "drop_down"));
            option.put("is_require", CsvValues.jsonText(node, "is_require", "required") == null ? "0" : CsvValues.jsonText(node, "is_require", "required"));
            option.put("sort_order", CsvValues.jsonText(node, "sort_order") == null ? String.valueOf(sort) : CsvValues.jsonText(node, "sort_order"));
            putIfPresent(option, "sku", CsvValues.jsonText(node, "sku"));
            putIfPresent(option, "max_characters", CsvValues.jsonText(node, "max_characters"));
            putIfPresent(option, "file_extension", CsvValues.jsonText(node, "file_extension"));
            option.addChild("titles", new Record("option_title", null, row.origin()).put("store_id", "admin").put("title", CsvValues.jsonText(node, "title")));
            if (CsvValues.jsonText(node, "price") != null) {
                option.addChild("prices", new Record("option_price", null, row.origin()).put("store_id", "admin")
                        .put("price", CsvValues.jsonText(node, "price")).put("price_type", CsvValues.jsonText(node, "price_type") == null ? "fixed" : CsvValues.jsonText(node, "price_type")));
            }
            int valueSort = 0;
            for (JsonNode valueNode : node.path("values")) {
                Record value = new Record("option_value", null, row.origin());
                value.put("sort_order", CsvValues.jsonText(valueNode, "sort_order") == null ? String.valueOf(valueSort) : CsvValues.jsonText(valueNode, "sort_order"));
                putIfPresent(value, "sku", CsvValues.jsonText(valueNode, "sku"));
                value.addChild("titles", new Record("value_title", null, row.origin()).put("store_id", "admin")
                        .put("title", CsvValues.jsonText(valueNode, "title")));
                if (CsvValues.jsonText(valueNode, "price") != null) {
                    value.addChild("prices", new Record("value_price", null, row.origin()).put("store_id", "admin")
                            .put("price", CsvValues.jsonText(valueNode, "price"))
                            .put("price_type", CsvValues.jsonText(valueNode, "price_type") == null ? "fixed" : CsvValues.jsonText(valueNode, "price_type")));
                }
                option.addChild("values", value);
                valueSort++;
            }
            record.addChild(ProductHandler.OPTIONS.name(), option);
            sort++;
        }
    }

    /**
     * A configurable's children by sku (configurable_children_skus) and its super_attributes by code; or a child's
     * configurable_parent_sku, or with --auto-link-configurables the simple lines right after a configurable of the
     * same set: those links are written when the run ends, when every product of the file exists.
     */
    private static void configurable(CsvRow row, Record record, SyncJob job) {
        String sku = row.get("sku");
        String type = row.get("type_id") == null ? "simple" : row.get("type_id");
        if ("configurable".equals(type)) {
            int position = 0;
            for (String code : CsvValues.list(row.get("super_attributes"))) {
                ProductParts.superAttribute(record, code, position++);
            }
            for (String child : CsvValues.list(row.get("configurable_children_skus") == null ? null
                    : row.get("configurable_children_skus").replace('|', ','))) {
                Ref ref = new Ref("product", null, child.toLowerCase(Locale.ROOT), Ref.Missing.INVALID);
                ProductParts.configurableChild(record, ref);
            }
            job.cached(LAST_CONFIGURABLE, () -> new String[2])[0] = sku;
            job.cached(LAST_CONFIGURABLE, () -> new String[2])[1] = row.get("attribute_set_id");
            return;
        }
        String parent = row.get("configurable_parent_sku");
        String[] last = job.cached(LAST_CONFIGURABLE, () -> new String[2]);
        if (parent == null && job.spec().autoLinkConfigurables() && "simple".equals(type) && last[0] != null
                && java.util.Objects.equals(last[1], row.get("attribute_set_id"))) {
            parent = last[0];
        } else if (!"simple".equals(type)) {
            last[0] = null;
        }
        if (parent != null && sku != null) {
            job.<Map<String, String>>cached(ProductHandler.PARENT_LINKS, LinkedHashMap::new).put(sku.toLowerCase(Locale.ROOT), parent.toLowerCase(Locale.ROOT));
        }
    }

    /** grouped_product_skus: "SKU:qty|SKU:qty" or "SKU,SKU". */
    private static void grouped(CsvRow row, Record record) {
        String grouped = row.get("grouped_product_skus");
        if (grouped == null) {
            return;
        }
        int position = 0;
        for (String entry : grouped.split("[|,]")) {
            String[] parts = entry.trim().split(":");
            if (parts[0].isEmpty()) {
                continue;
            }
            Ref ref = new Ref("product", null, parts[0].toLowerCase(Locale.ROOT), Ref.Missing.INVALID);
            Record link = ProductParts.groupedChild(record, ref, position++);
            link.addChild("attributes_decimal", new Record("link_qty", null, row.origin())
                    .put("product_link_attribute_id", new LinkAttributeRef("super", "qty")).put("value", parts.length > 1 ? parts[1] : "0"));
        }
    }

    private static void putIfPresent(Record record, String field, String value) {
        if (value != null) {
            record.put(field, value);
        }
    }
}
