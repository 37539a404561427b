package org.maho.datasync.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.LinkAttributeRef;
import org.maho.datasync.model.TaxClassRef;
import org.maho.datasync.source.magento2.Magento2Tables;

/**
 * Magento's Luma sample catalog ({@link LumaFixtures}) in a generated OpenMage shop, as Magento's sample-data installer
 * puts it into a shop: its product attributes with their options and attribute sets, its categories, and its products
 * of every type (the gear's simple products, the apparel's configurables with their children by size and colour, a
 * bundle, a grouped product, the training videos as downloadable products) with their attribute values, images,
 * stock and related, up-sell and cross-sell links, and its reviews with their votes. {@code generate --luma} adds it, and with {@code --layout magento2}
 * it moves into the Magento 2 shop with the rest.
 */
final class LumaCatalog {

    private static final List<String> ATTRIBUTE_FILES = List.of("CatalogSampleData/fixtures/attributes.csv",
            "ConfigurableSampleData/fixtures/attributes.csv", "DownloadableSampleData/fixtures/attributes.csv");
    private static final String CATEGORY_FILES = "(Catalog|Configurable|Downloadable|Cms)SampleData/fixtures/categories\\.csv";
    /** The installer's own product files: a category path a line, attribute values by label, a set by name. */
    private static final String SIMPLE_PRODUCTS = "CatalogSampleData/fixtures/SimpleProduct/products_.*\\.csv";
    /** The same for composite and downloadable products, which name simple ones. */
    private static final List<String[]> OTHER_PRODUCTS = List.of(
            new String[] {"DownloadableSampleData/fixtures/products_.*\\.csv", "downloadable"},
            new String[] {"BundleSampleData/fixtures/yoga_bundle\\.csv", "bundle"},
            new String[] {"GroupedProductSampleData/fixtures/yoga_grouped\\.csv", "grouped"});
    /** Tables whose ids the importer gives its rows: its ids start above the highest of them. */
    private static final List<String[]> CHILD_IDS = List.of(new String[] {"catalog_product_bundle_option", "option_id"},
            new String[] {"catalog_product_bundle_selection", "selection_id"},
            new String[] {"catalog_product_super_attribute", "product_super_attribute_id"},
            new String[] {"catalog_product_entity_media_gallery", "value_id"}, new String[] {"catalog_product_link", "link_id"},
            new String[] {"downloadable_link", "link_id"});
    /** Magento 2's import format's columns that are attributes of another code. */
    private static final Map<String, String> IMPORT_COLUMNS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("description", "description"), Map.entry("short_description", "short_description"), Map.entry("weight", "weight"),
            Map.entry("price", "price"), Map.entry("special_price", "special_price"), Map.entry("special_price_from_date", "special_from_date"),
            Map.entry("special_price_to_date", "special_to_date"), Map.entry("url_key", "url_key"), Map.entry("meta_title", "meta_title"),
            Map.entry("meta_keywords", "meta_keyword"), Map.entry("meta_description", "meta_description"), Map.entry("base_image", "image"),
            Map.entry("small_image", "small_image"), Map.entry("thumbnail_image", "thumbnail"), Map.entry("base_image_label", "image_label"),
            Map.entry("small_image_label", "small_image_label"), Map.entry("thumbnail_image_label", "thumbnail_label"),
            Map.entry("new_from_date", "news_from_date"), Map.entry("new_to_date", "news_to_date"));
    private static final Map<String, String> VISIBILITY = Map.of("Not Visible Individually", "1", "Catalog", "2", "Search", "3",
            "Catalog, Search", "4");
    private static final Map<String, Integer> LINK_TYPES = Map.of("related", 1, "upsell", 4, "crosssell", 5);
    private static final Map<Integer, String> LINK_TYPE_CODES = Map.of(1, "relation", 4, "up_sell", 5, "cross_sell");

    private final Connection connection;
    private final ShopSql sql;
    private final LumaFixtures fixtures;
    private final Rows rows = new Rows();
    private ShopMetadata shop;
    private int productType;
    private long root;
    private final Map<String, Long> categories = new HashMap<>();
    /** Each category's path of ids, as catalog_category_entity keeps it. */
    private final Map<Long, String> paths = new HashMap<>();
    private final Map<String, Long> skus = new HashMap<>();
    private final Map<Long, Integer> imagePositions = new HashMap<>();
    private long nextId;
    private long nextCategory;
    /** The next id of a product's child row (gallery, link, option, selection). */
    private long nextChild = 1;
    private final java.util.Set<String> categoryLinks = new java.util.HashSet<>();

    private LumaCatalog(Connection connection, LumaFixtures fixtures) {
        this.connection = connection;
        this.sql = new ShopSql(connection);
        this.fixtures = fixtures;
    }

    /** Adds the Luma catalog of {@code tarball} to the shop; returns how many products it added. */
    static int importInto(Connection connection, Path tarball) throws SQLException, IOException {
        return new LumaCatalog(connection, LumaFixtures.read(tarball)).run();
    }

    private int run() throws SQLException {
        reload();
        attributes();
        reload();
        categoryTree();
        rows.flush(connection);
        nextId = sql.max("catalog_product_entity", "entity_id") + 1;
        for (String[] table : CHILD_IDS) {
            nextChild = Math.max(nextChild, sql.max(table[0], table[1]) + 1);
        }
        installerProducts(SIMPLE_PRODUCTS, "simple");
        importFormat(false);
        importFormat(true);
        for (String[] file : OTHER_PRODUCTS) {
            installerProducts(file[0], file[1]);
        }
        images();
        links();
        rows.flush(connection);
        reviews();
        return skus.size();
    }

    private void reload() throws SQLException {
        shop = ShopMetadata.load(connection, table -> table);
        productType = shop.requireEntityType("catalog_product").id();
    }

    /** The attributes the shop lacks, the options their attributes lack, and the sets that name them. */
    private void attributes() throws SQLException {
        for (String file : ATTRIBUTE_FILES) {
            for (Map<String, String> row : fixtures.file(file)) {
                String code = row.get("attribute_code");
                String input = row.get("frontend_input");
                if (shop.attribute("catalog_product", code).isEmpty()) {
                    String backend = switch (input) {
                        case "multiselect", "text" -> "varchar";
                        case "select", "boolean" -> "int";
                        case "textarea" -> "text";
                        case "price" -> "decimal";
                        case "date" -> "datetime";
                        default -> "varchar";
                    };
                    sql.execute("INSERT INTO eav_attribute (entity_type_id, attribute_code, backend_type, frontend_input, frontend_label,"
                            + " source_model, backend_model, is_user_defined, is_required) VALUES (" + productType + ", " + quoted(code) + ", '"
                            + backend + "', '" + input + "', " + quoted(row.get("frontend_label").split("\n")[0]) + ", "
                            + (input.equals("boolean") ? "'eav/entity_attribute_source_boolean'" : input.endsWith("select")
                            ? "'eav/entity_attribute_source_table'" : "NULL") + ", " + (input.equals("multiselect")
                            ? "'eav/entity_attribute_backend_array'" : "NULL") + ", 1, 0)");
                    sql.execute("INSERT INTO catalog_eav_attribute (attribute_id, is_global, is_visible) SELECT attribute_id, "
                            + Integer.parseInt(row.get("is_global").isEmpty() ? "1" : row.get("is_global")) + ", 1 FROM eav_attribute WHERE"
                            + " entity_type_id = " + productType + " AND attribute_code = " + quoted(code));
                }
                String attribute = "(SELECT attribute_id FROM eav_attribute WHERE entity_type_id = " + productType
                        + " AND attribute_code = " + quoted(code) + ")";
                String[] options = row.get("option").isEmpty() ? new String[0] : row.get("option").split("\n");
                for (int i = 0; i < options.length; i++) {
                    option(attribute, options[i].trim(), i);
                }
                for (String set : row.get("attribute_set").split("\n")) {
                    assign(set.trim(), attribute);
                }
            }
        }
    }

    private void option(String attribute, String label, int sortOrder) throws SQLException {
        if (label.isEmpty() || !sql.rows("SELECT 1 FROM eav_attribute_option o JOIN eav_attribute_option_value v ON v.option_id ="
                + " o.option_id AND v.store_id = 0 WHERE o.attribute_id = " + attribute + " AND v.value = " + quoted(label)).isEmpty()) {
            return;
        }
        sql.execute("INSERT INTO eav_attribute_option (attribute_id, sort_order) VALUES (" + attribute + ", " + sortOrder + ")");
        sql.execute("INSERT INTO eav_attribute_option_value (option_id, store_id, value) VALUES (LAST_INSERT_ID(), 0, " + quoted(label) + ")");
    }

    /** A set of the Luma catalog: made as a copy of the default set, with a group "Luma" its own attributes go to. */
    private void assign(String set, String attribute) throws SQLException {
        String setId = "(SELECT attribute_set_id FROM eav_attribute_set WHERE entity_type_id = " + productType
                + " AND attribute_set_name = " + quoted(set) + ")";
        if (sql.rows("SELECT 1 FROM eav_attribute_set WHERE entity_type_id = " + productType + " AND attribute_set_name = "
                + quoted(set)).isEmpty()) {
            int defaultSet = shop.requireEntityType("catalog_product").defaultAttributeSetId();
            sql.execute("INSERT INTO eav_attribute_set (entity_type_id, attribute_set_name, sort_order) VALUES (" + productType + ", "
                    + quoted(set) + ", 5)");
            sql.execute("INSERT INTO eav_attribute_group (attribute_set_id, attribute_group_name, sort_order) SELECT " + setId
                    + ", attribute_group_name, sort_order FROM eav_attribute_group WHERE attribute_set_id = " + defaultSet);
            sql.execute("INSERT INTO eav_attribute_group (attribute_set_id, attribute_group_name, sort_order) VALUES (" + setId
                    + ", 'Luma', 90)");
            sql.execute("INSERT INTO eav_entity_attribute (entity_type_id, attribute_set_id, attribute_group_id, attribute_id, sort_order)"
                    + " SELECT e.entity_type_id, n.attribute_set_id, n.attribute_group_id, e.attribute_id, e.sort_order FROM"
                    + " eav_entity_attribute e JOIN eav_attribute_group g ON g.attribute_group_id = e.attribute_group_id JOIN"
                    + " eav_attribute_group n ON n.attribute_set_id = " + setId + " AND n.attribute_group_name = g.attribute_group_name"
                    + " WHERE e.attribute_set_id = " + defaultSet);
        }
        sql.execute("INSERT IGNORE INTO eav_entity_attribute (entity_type_id, attribute_set_id, attribute_group_id, attribute_id, sort_order)"
                + " SELECT " + productType + ", g.attribute_set_id, g.attribute_group_id, " + attribute + ", 0 FROM eav_attribute_group g"
                + " WHERE g.attribute_set_id = " + setId + " AND g.attribute_group_name = 'Luma'");
    }

    /** The installer's categories below the default root, each under its parent by name path. */
    private void categoryTree() throws SQLException {
        root = shop.defaultWebsite().flatMap(w -> shop.storeGroup(w.defaultGroupId())).map(ShopMetadata.StoreGroup::rootCategoryId)
                .orElseThrow();
        nextCategory = sql.max("catalog_category_entity", "entity_id") + 1;
        categories.put("", root);
        for (Map<String, String> row : fixtures.files(CATEGORY_FILES)) {
            String parent = row.getOrDefault("path", "");
            String path = parent.isEmpty() ? row.get("name") : parent + "/" + row.get("name");
            if (categories.containsKey(path)) {
                continue;
            }
            long id = category(parent, row.get("name"), row.get("position").isEmpty() ? 0 : Integer.parseInt(row.get("position")));
            categoryValue(id, "url_key", row.get("url_key"));
            categoryValue(id, "is_active", row.get("active"));
            categoryValue(id, "is_anchor", row.get("is_anchor"));
            categoryValue(id, "include_in_menu", row.get("include_in_menu"));
            categoryValue(id, "display_mode", row.getOrDefault("display_mode", "").isEmpty() ? "PRODUCTS" : row.get("display_mode"));
            String layout = row.getOrDefault("page_layout", "");
            if (!layout.isEmpty() && Magento2Tables.pageLayouts().containsKey(layout)) {
                categoryValue(id, "page_layout", Magento2Tables.pageLayouts().get(layout));
            }
        }
    }

    /** A category by its name path below the default root, made (with a url key of its name) when the installer lacks it. */
    private long category(String path) {
        Long known = categories.get(path);
        if (known != null) {
            return known;
        }
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        long id = category(parent, path.substring(slash + 1), 0);
        categoryValue(id, "url_key", path.substring(slash + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        categoryValue(id, "is_active", "1");
        return id;
    }

    private long category(String parent, String name, int position) {
        long parentId = category(parent);
        String parentPath = pathOf(parentId);
        long id = nextCategory++;
        int level = parentPath.split("/").length;
        rows.add("catalog_category_entity", "entity_id, entity_type_id, attribute_set_id, parent_id, path, position, level, children_count,"
                        + " created_at, updated_at", id, shop.requireEntityType("catalog_category").id(),
                shop.requireEntityType("catalog_category").defaultAttributeSetId(), parentId, parentPath + "/" + id, position, level, 0,
                "2024-01-15 09:00:00", "2024-01-15 09:00:00");
        categoryValue(id, "name", name);
        categories.put(parent.isEmpty() ? name : parent + "/" + name, id);
        paths.put(id, parentPath + "/" + id);
        return id;
    }

    private String pathOf(long category) {
        return paths.computeIfAbsent(category, id -> {
            try {
                return sql.rows("SELECT path FROM catalog_category_entity WHERE entity_id = " + id).get(0).get("path").toString();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The installer's product files: one product a row, its categories a path a line (below the default root). */
    private void installerProducts(String pattern, String type) {
        for (Map<String, String> row : fixtures.files(pattern)) {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!List.of("category", "sku", "qty", "attribute_set", "bundle_options", "associated_sku").contains(column)) {
                    values.put(column, value);
                }
            });
            values.put("visibility", "4");
            values.put("status", "1");
            long id = product(type, row.get("sku"), row.get("attribute_set"), values, "\n", row.get("qty"));
            category(id, String.join("/", row.get("category").split("\n")));
            switch (type) {
                case "bundle" -> bundle(id, row.get("bundle_options"));
                case "grouped" -> grouped(id, row.get("associated_sku"));
                case "downloadable" -> downloadable(id, row.get("sku"));
                default -> { }
            }
        }
    }

    /** ConfigurableSampleData's products.csv, in Magento 2's import format: its simple rows, then its configurable ones. */
    private void importFormat(boolean configurables) {
        for (Map<String, String> row : fixtures.file("ConfigurableSampleData/fixtures/products.csv")) {
            if (configurables != row.get("product_type").equals("configurable")) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            IMPORT_COLUMNS.forEach((column, code) -> values.put(code, row.getOrDefault(column, "")));
            values.put("status", "1".equals(row.get("product_online")) ? "1" : "2");
            values.put("visibility", VISIBILITY.getOrDefault(row.get("visibility"), "4"));
            values.put("tax_class_id", String.valueOf(shop.taxClassId(new TaxClassRef(row.get("tax_class_name"), "PRODUCT")).orElse(0)));
            for (String pair : row.get("additional_attributes").split(",")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && !pair.startsWith("has_options=") && !pair.startsWith("required_options=")) {
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
            long id = product(row.get("product_type"), row.get("sku"), row.get("attribute_set_code"), values, "|", row.get("qty"));
            for (String path : row.get("categories").split(",")) {
                category(id, path.replaceFirst("^Default Category/?", ""));
            }
            List<String> images = new ArrayList<>(List.of(row.get("base_image")));
            images.addAll(List.of(row.get("additional_images").split(",")));
            images.stream().filter(image -> !image.isBlank()).forEach(image -> image(id, image));
            if (configurables) {
                configurable(id, row.get("configurable_variations"));
            }
        }
    }

    private long product(String type, String sku, String set, Map<String, String> values, String listSeparator, String qty) {
        long id = nextId++;
        skus.put(sku, id);
        int setId = shop.attributeSetId("catalog_product", set).orElse(shop.requireEntityType("catalog_product").defaultAttributeSetId());
        rows.add("catalog_product_entity", "entity_id, entity_type_id, attribute_set_id, type_id, sku, has_options, required_options,"
                + " created_at, updated_at", id, productType, setId, type, sku, 0, 0, "2024-01-15 10:00:00", "2024-01-15 10:00:00");
        values.putIfAbsent("tax_class_id", String.valueOf(shop.taxClassId(new TaxClassRef("Taxable Goods", "PRODUCT")).orElse(0)));
        values.forEach((code, raw) -> {
            ShopMetadata.Attribute attribute = shop.attribute("catalog_product", code).orElse(null);
            if (attribute == null || attribute.isStatic() || raw == null || raw.isBlank()) {
                return;
            }
            String value = raw.trim();
            if ("boolean".equals(attribute.frontendInput())) {
                value = "Yes".equals(value) || "1".equals(value) ? "1" : "0";
            } else if (shop.hasOptions(attribute)) {
                List<String> ids = new ArrayList<>();
                for (String label : value.split(java.util.regex.Pattern.quote(listSeparator))) {
                    shop.optionId(attribute, label.trim()).ifPresent(option -> ids.add(String.valueOf(option)));
                }
                if (ids.isEmpty()) {
                    return;
                }
                value = String.join(",", ids);
            }
            rows.add("catalog_product_entity_" + attribute.backendType(), "entity_type_id, attribute_id, store_id, entity_id, value",
                    productType, attribute.id(), 0, id, value);
        });
        rows.add("catalog_product_website", "product_id, website_id", id, shop.websiteByCode("base").orElseThrow().id());
        boolean managed = !List.of("configurable", "bundle", "grouped").contains(type);
        rows.add("cataloginventory_stock_item", "product_id, stock_id, qty, is_in_stock, manage_stock, use_config_manage_stock", id, 1,
                managed && qty != null && !qty.isBlank() ? qty : "0", 1, managed ? 1 : 0, 1);
        return id;
    }

    private void category(long product, String path) {
        long category = category(path);
        if (categoryLinks.add(category + ":" + product)) {
            rows.add("catalog_category_product", "category_id, product_id, position", category, product, 0);
        }
    }

    /** An image in the product's gallery, the first one its base, small and thumbnail image too. */
    private void image(long product, String file) {
        int position = imagePositions.merge(product, 1, Integer::sum);
        long value = nextChild++;
        rows.add("catalog_product_entity_media_gallery", "value_id, attribute_id, entity_id, value", value,
                shop.attribute("catalog_product", "media_gallery").orElseThrow().id(), product, file);
        rows.add("catalog_product_entity_media_gallery_value", "value_id, store_id, label, position, disabled", value, 0, null, position, 0);
    }

    /** The installer's image files (sku, image): each product's images in order. */
    private void images() {
        for (Map<String, String> row : fixtures.files(".*/images_.*\\.csv")) {
            Long product = skus.get(row.get("sku"));
            if (product != null && !row.get("image").isBlank()) {
                if (!imagePositions.containsKey(product)) {
                    for (String role : List.of("image", "small_image", "thumbnail")) {
                        rows.add("catalog_product_entity_varchar", "entity_type_id, attribute_id, store_id, entity_id, value", productType,
                                shop.attribute("catalog_product", role).orElseThrow().id(), 0, product, row.get("image"));
                    }
                }
                image(product, row.get("image"));
            }
        }
    }

    /** A configurable's children by sku, its configurable attributes those its variations name (sku=…,size=XS,color=Black|…). */
    private void configurable(long parent, String variations) {
        List<String> attributes = new ArrayList<>();
        for (String variation : variations.split("\\|")) {
            for (String pair : variation.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("sku")) {
                    Long child = skus.get(kv[1]);
                    if (child != null) {
                        rows.add("catalog_product_super_link", "product_id, parent_id", child, parent);
                        rows.add("catalog_product_relation", "parent_id, child_id", parent, child);
                    }
                } else if (!attributes.contains(kv[0])) {
                    attributes.add(kv[0]);
                }
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            long id = nextChild++;
            rows.add("catalog_product_super_attribute", "product_super_attribute_id, product_id, attribute_id, position", id, parent,
                    shop.attribute("catalog_product", attributes.get(i)).orElseThrow().id(), i);
            rows.add("catalog_product_super_attribute_label", "product_super_attribute_id, store_id, use_default, value", id, 0, 1,
                    attributes.get(i).substring(0, 1).toUpperCase(Locale.ROOT) + attributes.get(i).substring(1));
        }
    }

    /** A bundle's options, one a line: {@code Title|radio:sku1,sku2}. */
    private void bundle(long parent, String options) {
        String[] lines = options.split("\n");
        for (int o = 0; o < lines.length; o++) {
            String[] titleAndRest = lines[o].split("\\|", 2);
            String[] typeAndSkus = titleAndRest[1].split(":", 2);
            long option = nextChild++;
            rows.add("catalog_product_bundle_option", "option_id, parent_id, required, position, type", option, parent, 1, o, typeAndSkus[0]);
            rows.add("catalog_product_bundle_option_value", "option_id, store_id, title", option, 0, titleAndRest[0]);
            String[] children = typeAndSkus[1].split(",");
            for (int s = 0; s < children.length; s++) {
                Long child = skus.get(children[s].trim());
                if (child != null) {
                    rows.add("catalog_product_bundle_selection", "selection_id, option_id, parent_product_id, product_id, position, is_default,"
                                    + " selection_price_type, selection_price_value, selection_qty, selection_can_change_qty",
                            nextChild++, option, parent, child, s, s == 0 ? 1 : 0, 0, "0.0000", "1.0000", 1);
                    rows.add("catalog_product_relation", "parent_id, child_id", parent, child);
                }
            }
        }
    }

    private void grouped(long parent, String associated) {
        String[] children = associated.split(",");
        for (int i = 0; i < children.length; i++) {
            Long child = skus.get(children[i].trim());
            if (child != null) {
                long link = link(parent, child, 3, i);
                rows.add("catalog_product_link_attribute_decimal", "product_link_attribute_id, link_id, value",
                        shop.linkAttributeId(new LinkAttributeRef("super", "qty")).orElseThrow(), link, "0.0000");
                rows.add("catalog_product_relation", "parent_id, child_id", parent, child);
            }
        }
    }

    private long link(long product, long linked, int type, int position) {
        long link = nextChild++;
        rows.add("catalog_product_link", "link_id, product_id, linked_product_id, link_type_id", link, product, linked, type);
        rows.add("catalog_product_link_attribute_int", "product_link_attribute_id, link_id, value",
                shop.linkAttributeId(new LinkAttributeRef(type == 3 ? "super" : LINK_TYPE_CODES.get(type), "position")).orElseThrow(),
                link, position);
        return link;
    }

    /** A downloadable product's links, one a row of the installer's downloadable_data file. */
    private void downloadable(long product, String sku) {
        int order = 0;
        for (Map<String, String> row : fixtures.files("DownloadableSampleData/fixtures/downloadable_data_.*\\.csv")) {
            if (sku.equals(row.get("product_sku"))) {
                long link = nextChild++;
                rows.add("downloadable_link", "link_id, product_id, sort_order, number_of_downloads, is_shareable, link_file, link_type",
                        link, product, ++order, 0, 2, row.get("link_item_file"), "file");
                rows.add("downloadable_link_title", "link_id, store_id, title", link, 0, row.get("link_item_title"));
                rows.add("downloadable_link_price", "link_id, website_id, price", link, 0, row.get("link_item_price"));
            }
        }
    }

    /** Related, up-sell and cross-sell links of every module's Links files (sku, linked skus a line). */
    private void links() {
        Map<String, Boolean> made = new HashMap<>();
        for (Map.Entry<String, Integer> type : LINK_TYPES.entrySet()) {
            for (Map<String, String> row : fixtures.files(".*/Links?/" + type.getKey() + "\\.csv|ProductLinksSampleData/fixtures/"
                    + type.getKey() + "\\.csv")) {
                Long product = skus.get(row.get("sku"));
                if (product == null) {
                    continue;
                }
                String[] linked = row.get("linked_sku").split("\n");
                for (int i = 0; i < linked.length; i++) {
                    Long other = skus.get(linked[i].trim());
                    if (other != null && made.putIfAbsent(product + ":" + other + ":" + type.getValue(), true) == null) {
                        link(product, other, type.getValue(), i);
                    }
                }
            }
        }
    }

    /**
     * The installer's reviews (sku, rating code and value, title, text, reviewer), approved, in the default store view,
     * each with its vote; a rating the shop lacks is made with the five options the installer gives it.
     */
    private void reviews() throws SQLException {
        sql.execute("INSERT IGNORE INTO rating_entity (entity_id, entity_code) VALUES (1, 'product')");
        int store = shop.storeByCode("default").orElseThrow().id();
        Map<String, Long> ratings = new HashMap<>();
        List<Map<String, String>> reviews = fixtures.file("ReviewSampleData/fixtures/products_reviews.csv");
        for (int i = 0; i < reviews.size(); i++) {
            Map<String, String> review = reviews.get(i);
            Long product = skus.get(review.get("sku"));
            if (product == null) {
                continue;
            }
            long rating = ratings.computeIfAbsent(review.get("rating_code"), code -> rating(code, store));
            String created = java.time.LocalDateTime.of(2024, 2, 1, 12, 0).plusMinutes(i).toString().replace('T', ' ') + ":00";
            sql.execute("INSERT INTO review (created_at, entity_id, entity_pk_value, status_id) VALUES ('" + created + "', 1, " + product
                    + ", 1)");
            long id = sql.lastInsertId();
            sql.execute("INSERT INTO review_detail (review_id, store_id, title, detail, nickname) VALUES (" + id + ", " + store + ", "
                    + quoted(review.get("title").trim()) + ", " + quoted(review.get("review")) + ", " + quoted(review.get("reviewer")) + ")");
            sql.execute("INSERT INTO review_store (review_id, store_id) VALUES (" + id + ", 0), (" + id + ", " + store + ")");
            int value = Integer.parseInt(review.get("rating_value"));
            sql.execute("INSERT INTO rating_option_vote (option_id, remote_ip, remote_ip_long, entity_pk_value, rating_id, review_id,"
                    + " percent, value) SELECT option_id, '127.0.0.1', UNHEX('7F000001'), " + product + ", " + rating + ", " + id + ", "
                    + value * 20 + ", " + value + " FROM rating_option WHERE rating_id = " + rating + " AND value = " + value);
        }
    }

    private long rating(String code, int store) {
        try {
            List<Map<String, Object>> known = sql.rows("SELECT rating_id FROM rating WHERE rating_code = " + quoted(code));
            if (!known.isEmpty()) {
                return ((Number) known.get(0).get("rating_id")).longValue();
            }
            sql.execute("INSERT INTO rating (entity_id, rating_code, position) VALUES (1, " + quoted(code) + ", 0)");
            long id = sql.lastInsertId();
            for (int value = 1; value <= 5; value++) {
                sql.execute("INSERT INTO rating_option (rating_id, code, value, position) VALUES (" + id + ", '" + value + "', " + value + ", "
                        + value + ")");
            }
            sql.execute("INSERT INTO rating_store (rating_id, store_id) VALUES (" + id + ", " + store + ")");
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void categoryValue(long category, String code, String value) {
        ShopMetadata.Attribute attribute = shop.attribute("catalog_category", code).orElse(null);
        if (attribute != null && value != null && !value.isEmpty()) {
            rows.add("catalog_category_entity_" + attribute.backendType(), "entity_type_id, attribute_id, store_id, entity_id, value",
                    shop.requireEntityType("catalog_category").id(), attribute.id(), 0, category, value);
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
