package org.maho.datasync.source.woocommerce;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.catalog.CategoryHandler;
import org.maho.datasync.entity.catalog.ProductHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.ProductParts;
import org.maho.datasync.model.Ref;
import org.maho.datasync.source.AttributeRecords;
import org.maho.datasync.source.InputFileException;
import org.maho.datasync.source.ShopDefaults;
import org.maho.datasync.source.csv.CsvFormat;
import org.maho.datasync.source.csv.CsvReader;
import org.maho.datasync.source.csv.CsvRow;

/**
 * WooCommerce's product CSV (its exporter's and importer's format, {@code -a woocommerce -f}): a line per product or
 * variation, attributes in {@code Attribute N name/value(s)/global} columns, categories as {@code Clothing > Hoodies}
 * paths, a variation's parent by SKU or {@code id:N}. It is read as the WordPress database is: a variable product as a
 * configurable whose variations (lines anywhere in the file) are its children, written just before it; the same
 * attribute codes ({@link WooAttributes}), categories by their path below the default root category. A first pass over
 * the file collects the variations and what the categories and attributes are.
 */
final class WooProductCsv implements CsvFormat {

    private final SyncJob job;
    private final ShopDefaults defaults;
    private final ShopMetadata destination;
    private final String rootKey;
    /** The variations by their parent's reference (its SKU, or id:N), in file order. */
    private final Map<String, List<CsvRow>> variations = new HashMap<>();
    /** The references the file's variable products answer to. */
    private final Set<String> parents = new LinkedHashSet<>();
    /** Category paths ("Clothing > Hoodies"), parents first. */
    private final Set<String> categories = new LinkedHashSet<>();
    /** Attributes by code: label, whether a select, values. */
    private final Map<String, WooAttributes.Custom> attributes = new LinkedHashMap<>();
    private boolean external;
    private boolean collecting = true;

    private WooProductCsv(SyncJob job) {
        this.job = job;
        this.defaults = ShopDefaults.of(job);
        this.destination = ShopMetadata.of(job.destination());
        Long root = CategoryHandler.defaultRoot(job);
        this.rootKey = root == null ? null : CategoryHandler.destinationTree(job).key(root);
    }

    /** The file read once for what its lines refer to, ready to give the records of a second reading. */
    static WooProductCsv of(SyncJob job) {
        WooProductCsv format = new WooProductCsv(job);
        CsvReader.read(job, format).forEachRemaining(none -> { });
        format.collecting = false;
        return format;
    }

    static Iterator<Record> products(SyncJob job) {
        return CsvReader.read(job, of(job));
    }

    @Override
    public void checkHeader(String file, Set<String> columns) {
        if (!columns.contains("Type") || !columns.contains("SKU")) {
            throw new InputFileException(file + ": a WooCommerce product CSV has the columns Type and SKU, which this file lacks"
                    + " (export it from Products > Export)");
        }
    }

    @Override
    public List<String> dateColumns() {
        return List.of();
    }

    @Override
    public List<Record> toRecords(List<CsvRow> lines, SyncJob job) {
        CsvRow row = lines.get(0);
        Set<String> type = type(row);
        if (collecting) {
            collect(row, type);
            return List.of();
        }
        if (type.contains("variation")) {
            return parents.contains(parentRef(row)) ? List.of() : List.of(orphan(row));
        }
        List<Record> records = new ArrayList<>();
        List<Record> children = new ArrayList<>();
        if (type.contains("variable")) {
            for (String reference : references(row)) {
                for (CsvRow variation : variations.getOrDefault(reference, List.of())) {
                    children.add(variation(variation, row));
                }
            }
        }
        records.addAll(children);
        records.add(product(row, type, children));
        return records;
    }

