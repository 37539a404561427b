package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.ProductParts;
import org.maho.datasync.model.Ref;
import org.maho.datasync.source.PagedIterator;
import org.maho.datasync.source.ShopDefaults;

/**
 * Products ({@code product} posts) with their meta, terms and variations. A simple product stays simple, or is virtual
 * or downloadable as its flags say; a variable product becomes a configurable whose variations ({@code
 * product_variation} posts) are its simple children, written before it; a grouped product keeps its children; an
 * external product becomes a virtual product with its URL kept. Each is found by its SKU: one without is invalid, as
 * OpenMage has no other key. A product in the trash (or an unsaved draft) is skipped with that reason.
 */
final class WooProducts extends PagedIterator<Record> {

    /** WooCommerce's backorder settings as OpenMage's. */
    private static final Map<String, String> BACKORDERS = Map.of("no", "0", "yes", "1", "notify", "2");
    private static final Set<String> SKIPPED = Set.of("trash", "auto-draft");

    private final SyncJob job;
    private final WordPress shop;
    private final Terms terms;
    private final Map<String, String> taxClasses;
    private final WooSkus skus;
    private final ShopDefaults defaults;
    private final ShopMetadata destination;
    private long after;

    private WooProducts(SyncJob job, WordPress shop) {
        this.job = job;
        this.shop = shop;
        this.terms = shop.terms();
        this.taxClasses = WooTaxClasses.namesBySlug(shop);
        this.skus = new WooSkus(job, shop);
        this.destination = ShopMetadata.of(job.destination());
        this.defaults = ShopDefaults.of(job);
    }

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        return new WooProducts(job, shop);
    }

    @Override
    protected List<Record> nextPage() {
        List<Map<String, String>> posts = shop.posts("product", after, job.spec().batchSize());
        if (posts.isEmpty()) {
            return List.of();
        }
        after = Long.parseLong(posts.get(posts.size() - 1).get("ID"));
        List<String> ids = posts.stream().map(post -> post.get("ID")).toList();
        Map<String, List<Map<String, String>>> variations = new HashMap<>();
        for (Map<String, String> variation : shop.children("product_variation", ids)) {
            variations.computeIfAbsent(variation.get("post_parent"), id -> new ArrayList<>()).add(variation);
        }
        Set<String> metaOf = new LinkedHashSet<>(ids);
        variations.values().forEach(list -> list.forEach(variation -> metaOf.add(variation.get("ID"))));
        Map<String, Map<String, String>> meta = shop.postMeta(metaOf);
        Map<String, List<String>> termsOf = shop.termsOf(ids);
        Map<String, String> files = attachedFiles(meta.values());
        Map<String, String> childSkus = groupedChildSkus(meta);
        List<Record> page = new ArrayList<>();
        for (Map<String, String> post : posts) {
            String id = post.get("ID");
            Map<String, String> own = meta.getOrDefault(id, Map.of());
            List<Terms.Term> productTerms = terms.of(termsOf.getOrDefault(id, List.of()), Terms.PRODUCT_TYPE);
            String wooType = productTerms.isEmpty() ? "simple" : productTerms.get(0).slug();
            List<Record> children = new ArrayList<>();
            if ("variable".equals(wooType)) {
                for (Map<String, String> variation : variations.getOrDefault(id, List.of())) {
                    children.add(variation(variation, meta.getOrDefault(variation.get("ID"), Map.of()), post, own, files));
                }
            }
            page.addAll(children);
            page.add(product(post, own, wooType, termsOf.getOrDefault(id, List.of()), files, childSkus, children));
        }
        return page;
    }

    private Record product(Map<String, String> post, Map<String, String> meta, String wooType, List<String> termIds,
                           Map<String, String> files, Map<String, String> childSkus, List<Record> variations) {
        Record product = new Record(ProductHandler.ENTITY_TYPE, post.get("ID"), "posts ID=" + post.get("ID") + " (" + post.get("post_title") + ")");
        if (skipped(product, post)) {
            return product;
        }
        common(product, post, meta, files);
        product.put("type_id", switch (wooType) {
            case "variable" -> "configurable";
            case "grouped" -> "grouped";
            case "external" -> "virtual";
            default -> typeOf(meta);
        });
        product.put("name", post.get("post_title"));
        putText(product, "description", post.get("post_content"));
        putText(product, "short_description", post.get("post_excerpt"));
        product.put("url_key", Texts.slug(post.get("post_name")));
        product.put("visibility", visibility(terms.of(termIds, Terms.VISIBILITY)));
        categories(product, termIds);
        attributes(product, meta, termIds);
        if ("external".equals(wooType)) {
            putText(product, WooAttributes.PRODUCT_URL, meta.get("_product_url"));
            putText(product, WooAttributes.BUTTON_TEXT, meta.get("_button_text"));
        }
        if ("variable".equals(wooType)) {
            configurable(product, meta, variations);
        }
        if ("grouped".equals(wooType)) {
            grouped(product, meta, childSkus);
        }
        return product;
    }

    /** A variation: a simple child of its configurable, not shown on its own, its values of the attributes it varies by. */
    private Record variation(Map<String, String> post, Map<String, String> meta, Map<String, String> parent,
                             Map<String, String> parentMeta, Map<String, String> files) {
        Record child = new Record(ProductHandler.ENTITY_TYPE, post.get("ID"), "posts ID=" + post.get("ID") + " (variation "
                + post.get("post_title") + ")");
        if (skipped(child, post)) {
            return child;
        }
        common(child, post, meta, files);
        if ("parent".equals(meta.get("_tax_class"))) {
            child.put("tax_class_id", WooTaxClasses.of(parentMeta.get("_tax_status"), parentMeta.get("_tax_class"), taxClasses));
        }
        child.put("type_id", typeOf(meta));
        child.put("name", post.get("post_title"));
        putText(child, "description", meta.get("_variation_description"));
        child.put("url_key", Texts.slug(post.get("post_name")));
        child.put("visibility", "1");
        for (Map.Entry<String, String> value : meta.entrySet()) {
            if (!value.getKey().startsWith("attribute_")) {
                continue;
            }
            String name = value.getKey().substring("attribute_".length());
            String code = code(name, parentMeta);
            if (Texts.blank(value.getValue())) {
                continue; // "any": said by its configurable where other variations have a value
            }
            child.put(code, name.startsWith(Terms.ATTRIBUTE_PREFIX)
                    ? terms.bySlug(name, value.getValue()).map(term -> Texts.html(term.name())).orElse(value.getValue())
                    : value.getValue());
        }
        return child;
    }

    /** A product in the trash or an unsaved draft is counted as skipped, nothing else read. */
    private static boolean skipped(Record product, Map<String, String> post) {
        String status = post.get("post_status");
        if (SKIPPED.contains(status)) {
            product.outcome(Outcome.SKIPPED, "trash".equals(status) ? "in WordPress's trash" : "an unsaved draft (auto-draft)");
            return true;
        }
        return false;
    }

    /** What a product and a variation have alike: SKU, status, dates, prices, weight, tax class, stock, images, files. */
    private void common(Record product, Map<String, String> post, Map<String, String> meta, Map<String, String> files) {
        String sku = skus.of(post, meta);
        if (sku == null) {
            product.reject("sku", "is empty: OpenMage finds a product by its SKU, and WooCommerce gave this one none ("
                    + WooSkus.SETTING + " = slug gives it its slug)");
        } else {
            product.put("sku", sku);
            if (Texts.blank(meta.get("_sku"))) {
                job.report().warn("product: WooCommerce gave it no SKU; it takes its slug as its SKU (" + WooSkus.SETTING + ")");
            }
        }
        product.put("attribute_set_id", defaults.attributeSet());
        product.put("status", "publish".equals(post.get("post_status")) ? "1" : "2");
        product.put("created_at", Texts.gmt(post.get("post_date_gmt")));
        product.put("updated_at", Texts.gmt(post.get("post_modified_gmt")));
        putText(product, "price", meta.get("_regular_price"));
        putText(product, "special_price", meta.get("_sale_price"));
        putText(product, "special_from_date", Texts.unixTime(meta.get("_sale_price_dates_from")));
        putText(product, "special_to_date", Texts.unixTime(meta.get("_sale_price_dates_to")));
        putText(product, "weight", meta.get("_weight"));
        if (meta.containsKey("_tax_status") && !"parent".equals(meta.get("_tax_class"))) {
            product.put("tax_class_id", WooTaxClasses.of(meta.get("_tax_status"), meta.get("_tax_class"), taxClasses));
        }
        product.fields().values().removeIf(java.util.Objects::isNull);
        product.addChild(ProductHandler.WEBSITES.name(), new Record("website_link", null, product.origin())
                .put("website_id", defaults.website()));
        stock(product, meta);
        images(product, meta, files);
        downloads(product, meta);
    }

    private static String typeOf(Map<String, String> meta) {
        if (Texts.yes(meta.get("_downloadable"))) {
            return "downloadable";
        }
        return Texts.yes(meta.get("_virtual")) ? "virtual" : "simple";
    }

    /** WooCommerce's visibility flags as OpenMage's visibility: 4 catalog and search, 2 catalog, 3 search, 1 neither. */
    private static String visibility(List<Terms.Term> flags) {
        Set<String> slugs = new java.util.HashSet<>();
        flags.forEach(term -> slugs.add(term.slug()));
        boolean catalog = !slugs.contains("exclude-from-catalog");
        boolean search = !slugs.contains("exclude-from-search");
        return catalog && search ? "4" : catalog ? "2" : search ? "3" : "1";
    }

    private void categories(Record product, List<String> termIds) {
        product.completeChildren().add(ProductHandler.CATEGORIES.name());
        int position = 0;
        for (Terms.Term category : terms.of(termIds, Terms.CATEGORY)) {
            Record link = new Record("category_link", null, product.origin() + " (category " + category.name() + ")");
            link.put("category_id", new Ref("category", category.termId(), null, Ref.Missing.DROP_ROW));
            link.put("position", String.valueOf(position++));
            product.addChild(ProductHandler.CATEGORIES.name(), link);
        }
    }

    /**
     * The product's values of its attributes that are no variation's: a global attribute's terms (the first, where
     * OpenMage's select holds one), a product's own attribute's text.
     */
    private void attributes(Record product, Map<String, String> meta, List<String> termIds) {
        for (Object entry : WordPress.array(meta.get("_product_attributes")).values()) {
            if (!(entry instanceof Map<?, ?> attribute) || attribute.get("name") == null || WooAttributes.isTrue(attribute.get("is_variation"))) {
                continue;
            }
            String name = attribute.get("name").toString();
            if (WooAttributes.isTrue(attribute.get("is_taxonomy"))) {
                List<Terms.Term> values = terms.of(termIds, name);
                if (!values.isEmpty()) {
                    product.put(code(name, meta), Texts.html(values.get(0).name()));
                    if (values.size() > 1) {
                        job.report().warn("product " + product.origin() + ": has " + values.size() + " values of " + name
                                + "; OpenMage's select attribute holds one, so it keeps " + values.get(0).name());
                    }
                }
            } else if (attribute.get("value") != null && !attribute.get("value").toString().isBlank()) {
                product.put(WooAttributes.customCode(name), String.join(", ", WooAttributes.values(attribute.get("value"))));
            }
        }
    }

    /** The attribute code a variation attribute or a product attribute of this name has on the destination. */
    private String code(String name, Map<String, String> meta) {
        if (name.startsWith(Terms.ATTRIBUTE_PREFIX)) {
            return WooAttributes.globalCode(name.substring(Terms.ATTRIBUTE_PREFIX.length()), destination);
        }
        // a variation names a product's own attribute by its sanitized name; the product's list has the name as written
        for (Object entry : WordPress.array(meta.get("_product_attributes")).entrySet()) {
            Map.Entry<?, ?> attribute = (Map.Entry<?, ?>) entry;
            if (attribute.getKey().toString().equals(name) && attribute.getValue() instanceof Map<?, ?> definition
                    && definition.get("name") != null) {
                return WooAttributes.customCode(definition.get("name").toString());
            }
        }
        return WooAttributes.customCode(name);
    }

    /**
     * A configurable's attributes (those its variations vary by, in the product's order: one no variation gives a value
     * of, "any" for all of them, is none) and its children by SKU.
     */
    private void configurable(Record product, Map<String, String> meta, List<Record> variations) {
        product.completeChildren().add(ProductHandler.SUPER_ATTRIBUTES.name());
        int position = 0;
        for (Object entry : WordPress.array(meta.get("_product_attributes")).values()) {
            if (entry instanceof Map<?, ?> attribute && attribute.get("name") != null && WooAttributes.isTrue(attribute.get("is_variation"))) {
                String code = code(attribute.get("name").toString(), meta);
                long without = variations.stream().filter(variation -> variation.outcome() == null && variation.get(code) == null).count();
                if (without == variations.stream().filter(variation -> variation.outcome() == null).count()) {
                    continue;
                }
                if (without > 0) {
                    job.report().warn("product " + product.origin() + ": " + without + " variations apply to any " + code
                            + "; an OpenMage child has one value of each attribute its configurable varies by, so they have none");
                }
                ProductParts.superAttribute(product, code, position++);
            }
        }
        product.completeChildren().add(ProductHandler.SUPER_LINKS.name());
        for (Record variation : variations) {
            String sku = variation.text("sku");
            if (variation.outcome() != null || sku == null) {
                continue;
            }
            Ref ref = new Ref("product", variation.sourceId(), sku.toLowerCase(Locale.ROOT), Ref.Missing.INVALID);
            ProductParts.configurableChild(product, ref);
        }
    }

    /** A grouped product's children ({@code _children}, post ids) by SKU, in its order. */
    private void grouped(Record product, Map<String, String> meta, Map<String, String> skus) {
        int position = 0;
        for (String child : WordPress.list(meta.get("_children"))) {
            String sku = skus.get(child);
            Ref ref = new Ref("product", child, sku == null ? null : sku.toLowerCase(Locale.ROOT), Ref.Missing.DROP_ROW);
            ProductParts.groupedChild(product, ref, position++);
        }
    }

    /** The SKUs of the grouped products' children of a page, which may be products of other pages. */
    private Map<String, String> groupedChildSkus(Map<String, Map<String, String>> meta) {
        Set<String> children = new LinkedHashSet<>();
        meta.values().forEach(values -> children.addAll(WordPress.list(values.get("_children"))));
        return skus.of(children);
    }

    /** Stock as WooCommerce keeps it: a quantity only where it manages stock, its status, its backorders. */
    private static void stock(Record product, Map<String, String> meta) {
        if (!meta.containsKey("_stock_status") && !meta.containsKey("_manage_stock")) {
            return;
        }
        boolean managed = Texts.yes(meta.get("_manage_stock"));
        ProductParts.stock(product, managed, managed && !Texts.blank(meta.get("_stock")) ? meta.get("_stock").trim() : null,
                !"outofstock".equals(meta.get("_stock_status")), BACKORDERS.get(meta.get("_backorders")));
    }

    /** The image ({@code _thumbnail_id}) in every role, then the gallery ({@code _product_image_gallery}), by file. */
    private static void images(Record product, Map<String, String> meta, Map<String, String> files) {
        List<String> attachments = new ArrayList<>();
        if (!Texts.blank(meta.get("_thumbnail_id"))) {
            attachments.add(meta.get("_thumbnail_id").trim());
        }
        if (!Texts.blank(meta.get("_product_image_gallery"))) {
            for (String id : meta.get("_product_image_gallery").split(",")) {
                attachments.add(id.trim());
            }
        }
        product.completeChildren().add(ProductHandler.GALLERY.name());
        Set<String> added = new LinkedHashSet<>();
        int position = 1;
        for (String attachment : attachments) {
            String file = files.get(attachment);
            if (file == null || !added.add(file)) {
                continue;
            }
            if (added.size() == 1 && !Texts.blank(meta.get("_thumbnail_id"))) {
                for (String role : List.of("image", "small_image", "thumbnail")) {
                    product.put(role, file);
                }
            }
            product.addChild(ProductHandler.GALLERY.name(), ProductParts.image(product, file, position++, null));
        }
    }

    /** The files of these posts' images, as paths under WordPress's uploads directory ("/2021/03/hoodie.jpg"). */
    private Map<String, String> attachedFiles(Collection<Map<String, String>> meta) {
        Set<String> attachments = new LinkedHashSet<>();
        for (Map<String, String> values : meta) {
            if (!Texts.blank(values.get("_thumbnail_id"))) {
                attachments.add(values.get("_thumbnail_id").trim());
            }
            if (!Texts.blank(values.get("_product_image_gallery"))) {
                for (String id : values.get("_product_image_gallery").split(",")) {
                    attachments.add(id.trim());
                }
            }
        }
        Map<String, String> files = new HashMap<>();
        shop.postMeta(attachments).forEach((id, values) -> {
            String file = values.get("_wp_attached_file");
            if (!Texts.blank(file)) {
                files.put(id, file.startsWith("/") || file.startsWith("http") ? file : "/" + file);
            }
        });
        return files;
    }

    /** A downloadable product's files ({@code _downloadable_files}) as its links, by URL, with their titles. */
    private static void downloads(Record product, Map<String, String> meta) {
        if (!Texts.yes(meta.get("_downloadable"))) {
            return;
        }
        product.completeChildren().add(ProductHandler.DOWNLOADABLE_LINKS.name());
        String limit = meta.get("_download_limit");
        int sort = 0;
        for (Object entry : WordPress.array(meta.get("_downloadable_files")).values()) {
            if (!(entry instanceof Map<?, ?> file) || file.get("file") == null) {
                continue;
            }
            ProductParts.downloadLink(product, file.get("file").toString(), file.get("name") == null ? null : file.get("name").toString(),
                    limit, sort++);
        }
    }

    private static void putText(Record record, String field, String value) {
        if (!Texts.blank(value)) {
            record.put(field, value);
        }
    }
}
