package org.maho.datasync.source.shopify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TaxClassRef;
import org.maho.datasync.source.AttributeRecords;
import org.maho.datasync.source.ProductParts;
import org.maho.datasync.source.InputFileException;
import org.maho.datasync.source.ShopDefaults;
import org.maho.datasync.source.csv.CsvRow;

/**
 * Shopify's product export (and import template), in its columns before and after 2024: a product's lines share its
 * handle. A product whose one variant is "Default Title" is a simple product of that variant's SKU; a product with
 * options is a configurable of SKU = handle whose variants are its simple children, written before it, each with its
 * values of the options (select attributes of the options' names: Color is {@code color}). Images are gallery rows
 * by the path of their URL ({@code /photos/shirt.jpg}: {@code --image-base-url https://burst.shopifycdn.com} fetches
 * them); a variant's image is its child's. Shopify's fields OpenMage has no attribute for are kept as text attributes
 * {@code shopify_*}; the vendor is the {@code manufacturer}. What the file's products need as attributes is {@link
 * #attributes}, read by {@code sync productattribute} from the same file.
 */
final class ShopifyProducts extends ShopifyFormat {

    static final String PREFIX = "shopify_";
    static final String WEIGHT_UNIT = "datasync.shopify.weight-unit";
    /** Grams per unit of weight, for the destination's unit. */
    private static final Map<String, BigDecimal> GRAMS = Map.of("kg", new BigDecimal("1000"), "g", BigDecimal.ONE,
            "lb", new BigDecimal("453.59237"), "oz", new BigDecimal("28.349523125"));
    /** Shopify's own fields kept as text attributes, by the columns that hold them. */
    static final Map<String, String[]> TEXT_ATTRIBUTES = textAttributes();

    private final SyncJob job;
    private final ShopMetadata destination;
    private final ShopDefaults defaults;
    private final BigDecimal gramsPerUnit;
    /** The select attributes the products' options and vendors need, by code: their label and values, in file order. */
    private final Map<String, Select> selects = new LinkedHashMap<>();
    private final Set<String> texts = new LinkedHashSet<>();

    record Select(String label, Set<String> values) {}

    ShopifyProducts(SyncJob job) {
        super(ShopifyExport.PRODUCT);
        this.job = job;
        this.destination = ShopMetadata.of(job.destination());
        this.defaults = ShopDefaults.of(job);
        String unit = job.settings() == null ? "kg" : job.settings().text(WEIGHT_UNIT).toLowerCase(Locale.ROOT);
        this.gramsPerUnit = GRAMS.get(unit);
        if (gramsPerUnit == null) {
            throw new InputFileException("config/application.properties: " + WEIGHT_UNIT + " must be one of " + GRAMS.keySet()
                    + ", not '" + unit + "'");
        }
    }

    private static Map<String, String[]> textAttributes() {
        Map<String, String[]> columns = new LinkedHashMap<>();
        columns.put(PREFIX + "type", new String[] {"Type"});
        columns.put(PREFIX + "tags", new String[] {"Tags"});
        columns.put(PREFIX + "product_category", new String[] {"Product Category"});
        columns.put(PREFIX + "barcode", new String[] {"Variant Barcode", "Barcode"});
        return columns;
    }

    @Override
    public boolean continues(CsvRow first, CsvRow line) {
        String handle = handle(first);
        return handle != null && handle.equalsIgnoreCase(handle(line) == null ? "" : handle(line));
    }