    /** The first pass: a variation kept for its parent, a product's references, categories and attributes noted. */
    private void collect(CsvRow row, Set<String> type) {
        if (type.contains("variation")) {
            variations.computeIfAbsent(parentRef(row), ref -> new ArrayList<>()).add(row);
        }
        if (type.contains("variable")) {
            parents.addAll(references(row));
        }
        for (String path : list(row.get("Categories"))) {
            StringBuilder at = new StringBuilder();
            for (String name : path.split("\\s*>\\s*")) {
                at.append(at.length() == 0 ? "" : " > ").append(name.trim());
                categories.add(at.toString());
            }
        }
        for (int n = 1; row.hasColumn("Attribute " + n + " name"); n++) {
            String name = row.get("Attribute " + n + " name");
            if (name == null) {
                continue;
            }
            String code = code(row, n);
            boolean select = isGlobal(row, n) || type.contains("variable") || type.contains("variation");
            WooAttributes.Custom known = attributes.get(code);
            Set<String> values = known == null ? new LinkedHashSet<>() : known.values();
            values.addAll(list(row.get("Attribute " + n + " value(s)")));
            attributes.put(code, new WooAttributes.Custom(code, known == null ? name : known.label(), select || (known != null && known.variation()), values));
        }
        external |= row.has("External URL");
    }

    private Record product(CsvRow row, Set<String> type, List<Record> children) {
        Record product = new Record(ProductHandler.ENTITY_TYPE, null, row.origin() + " (" + row.get("Name") + ")");
        common(product, row);
        product.put("type_id", type.contains("variable") ? "configurable" : type.contains("grouped") ? "grouped"
                : type.contains("external") ? "virtual" : type.contains("downloadable") ? "downloadable" : type.contains("virtual") ? "virtual" : "simple");
        product.put("short_description", row.get("Short description"));
        product.put("visibility", switch (String.valueOf(row.get("Visibility in catalog"))) {
            case "catalog" -> "2";
            case "search" -> "3";
            case "hidden" -> "1";
            default -> "4";
        });
        categories(product, row);
        for (int n = 1; row.hasColumn("Attribute " + n + " name"); n++) {
            String name = row.get("Attribute " + n + " name");
            List<String> values = list(row.get("Attribute " + n + " value(s)"));
            if (name == null || values.isEmpty() || type.contains("variable")) {
                continue;
            }
            String code = code(row, n);
            if (attributes.get(code) != null && attributes.get(code).variation()) {
                product.put(code, values.get(0));
                if (values.size() > 1) {
                    job.report().warn("product " + product.origin() + ": has " + values.size() + " values of " + name
                            + "; OpenMage's select attribute holds one, so it keeps " + values.get(0));
                }
            } else {
                product.put(code, String.join(", ", values));
            }
        }
        if (type.contains("external")) {
            product.put(WooAttributes.PRODUCT_URL, row.get("External URL"));
            product.put(WooAttributes.BUTTON_TEXT, row.get("Button text"));
        }
        if (type.contains("variable")) {
            configurable(product, row, children);
        }
        if (type.contains("grouped")) {
            int position = 0;
            for (String sku : list(row.get("Grouped products"))) {
                Ref ref = new Ref("product", null, sku.toLowerCase(Locale.ROOT), Ref.Missing.DROP_ROW);
                ProductParts.groupedChild(product, ref, position++);
            }
        }
        downloads(product, row);
        product.fields().values().removeIf(java.util.Objects::isNull);
        return product;
    }

    private Record variation(CsvRow row, CsvRow parent) {
        Record child = new Record(ProductHandler.ENTITY_TYPE, null, row.origin() + " (variation " + row.get("Name") + ")");
        common(child, row);
        if ("parent".equals(row.get("Tax class"))) {
            child.put("tax_class_id", WooTaxClasses.of(parent.get("Tax status"), parent.get("Tax class"), Map.of()));
        }
        child.put("type_id", type(row).contains("downloadable") ? "downloadable" : type(row).contains("virtual") ? "virtual" : "simple");
        child.put("visibility", "1");
        for (int n = 1; row.hasColumn("Attribute " + n + " name"); n++) {
            String value = row.get("Attribute " + n + " value(s)");
            if (row.get("Attribute " + n + " name") != null && value != null) {
                child.put(code(row, n), value.trim());
            }
        }
        downloads(child, row);
        child.fields().values().removeIf(java.util.Objects::isNull);
        return child;
    }

    /** A variation whose variable product is not in the file: invalid, with that reason. */
    private static Record orphan(CsvRow row) {
        Record child = new Record(ProductHandler.ENTITY_TYPE, null, row.origin() + " (variation " + row.get("Name") + ")");
        child.reject("Parent", "names " + row.get("Parent") + ", which is no variable product of this file");
        return child;
    }

