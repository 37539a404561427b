package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.maho.datasync.mapping.ShopMetadata;

/**
 * Fills a shop's catalog: a category tree with German and French names, and products of every type (simple,
 * virtual, downloadable, configurable with its simple children, grouped, bundle) with select and multiselect
 * options, store-view overrides, tier and group prices, custom options, gallery rows, category positions,
 * up-sells and stock. Deterministic for a given seed.
 */
public final class CatalogGenerator {

    private static final String[] NOUNS = {"Shirt", "Jacket", "Lamp", "Chair", "Camera", "Phone", "Kettle", "Boot", "Desk", "Clock"};
    private static final String[] ADJECTIVES = {"Classic", "Modern", "Rustic", "Compact", "Deluxe", "Urban", "Nordic", "Vintage"};
    private static final String[] TOPS = {"Apparel", "Home", "Electronics", "Outdoor", "Office"};
    private static final String[] SUBS = {"New", "Sale", "Premium", "Basics"};

    private final Connection connection;
    private final ShopMetadata shop;
    private final Random random;
    private final Rows rows = new Rows();
    private final int productType;
    private final int categoryType;
    private final List<Long> categories = new ArrayList<>();
    private final List<Long> simples = new ArrayList<>();
    private long nextId;
    private long nextOption;

    private CatalogGenerator(Connection connection, ShopMetadata shop, long seed) {
        this.connection = connection;
        this.shop = shop;
        this.random = new Random(seed);
        this.productType = shop.requireEntityType("catalog_product").id();
        this.categoryType = shop.requireEntityType("catalog_category").id();
    }

    /** Adds a category tree under the default root and {@code count} products, about a tenth of them composite. */
    public static void generate(Connection connection, ShopMetadata shop, int count, long seed) throws SQLException {
        new CatalogGenerator(connection, shop, seed).run(count);
    }

    private void run(int count) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            nextId = new ShopSql(connection).max("catalog_category_entity", "entity_id") + 1;
            categoryTree();
            rows.flush(connection);
            nextId = new ShopSql(connection).max("catalog_product_entity", "entity_id") + 1;
            // one counter for every child table's explicit ids: above the highest id any of them has
            nextOption = 1;
            for (String[] table : new String[][] {{"catalog_product_option", "option_id"}, {"catalog_product_option_type_value", "option_type_id"},
                    {"catalog_product_bundle_option", "option_id"}, {"catalog_product_bundle_selection", "selection_id"},
                    {"catalog_product_super_attribute", "product_super_attribute_id"}, {"catalog_product_entity_media_gallery", "value_id"},
                    {"catalog_product_link", "link_id"}, {"downloadable_link", "link_id"}, {"downloadable_sample", "sample_id"}}) {
                nextOption = Math.max(nextOption, new ShopSql(connection).max(table[0], table[1]) + 1);
            }
            int made = 0;
            while (made < count) {
                int roll = random.nextInt(100);
                if (roll < 8 && count - made >= 4) {
                    made += configurable();
                } else if (roll < 11 && simples.size() >= 3) {
                    product("grouped", "Set of " + word(), "4");
                    made++;
                } else if (roll < 14 && simples.size() >= 4) {
                    product("bundle", "Bundle " + word(), "4");
                    made++;
                } else if (roll < 18) {
                    product("virtual", "Service " + word(), "4");
                    made++;
                } else if (roll < 22) {
                    product("downloadable", "Guide " + word(), "4");
                    made++;
                } else {
                    simples.add(product("simple", word(), "4"));
                    made++;
                }
                if (made % 500 == 0) {
                    rows.flush(connection);
                    connection.commit();
                }
            }
            rows.flush(connection);
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void categoryTree() throws SQLException {
        long root = shop.defaultWebsite().flatMap(w -> shop.storeGroup(w.defaultGroupId()))
                .map(ShopMetadata.StoreGroup::rootCategoryId).orElseThrow();
        String rootPath = "1/" + root;
        int position = 1;
        for (String top : TOPS) {
            long id = category(root, rootPath, 2, position++, top);
            int subPosition = 1;
            for (String sub : SUBS) {
                if (random.nextInt(4) > 0) {
                    category(id, rootPath + "/" + id, 3, subPosition++, sub + " " + top);
                }
            }
        }
    }