    @Override
    public List<Record> toRecords(List<CsvRow> lines, SyncJob job) {
        CsvRow first = lines.get(0);
        String handle = handle(first);
        String origin = first.origin() + " (" + (handle == null ? "no handle" : handle) + ")";
        Record product = new Record(ProductHandler.ENTITY_TYPE, null, origin);
        if (handle == null) {
            product.reject("Handle", "is empty: Shopify names every product by its handle");
            return List.of(product);
        }
        if (ShopifyExport.yes(ShopifyExport.get(first, "Gift Card"))) {
            product.outcome(Outcome.SKIPPED, "a gift card, which OpenMage has no product type for");
            return List.of(product);
        }
        List<CsvRow> variants = lines.stream().filter(ShopifyProducts::isVariant).toList();
        List<String> options = options(first);
        if (variants.isEmpty()) {
            product.reject("Variant SKU", "the product has no variant line: Shopify sells a product by its variants");
            return List.of(product);
        }
        List<Record> records = new ArrayList<>();
        if (options.isEmpty()) {
            variant(product, variants.get(0));
            product.put("sku", ShopifyExport.get(variants.get(0), "Variant SKU", "SKU"));
            requireSku(product, "Variant SKU");
        } else {
            List<Record> children = new ArrayList<>();
            for (CsvRow line : variants) {
                children.add(child(first, line, options));
            }
            records.addAll(children);
            product.put("sku", handle);
            product.put("type_id", "configurable");
            configurable(product, children, options);
        }
        common(product, first);
        product.put("url_key", handle.toLowerCase(Locale.ROOT));
        product.put("visibility", "4");
        images(product, lines);
        records.add(product);
        return records;
    }

    /** Everything a line of the product says about the product itself, from its first line. */
    private void common(Record product, CsvRow first) {
        product.put("attribute_set_id", defaults.attributeSet());
        product.put("name", ShopifyExport.get(first, "Title"));
        put(product, "description", ShopifyExport.get(first, "Body (HTML)", "Body HTML", "Description"));
        put(product, "meta_title", ShopifyExport.get(first, "SEO Title"));
        put(product, "meta_description", ShopifyExport.get(first, "SEO Description"));
        product.put("status", enabled(first) ? "1" : "2");
        String vendor = ShopifyExport.get(first, "Vendor");
        if (vendor != null) {
            String code = AttributeRecords.selectCode("manufacturer", PREFIX, destination);
            product.put(code, vendor);
            need(code, "Manufacturer", vendor);
        }
        for (Map.Entry<String, String[]> text : TEXT_ATTRIBUTES.entrySet()) {
            if (!text.getKey().equals(PREFIX + "barcode")) {
                String value = ShopifyExport.get(first, text.getValue());
                if (value != null) {
                    product.put(text.getKey(), value);
                    texts.add(text.getKey());
                }
            }
        }
        product.addChild(ProductHandler.WEBSITES.name(), new Record("website_link", null, product.origin())
                .put("website_id", defaults.website()));
        if (product.get("name") == null) {
            product.reject("Title", "is empty on the product's first line");
        }
    }

    /** Active (2023's Status), else published (the older files' Published): enabled; a draft or archived product is not. */
    private static boolean enabled(CsvRow first) {
        String status = ShopifyExport.get(first, "Status");
        if (status != null) {
            return "active".equalsIgnoreCase(status);
        }
        return ShopifyExport.yes(ShopifyExport.get(first, "Published", "Published on online store"));
    }