    /** What products and variations have alike: SKU, name, status, prices, weight, tax class, stock, images, website. */
    private void common(Record product, CsvRow row) {
        String sku = row.get("SKU");
        if (sku == null) {
            product.reject("SKU", "is empty: OpenMage finds a product by its SKU, and WooCommerce's CSV holds no slug to give it one"
                    + " (a product imported twice has none): give it a SKU in WooCommerce");
        }
        product.put("sku", sku);
        product.put("attribute_set_id", defaults.attributeSet());
        product.put("name", row.get("Name"));
        product.put("description", row.get("Description"));
        product.put("status", "1".equals(row.get("Published")) ? "1" : "2");
        product.put("price", row.get("Regular price"));
        product.put("special_price", row.get("Sale price"));
        product.put("special_from_date", row.get("Date sale price starts"));
        product.put("special_to_date", row.get("Date sale price ends"));
        product.put("weight", weight(row));
        if (row.has("Tax status") && !"parent".equals(row.get("Tax class"))) {
            product.put("tax_class_id", WooTaxClasses.of(row.get("Tax status"), row.get("Tax class"), Map.of()));
        }
        product.addChild(ProductHandler.WEBSITES.name(), new Record("website_link", null, product.origin()).put("website_id", defaults.website()));
        stock(product, row);
        images(product, row);
    }

    private static void stock(Record product, CsvRow row) {
        if (!row.has("In stock?") && !row.has("Stock")) {
            return;
        }
        String backorders = switch (String.valueOf(row.get("Backorders allowed?"))) {
            case "1" -> "1";
            case "notify" -> "2";
            case "0" -> "0";
            default -> null;
        };
        ProductParts.stock(product, row.has("Stock"), row.get("Stock"), !"0".equals(row.get("In stock?")), backorders);
    }

    /** Images by their file under wp-content/uploads ("/2017/12/hoodie-2.jpg"), as the database gives them; the first in every role. */
    private static void images(Record product, CsvRow row) {
        product.completeChildren().add(ProductHandler.GALLERY.name());
        int position = 1;
        Set<String> files = new LinkedHashSet<>();
        for (String url : list(row.get("Images"))) {
            String file = uploadsPath(url);
            if (file != null) {
                files.add(file);
            }
        }
        for (String file : files) {
            if (position == 1) {
                for (String role : List.of("image", "small_image", "thumbnail")) {
                    product.put(role, file);
                }
            }
            product.addChild(ProductHandler.GALLERY.name(), ProductParts.image(product, file, position++, null));
        }
    }