    private long category(long parent, String parentPath, int level, int position, String name) {
        long id = nextId++;
        LocalDateTime created = LocalDateTime.of(2024, 2, 1, 9, 0).plusHours(id);
        rows.add("catalog_category_entity", "entity_id, entity_type_id, attribute_set_id, parent_id, path, position, level,"
                        + " children_count, created_at, updated_at",
                id, categoryType, shop.requireEntityType("catalog_category").defaultAttributeSetId(), parent,
                parentPath + "/" + id, position, level, 0, created, created);
        categoryValue(id, "name", 0, name);
        categoryValue(id, "name", store("german"), "DE " + name);
        categoryValue(id, "name", store("french"), "FR " + name);
        categoryValue(id, "url_key", 0, name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        categoryValue(id, "is_active", 0, "1");
        categoryValue(id, "include_in_menu", 0, random.nextInt(10) > 0 ? "1" : "0");
        categoryValue(id, "is_anchor", 0, "1");
        categoryValue(id, "display_mode", 0, "PRODUCTS");
        if (random.nextBoolean()) {
            categoryValue(id, "description", 0, "All about " + name + ".\nSecond line.");
        }
        categories.add(id);
        return id;
    }

    private int configurable() {
        List<Long> children = new ArrayList<>();
        String base = word();
        int size = 3 + random.nextInt(2);
        String[] sizes = {"S", "M", "L", "XL"};
        for (int i = 0; i < size; i++) {
            // a configurable's children are not visible on their own
            long child = product("simple", base + " " + sizes[i], "1");
            productValue(child, "size", 0, option("size", sizes[i]));
            children.add(child);
        }
        long parent = product("configurable", base, "4");
        long superAttribute = nextOption++;
        rows.add("catalog_product_super_attribute", "product_super_attribute_id, product_id, attribute_id, position",
                superAttribute, parent, attribute("size"), 0);
        rows.add("catalog_product_super_attribute_label", "product_super_attribute_id, store_id, use_default, value",
                superAttribute, 0, 0, "Size");
        rows.add("catalog_product_super_attribute_pricing", "product_super_attribute_id, value_index, is_percent, pricing_value, website_id",
                superAttribute, option("size", "XL"), 0, "5.0000", 0);
        for (long child : children) {
            rows.add("catalog_product_super_link", "product_id, parent_id", child, parent);
            rows.add("catalog_product_relation", "parent_id, child_id", parent, child);
        }
        return size + 1;
    }

    private long product(String type, String name, String visibility) {
        long id = nextId++;
        String sku = type.substring(0, 3).toUpperCase(Locale.ROOT) + "-" + id;
        LocalDateTime created = LocalDateTime.of(2024, 3, 1, 10, 0).plusMinutes(id * 13);
        int set = random.nextInt(4) == 0 ? shop.attributeSetId("catalog_product", "Clothing")
                .orElse(shop.requireEntityType("catalog_product").defaultAttributeSetId())
                : shop.requireEntityType("catalog_product").defaultAttributeSetId();
        rows.add("catalog_product_entity", "entity_id, entity_type_id, attribute_set_id, type_id, sku, has_options,"
                        + " required_options, created_at, updated_at",
                id, productType, set, type, sku, 0, 0, created, created.plusDays(random.nextInt(90)));
        productValue(id, "name", 0, name);
        if (random.nextInt(3) == 0) {
            productValue(id, "name", store("german"), "DE " + name);
        }
        productValue(id, "url_key", 0, sku.toLowerCase(Locale.ROOT));
        productValue(id, "status", 0, random.nextInt(20) == 0 ? "2" : "1");
        productValue(id, "visibility", 0, visibility);
        productValue(id, "tax_class_id", 0, String.valueOf(shop.taxClassId(new org.maho.datasync.model.TaxClassRef("Taxable Goods", "PRODUCT")).orElse(2)));
        productValue(id, "description", 0, "The " + name + ".\nMade to last.");
        productValue(id, "description", store("french"), "Le " + name + ".");
        productValue(id, "short_description", 0, name);
        productValue(id, "price", 0, String.format(Locale.ROOT, "%d.%02d00", 5 + random.nextInt(400), random.nextInt(100)));
        productValue(id, "weight", 0, String.format(Locale.ROOT, "%d.%04d", random.nextInt(5), random.nextInt(10000)));
        productValue(id, "color", 0, option("color", pick(new String[] {"Red", "Blue", "Green", "Black", "White"})));
        productValue(id, "manufacturer", 0, option("manufacturer", pick(new String[] {"Acme", "Globex", "Initech"})));
        if (random.nextBoolean()) {
            productValue(id, "material", 0, option("material", "Cotton") + "," + option("material", "Wool"));
        }
        if (random.nextInt(4) == 0) {
            productValue(id, "special_price", 0, "4.9900");
            productValue(id, "special_from_date", 0, "2024-06-01 00:00:00");
        }
        if (shop.attribute("catalog_product", "shoe_size").isPresent() && random.nextInt(5) == 0) {
            productValue(id, "shoe_size", 0, option("shoe_size", "42"));
        }
        rows.add("catalog_product_website", "product_id, website_id", id, shop.websiteByCode("base").orElseThrow().id());
        if (random.nextInt(5) == 0) {
            rows.add("catalog_product_website", "product_id, website_id", id, shop.websiteByCode("wholesale").orElseThrow().id());
        }
        int links = 1 + random.nextInt(3);
        for (int i = 0; i < links && i < categories.size(); i++) {
            rows.add("catalog_category_product", "category_id, product_id, position",
                    categories.get((int) ((id + i * 7) % categories.size())), id, i + 1);
        }
        if (random.nextInt(5) == 0) {
            rows.add("catalog_product_entity_tier_price", "entity_id, all_groups, customer_group_id, qty, value, website_id",
                    id, 1, 0, "5.0000", "3.5000", 0);
            rows.add("catalog_product_entity_tier_price", "entity_id, all_groups, customer_group_id, qty, value, website_id",
                    id, 0, shop.customerGroupId("Wholesale").orElseThrow(), "10.0000", "3.0000", 0);
        }
        if (random.nextInt(10) == 0) {
            rows.add("catalog_product_entity_group_price", "entity_id, all_groups, customer_group_id, value, website_id",
                    id, 0, shop.customerGroupId("VIP").orElseThrow(), "2.5000", 0);
        }
        if (random.nextBoolean()) {
            gallery(id, sku);
        }
        if (random.nextInt(10) == 0 && "simple".equals(type)) {
            customOption(id);
        }
        if (!simples.isEmpty() && random.nextInt(6) == 0) {
            long other = simples.get(random.nextInt(simples.size()));
            rows.add("catalog_product_link", "link_id, product_id, linked_product_id, link_type_id", nextOption++, id, other, 4);
        }
        switch (type) {
            case "grouped" -> grouped(id);
            case "bundle" -> bundle(id);
            case "downloadable" -> downloadable(id);
            default -> { }
        }
        stock(id, type);
        return id;
    }

    private void gallery(long product, String sku) {
        for (int i = 1; i <= 2; i++) {
            long value = nextOption++;
            String file = "/" + sku.charAt(0) + "/" + sku.charAt(1) + "/" + sku.toLowerCase(Locale.ROOT) + "-" + i + ".jpg";
            rows.add("catalog_product_entity_media_gallery", "value_id, attribute_id, entity_id, value",
                    value, attribute("media_gallery"), product, file);
            rows.add("catalog_product_entity_media_gallery_value", "value_id, store_id, label, position, disabled",
                    value, 0, i == 1 ? "Front" : "Back", i, i == 2 && random.nextBoolean() ? 1 : 0);
            if (i == 1) {
                productValue(product, "image", 0, file);
                productValue(product, "small_image", 0, file);
                productValue(product, "thumbnail", 0, file);
            }
        }
    }

    private void customOption(long product) {
        long option = nextOption++;
        rows.add("catalog_product_option", "option_id, product_id, type, is_require, sku, sort_order", option, product,
                "drop_down", 0, "", 1);
        rows.add("catalog_product_option_title", "option_id, store_id, title", option, 0, "Gift Wrap");
        rows.add("catalog_product_option_title", "option_id, store_id, title", option, store("german"), "Geschenkverpackung");
        for (String[] value : new String[][] {{"Paper", "2.0000"}, {"Box", "5.0000"}}) {
            long type = nextOption++;
            rows.add("catalog_product_option_type_value", "option_type_id, option_id, sku, sort_order", type, option, "", 0);
            rows.add("catalog_product_option_type_title", "option_type_id, store_id, title", type, 0, value[0]);
            rows.add("catalog_product_option_type_price", "option_type_id, store_id, price, price_type", type, 0, value[1], "fixed");
        }
        long text = nextOption++;
        rows.add("catalog_product_option", "option_id, product_id, type, is_require, sku, max_characters, sort_order", text, product,
                "field", 0, "ENGRAVE", 20, 2);
        rows.add("catalog_product_option_title", "option_id, store_id, title", text, 0, "Engraving");
        rows.add("catalog_product_option_price", "option_id, store_id, price, price_type", text, 0, "7.5000", "fixed");
    }

    private void grouped(long parent) {
        for (int i = 0; i < 3; i++) {
            long child = simples.get(simples.size() - 1 - i);
            long link = nextOption++;
            rows.add("catalog_product_link", "link_id, product_id, linked_product_id, link_type_id", link, parent, child, 3);
            rows.add("catalog_product_link_attribute_int", "product_link_attribute_id, link_id, value",
                    linkAttribute("super", "position"), link, i);
            rows.add("catalog_product_link_attribute_decimal", "product_link_attribute_id, link_id, value",
                    linkAttribute("super", "qty"), link, "1.0000");
            rows.add("catalog_product_relation", "parent_id, child_id", parent, child);
        }
    }

    private void bundle(long parent) {
        for (int o = 0; o < 2; o++) {
            long option = nextOption++;
            rows.add("catalog_product_bundle_option", "option_id, parent_id, required, position, type", option, parent, 1, o,
                    o == 0 ? "select" : "checkbox");
            rows.add("catalog_product_bundle_option_value", "option_id, store_id, title", option, 0, o == 0 ? "Base" : "Extras");
            for (int s = 0; s < 2; s++) {
                long child = simples.get(simples.size() - 1 - o * 2 - s);
                rows.add("catalog_product_bundle_selection", "selection_id, option_id, parent_product_id, product_id, position,"
                                + " is_default, selection_price_type, selection_price_value, selection_qty, selection_can_change_qty",
                        nextOption++, option, parent, child, s, s == 0 ? 1 : 0, 0, "0.0000", "1.0000", 1);
                rows.add("catalog_product_relation", "parent_id, child_id", parent, child);
            }
        }
    }

    private void downloadable(long product) {
        long link = nextOption++;
        rows.add("downloadable_link", "link_id, product_id, sort_order, number_of_downloads, is_shareable, link_url, link_type",
                link, product, 1, 5, 0, "https://downloads.example.com/" + product + ".pdf", "url");
        rows.add("downloadable_link_title", "link_id, store_id, title", link, 0, "PDF edition");
        rows.add("downloadable_link_price", "link_id, website_id, price", link, 0, "0.0000");
        long sample = nextOption++;
        rows.add("downloadable_sample", "sample_id, product_id, sample_url, sample_type, sort_order", sample, product,
                "https://downloads.example.com/" + product + "-sample.pdf", "url", 1);
        rows.add("downloadable_sample_title", "sample_id, store_id, title", sample, 0, "Sample pages");
    }

    private void stock(long product, String type) {
        boolean managed = "simple".equals(type) || "virtual".equals(type) || "downloadable".equals(type);
        rows.add("cataloginventory_stock_item", "product_id, stock_id, qty, min_qty, use_config_min_qty, backorders,"
                        + " use_config_backorders, min_sale_qty, max_sale_qty, use_config_max_sale_qty, is_in_stock,"
                        + " notify_stock_qty, manage_stock, use_config_manage_stock, low_stock_date",
                product, 1, managed ? random.nextInt(500) + ".0000" : "0.0000", "0.0000", 1, random.nextInt(8) == 0 ? 1 : 0,
                1, "1.0000", "100.0000", random.nextBoolean() ? 1 : 0, random.nextInt(10) == 0 ? 0 : 1,
                random.nextBoolean() ? "2.0000" : null, managed ? 1 : 0, 1, "0000-00-00 00:00:00");
    }

    private void productValue(long product, String code, int store, String value) {
        ShopMetadata.Attribute attribute = shop.attribute("catalog_product", code).orElseThrow();
        rows.add("catalog_product_entity_" + attribute.backendType(), "entity_type_id, attribute_id, store_id, entity_id, value",
                productType, attribute.id(), store, product, value);
    }

    private void categoryValue(long category, String code, int store, String value) {
        ShopMetadata.Attribute attribute = shop.attribute("catalog_category", code).orElseThrow();
        rows.add("catalog_category_entity_" + attribute.backendType(), "entity_type_id, attribute_id, store_id, entity_id, value",
                categoryType, attribute.id(), store, category, value);
    }

    private String option(String code, String label) {
        ShopMetadata.Attribute attribute = shop.attribute("catalog_product", code).orElseThrow();
        return String.valueOf(shop.optionId(attribute, label).orElseThrow());
    }

    private int attribute(String code) {
        return shop.attribute("catalog_product", code).orElseThrow().id();
    }

    private int linkAttribute(String type, String code) {
        return shop.linkAttributeId(new org.maho.datasync.model.LinkAttributeRef(type, code)).orElseThrow();
    }

    private int store(String code) {
        return shop.storeByCode(code).orElseThrow().id();
    }

    private String word() {
        return pick(ADJECTIVES) + " " + pick(NOUNS);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