    /** A variant as a simple child: its SKU, its values of the options, not shown on its own. */
    private Record child(CsvRow first, CsvRow line, List<String> options) {
        String sku = ShopifyExport.get(line, "Variant SKU", "SKU");
        Record child = new Record(ProductHandler.ENTITY_TYPE, null, line.origin() + " (variant " + sku + ")");
        child.put("sku", sku);
        requireSku(child, "Variant SKU");
        child.put("attribute_set_id", defaults.attributeSet());
        child.put("status", enabled(first) ? "1" : "2");
        child.put("visibility", "1");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String value = ShopifyExport.get(line, "Option" + (i + 1) + " Value");
            if (value == null) {
                child.reject("Option" + (i + 1) + " Value", "is empty: a variant of a product with options has a value of each");
                continue;
            }
            String code = optionCode(options.get(i));
            child.put(code, value);
            need(code, options.get(i), value);
            values.add(value);
        }
        child.put("name", ShopifyExport.get(first, "Title") + " - " + String.join(" / ", values));
        variant(child, line);
        child.addChild(ProductHandler.WEBSITES.name(), new Record("website_link", null, child.origin())
                .put("website_id", defaults.website()));
        String image = path(ShopifyExport.get(line, "Variant Image", "Variant image URL"));
        if (image != null) {
            for (String role : List.of("image", "small_image", "thumbnail")) {
                child.put(role, image);
            }
            child.completeChildren().add(ProductHandler.GALLERY.name());
            child.addChild(ProductHandler.GALLERY.name(), ProductParts.image(child, image, 1, null));
        }
        return child;
    }

    /** What a variant line says: type, price, weight, tax class, cost, barcode, stock. */
    private void variant(Record product, CsvRow line) {
        product.fields().putIfAbsent("type_id", ShopifyExport.yes(ShopifyExport.get(line, "Variant Requires Shipping", "Requires shipping"))
                || ShopifyExport.get(line, "Variant Requires Shipping", "Requires shipping") == null ? "simple" : "virtual");
        String price = ShopifyExport.get(line, "Variant Price", "Price");
        String compareAt = ShopifyExport.get(line, "Variant Compare At Price", "Compare-at price");
        // Shopify sells at the price and shows a higher compare-at price struck through: OpenMage's price and special price
        if (compareAt != null && ShopifyExport.amount(compareAt).compareTo(ShopifyExport.amount(price)) > 0) {
            product.put("price", compareAt);
            product.put("special_price", price);
        } else {
            put(product, "price", price);
        }
        put(product, "cost", ShopifyExport.get(line, "Cost per item"));
        String grams = ShopifyExport.get(line, "Variant Grams", "Weight value (grams)");
        if (grams != null) {
            try {
                product.put("weight", new BigDecimal(grams).divide(gramsPerUnit, 4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            } catch (NumberFormatException e) {
                product.reject("Variant Grams", "'" + grams + "' is not a number of grams");
            }
        }
        String taxable = ShopifyExport.get(line, "Variant Taxable", "Charge tax");
        if (taxable != null) {
            product.put("tax_class_id", ShopifyExport.yes(taxable) ? new TaxClassRef("Taxable Goods", "PRODUCT") : new RawValue("0"));
        }
        String barcode = ShopifyExport.get(line, "Variant Barcode", "Barcode");
        if (barcode != null) {
            product.put(PREFIX + "barcode", barcode);
            texts.add(PREFIX + "barcode");
        }
        stock(product, line);
    }

    /** Stock as Shopify tracks it: a quantity where it tracks inventory, backorders where it continues selling at none. */
    private static void stock(Record product, CsvRow line) {
        String tracker = ShopifyExport.get(line, "Variant Inventory Tracker", "Inventory tracker");
        String qty = ShopifyExport.get(line, "Variant Inventory Qty", "Inventory quantity");
        String policy = ShopifyExport.get(line, "Variant Inventory Policy", "Continue selling when out of stock");
        if (tracker == null && qty == null && policy == null) {
            return;
        }
        boolean managed = tracker != null;
        boolean backorders = policy != null && ("continue".equalsIgnoreCase(policy) || ShopifyExport.yes(policy));
        ProductParts.stock(product, managed, qty, !managed || backorders || ShopifyExport.amount(qty).signum() > 0, backorders ? "1" : "0");
    }

    /**
     * A configurable's attributes (its options, in their order) and its children by SKU. OpenMage prices the children
     * at the configurable's price, so the configurable takes the lowest of theirs, and the report says where they differ.
     */
    private void configurable(Record product, List<Record> children, List<String> options) {
        product.completeChildren().add(ProductHandler.SUPER_ATTRIBUTES.name());
        for (int i = 0; i < options.size(); i++) {
            ProductParts.superAttribute(product, optionCode(options.get(i)), i);
        }
        product.completeChildren().add(ProductHandler.SUPER_LINKS.name());
        Set<String> prices = new LinkedHashSet<>();
        BigDecimal lowest = null;
        for (Record child : children) {
            String sku = child.text("sku");
            String price = child.text("special_price") != null ? child.text("special_price") : child.text("price");
            if (price != null) {
                prices.add(ShopifyExport.amount(price).stripTrailingZeros().toPlainString());
                lowest = lowest == null || ShopifyExport.amount(price).compareTo(lowest) < 0 ? ShopifyExport.amount(price) : lowest;
            }
            if (sku == null) {
                continue;
            }
            Ref ref = new Ref("product", null, sku.toLowerCase(Locale.ROOT), Ref.Missing.INVALID);
            ProductParts.configurableChild(product, ref);
        }
        if (lowest != null) {
            product.put("price", lowest.toPlainString());
        }
        if (prices.size() > 1) {
            job.report().warn("product " + product.origin() + ": its variants sell at " + String.join(", ", prices)
                    + "; the configurable takes the lowest, and its children keep their own prices");
        }
        // OpenMage sells a configurable while one of its children is in stock; its own stock item says so, Shopify has none
        boolean inStock = children.stream().flatMap(child -> child.children(ProductHandler.STOCK.name()).stream())
                .anyMatch(item -> "1".equals(item.text("is_in_stock")));
        product.addChild(ProductHandler.STOCK.name(), new Record("stock", null, product.origin() + " (stock)")
                .put("stock_id", "1").put("is_in_stock", inStock ? "1" : "0"));
        Record parentTax = children.isEmpty() ? null : children.get(0);
        if (parentTax != null && parentTax.get("tax_class_id") != null) {
            product.put("tax_class_id", parentTax.get("tax_class_id"));
        }
    }

    /** The product's images, every line's, in their positions: the first is the image in every role. */
    private static void images(Record product, List<CsvRow> lines) {
        product.completeChildren().add(ProductHandler.GALLERY.name());
        Map<String, String> labels = new LinkedHashMap<>();
        for (CsvRow line : lines) {
            String file = path(ShopifyExport.get(line, "Image Src", "Product image URL"));
            if (file != null && !labels.containsKey(file)) {
                labels.put(file, ShopifyExport.get(line, "Image Alt Text", "Image alt text"));
            }
        }
        int position = 1;
        for (Map.Entry<String, String> image : labels.entrySet()) {
            if (position == 1) {
                for (String role : List.of("image", "small_image", "thumbnail")) {
                    product.put(role, image.getKey());
                }
            }
            product.addChild(ProductHandler.GALLERY.name(), ProductParts.image(product, image.getKey(), position++, image.getValue()));
        }
    }

    /** An image URL's path, the file's place under media/catalog/product: the host is the --image-base-url. */
    static String path(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = URI.create(url.trim().replace(" ", "%20")).getPath();
            return path == null || path.isBlank() || "/".equals(path) ? null : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The names of the product's options, from its first line; none when its one option is Shopify's "Title". */
    private static List<String> options(CsvRow first) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = ShopifyExport.get(first, "Option" + i + " Name");
            if (name != null) {
                names.add(name);
            }
        }
        if (names.size() == 1 && "Title".equals(names.get(0)) && "Default Title".equals(ShopifyExport.get(first, "Option1 Value"))) {
            return List.of();
        }
        return names;
    }

    /** The code of the select attribute an option becomes: its name in lower case ("Color" is color). */
    String optionCode(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "option_" + slug;
        }
        return AttributeRecords.selectCode(slug, PREFIX, destination);
    }

    private void need(String code, String label, String value) {
        selects.computeIfAbsent(code, c -> new Select(label, new LinkedHashSet<>())).values().add(value);
    }

    /**
     * The attributes the file's products need, once every line is read: a select per option and for the vendor, with
     * the values the products have, and a text attribute per Shopify field they have a value of.
     */
    List<Record> attributes() {
        List<Record> records = new ArrayList<>();
        selects.forEach((code, select) -> {
            Record attribute = AttributeRecords.attribute(code, select.label(), true, "option " + select.label());
            int sort = 0;
            for (String value : select.values()) {
                attribute.addChild("options", AttributeRecords.option(value, sort++, attribute.origin()));
            }
            records.add(attribute);
        });
        for (String code : texts) {
            String label = code.substring(PREFIX.length()).replace('_', ' ');
            records.add(AttributeRecords.attribute(code, "Shopify " + label, false, "column " + String.join(" or ", TEXT_ATTRIBUTES.get(code))));
        }
        return records;
    }

    private static boolean isVariant(CsvRow line) {
        return ShopifyExport.get(line, "Variant SKU", "SKU", "Variant Price", "Price", "Option1 Value") != null;
    }

    private static String handle(CsvRow row) {
        return ShopifyExport.get(row, "Handle", "URL handle");
    }

    private static void requireSku(Record product, String column) {
        if (product.get("sku") == null) {
            product.reject(column, "is empty: OpenMage finds a product by its SKU, and Shopify gave this variant none");
        }
    }
}