    static String uploadsPath(String url) {
        try {
            String path = URI.create(url.trim().replace(" ", "%20")).getPath();
            if (path == null || path.isBlank()) {
                return null;
            }
            int uploads = path.indexOf("/uploads/");
            return uploads >= 0 ? path.substring(uploads + "/uploads".length()) : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void categories(Record product, CsvRow row) {
        product.completeChildren().add(ProductHandler.CATEGORIES.name());
        int position = 0;
        for (String path : list(row.get("Categories"))) {
            Record link = new Record("category_link", null, product.origin() + " (category " + path + ")");
            link.put("category_id", new Ref("category", null, categoryKey(path), Ref.Missing.DROP_ROW));
            link.put("position", String.valueOf(position++));
            product.addChild(ProductHandler.CATEGORIES.name(), link);
        }
    }

    /** A category path's natural key below the default root: its names as url keys. */
    String categoryKey(String path) {
        StringBuilder key = new StringBuilder(rootKey == null ? "" : rootKey);
        for (String name : path.split("\\s*>\\s*")) {
            key.append('/').append(CategoryHandler.slug(name.trim()));
        }
        return key.toString();
    }

    private void configurable(Record product, CsvRow row, List<Record> children) {
        product.completeChildren().add(ProductHandler.SUPER_ATTRIBUTES.name());
        int position = 0;
        for (int n = 1; row.hasColumn("Attribute " + n + " name"); n++) {
            if (row.get("Attribute " + n + " name") == null) {
                continue;
            }
            String code = code(row, n);
            if (children.stream().noneMatch(child -> child.get(code) != null)) {
                continue; // no variation varies by it
            }
            ProductParts.superAttribute(product, code, position++);
        }
        product.completeChildren().add(ProductHandler.SUPER_LINKS.name());
        for (Record child : children) {
            String sku = child.text("sku");
            if (sku == null || !child.isValid()) {
                continue;
            }
            Ref ref = new Ref("product", null, sku.toLowerCase(Locale.ROOT), Ref.Missing.INVALID);
            ProductParts.configurableChild(product, ref);
        }
    }

    private static void downloads(Record product, CsvRow row) {
        if (!type(row).contains("downloadable")) {
            return;
        }
        product.completeChildren().add(ProductHandler.DOWNLOADABLE_LINKS.name());
        String limit = row.get("Download limit");
        int sort = 0;
        for (int n = 1; row.hasColumn("Download " + n + " URL"); n++) {
            String url = row.get("Download " + n + " URL");
            if (url == null) {
                continue;
            }
            ProductParts.downloadLink(product, url, row.get("Download " + n + " name"), limit, sort++);
        }
    }

    /** An attribute's code: a global one's as the database's taxonomy gives it, a product's own wc_<name>. */
    private String code(CsvRow row, int n) {
        String name = row.get("Attribute " + n + " name");
        return isGlobal(row, n) ? WooAttributes.globalCode(CategoryHandler.slug(name).replace('-', '_'), destination) : WooAttributes.customCode(name);
    }

    private static boolean isGlobal(CsvRow row, int n) {
        return "1".equals(row.get("Attribute " + n + " global"));
    }

    /** The file's attributes as records: selects with their values for global ones and those variations use, else texts. */
    List<Record> attributeRecords() {
        List<Record> records = new ArrayList<>();
        for (WooAttributes.Custom attribute : attributes.values()) {
            Record record = AttributeRecords.attribute(attribute.code(), attribute.label(), attribute.variation(), "Attribute " + attribute.label());
            if (attribute.variation()) {
                int sort = 0;
                for (String value : attribute.values()) {
                    record.addChild("options", AttributeRecords.option(value, sort++, record.origin()));
                }
            }
            records.add(record);
        }
        if (external) {
            records.add(AttributeRecords.attribute(WooAttributes.PRODUCT_URL, "Product URL", false, "External URL"));
            records.add(AttributeRecords.attribute(WooAttributes.BUTTON_TEXT, "Button text", false, "Button text"));
        }
        return records;
    }

    /** The file's categories, parents first, by path below the default root category. */
    List<Record> categoryRecords() {
        List<Record> records = new ArrayList<>();
        for (String path : categories) {
            int cut = path.lastIndexOf(" > ");
            String name = cut < 0 ? path : path.substring(cut + 3);
            Record category = new Record(CategoryHandler.ENTITY_TYPE, null, "Categories " + path);
            String parentKey = cut < 0 ? rootKey : categoryKey(path.substring(0, cut));
            category.put("parent_id", new Ref("category", null, parentKey, Ref.Missing.INVALID));
            category.put("name", name);
            category.put("url_key", CategoryHandler.slug(name));
            category.put("is_active", "1");
            category.put("include_in_menu", "1");
            records.add(category);
        }
        return records;
    }

    private static Set<String> type(CsvRow row) {
        return new LinkedHashSet<>(list(row.get("Type")));
    }

    /** The names a variable product answers to in its variations' Parent column: its SKU and id:N. */
    private static List<String> references(CsvRow row) {
        List<String> references = new ArrayList<>();
        if (row.get("SKU") != null) {
            references.add(row.get("SKU").toLowerCase(Locale.ROOT));
        }
        if (row.get("ID") != null) {
            references.add("id:" + row.get("ID"));
        }
        return references;
    }

    private static String parentRef(CsvRow row) {
        String parent = row.get("Parent");
        return parent == null ? "" : parent.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The weight in the shop's own unit, as the database keeps it: the exporter names the column by it ("Weight (kg)",
     * "Weight (g)", "Weight (lbs)", "Weight (oz)").
     */
    private static String weight(CsvRow row) {
        for (String column : row.values().keySet()) {
            if (column.startsWith("Weight (") && row.get(column) != null) {
                return row.get(column);
            }
        }
        return null;
    }

    /** A comma-separated cell's parts; the exporter writes a comma within a part with a backslash before it. */
    private static List<String> list(String text) {
        List<String> parts = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("(?<!\\\\),")) {
                if (!part.isBlank()) {
                    parts.add(part.trim().replace("\\,", ","));
                }
            }
        }
        return parts;
    }
}
