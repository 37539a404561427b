package org.maho.datasync.source.magento2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.AttributeRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.PhpSerialized;
import org.maho.datasync.model.RegionRef;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.source.PasswordResets;

/**
 * Where a Magento 2.4 record differs from OpenMage's for the entity types the magento2 adapter reads, beyond the names of
 * {@link Magento2Tables}: the columns whose values mean something else. A column only Magento 2 has (a store group's code, a page's meta_title) reaches the
 * destination's writer, which leaves it out and says so in the report.
 */
final class Magento2Schema {

    /** The entity types read from Magento 2: those whose tables are OpenMage's under Magento 2's names. */
    static final Set<String> READ = Set.of("store", "config", "taxclass", "taxrate", "taxrule", "customergroup", "productattribute",
            "categoryattribute", "customerattribute", "addressattribute", "attributeset", "category", "product", "stock", "customer", "order", "invoice",
            "shipment", "creditmemo", "newsletter", "cms_block", "cms_page", "catalogrule", "salesrule", "rating", "review", "urlrewrite");

    /** Page columns both shops have whose Magento 2 values OpenMage cannot use: layout XML of Magento 2, a theme's id. */
    private static final List<String> PAGE_DESIGN = List.of("layout_update_xml", "custom_layout_update_xml", "custom_theme");

    /** Columns of an attribute definition and its properties that name a model class. */
    private static final List<String> MODEL_COLUMNS = List.of("attribute_model", "backend_model", "frontend_model", "source_model",
            "frontend_input_renderer", "data_model");

    /** Design attributes of categories and products whose Magento 2 values (theme ids, layout XML, files) OpenMage cannot use. */
    private static final List<String> EAV_DESIGN = List.of("custom_design", "custom_layout_update", "custom_layout_update_file");

    /** Options of Magento 2 that stand for no value, which OpenMage has no option for: a gender "Not Specified". */
    /** Magento 2's hash versions OpenMage verifies: 0 md5, 1 sha256. */
    private static final Set<String> VERIFIABLE_HASHES = Set.of("0", "1");
    private static final Map<String, String> NO_VALUE_OPTIONS = Map.of("gender", "Not Specified");

    private final TableShape shape;
    private final ShopMetadata source;
    private final PasswordResets passwords;
    private final Consumer<String> warnings;
    /** The Magento 2 columns of each sales table read so far that OpenMage names otherwise. */
    private final Map<String, List<String>> renamedColumns = new java.util.HashMap<>();

    Magento2Schema(TableShape shape, ShopMetadata source, PasswordResets passwords, Consumer<String> warnings) {
        this.shape = shape;
        this.source = source;
        this.passwords = passwords;
        this.warnings = warnings;
    }

    /**
     * Changes a record read from Magento 2's tables, and its children, into what OpenMage's tables hold; false for one
     * that stands for Magento 2's own machinery, which OpenMage has no place for (not read).
     */
    boolean toOpenMage(Record record) {
        if (shape.table().equals("eav_attribute") && !attribute(record)) {
            return false;
        }
        toOpenMage(record, shape);
        return true;
    }

    private void toOpenMage(Record record, TableShape rowShape) {
        record.fields().keySet().removeAll(Magento2Tables.notRead(rowShape.table()));
        if (rowShape.table().startsWith("sales_flat_")) {
            sales(record, rowShape.table());
        }
        switch (rowShape.table()) {
            case "cms_page" -> page(record);
            case "customer_entity" -> customer(record);
            case "customer_address_entity" -> address(record);
            case "catalog_category_entity" -> category(record);
            case "catalog_product_entity" -> product(record);
            case "rating" -> rating(record);
            case "eav_attribute_set" -> attributeSet(record);
            case "salesrule", "catalogrule" -> rule(record);
            default -> { }
        }
        for (TableShape child : rowShape.children()) {
            for (Record row : record.children(child.name())) {
                toOpenMage(row, child);
                for (String column : Magento2Tables.gridColumnsOfTheDocument(child.table())) {
                    row.put(column, record.get(column));
                }
            }
        }
    }

    /**
     * Magento 2 keeps a customer's names, birth date, gender, defaults and password as static columns, which are OpenMage's
     * attribute values: the writer puts them there by code. What differs is their form: a date where OpenMage keeps a
     * date and time, a gender's option id (carried as its label), the password hash.
     */
    private void customer(Record customer) {
        Object dob = customer.get("dob");
        if (dob != null && dob.toString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            customer.put("dob", dob + " 00:00:00");
        }
        staticOptions(customer, "customer");
        if (customer.fields().containsKey("password_hash")) {
            customer.put("password_hash", openMageHash(customer, customer.text("password_hash")));
        }
    }

    /**
     * The hash OpenMage verifies, or null when it cannot verify Magento 2's (the customer is listed). Magento 2 writes
     * {@code hash:salt:version}: version 0 is md5(salt + password) and 1 sha256(salt + password), which OpenMage checks
     * in the form {@code hash:salt}. Argon2id (version 2 and its {@code 3_32_2_67108864} form) and a hash upgraded
     * through several versions ({@code 0:2}) it cannot verify.
     */
    private String openMageHash(Record customer, String hash) {
        if (hash == null || hash.isBlank()) {
            return hash;
        }
        String[] parts = hash.split(":", 3);
        if (parts.length < 3) {
            return hash; // without a version (imported from Magento 1): md5 of salt and password, as OpenMage has it
        }
        if (VERIFIABLE_HASHES.contains(parts[2])) {
            return parts[0] + ":" + parts[1];
        }
        passwords.add(customer, parts[2]);
        return null;
    }

    /** An address's static columns are OpenMage's attribute values too; its region id is carried as the region's code. */
    private void address(Record address) {
        Object regionId = address.get("region_id");
        if (regionId != null && regionId.toString().matches("\\d+")) {
            address.put("region_id", source.region(Integer.parseInt(regionId.toString()))
                    .<Object>map(region -> new RegionRef(region.countryId(), region.code(), region.name())).orElse(null));
        }
        staticOptions(address, "customer_address");
    }

    /**
     * A sales row: Magento 2 renamed the hidden tax columns (discount_tax_compensation) and a payment's cc_last_4; what it
     * keeps as JSON was PHP-serialized as it was read ({@link Magento2Values}), and a value that was neither is reported.
     */
    private void sales(Record row, String table) {
        // the rows of a table have the same columns: which of them were renamed is found once (a copy of a wide row's
        // columns for each row cost more than the rest of this)
        List<String> renamed = renamedColumns.computeIfAbsent(table, t -> row.fields().keySet().stream()
                .filter(column -> !Magento2Tables.openMageSalesColumn(column).equals(column)).toList());
        for (String column : renamed) {
            if (row.fields().containsKey(column)) {
                row.put(Magento2Tables.openMageSalesColumn(column), row.fields().remove(column));
            }
        }
        for (String column : Magento2Tables.jsonColumns(table)) {
            Object value = row.get(column);
            if (value != null && !value.toString().isBlank() && !isSerialized(value.toString())) {
                warnings.accept(table + "." + column + ": neither JSON nor PHP-serialized data; not copied");
                row.put(column, null);
            }
        }
    }

    /** A static column whose attribute has options (a gender) holds an option id: carried as the option's label. */
    private void staticOptions(Record record, String entityType) {
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            ShopMetadata.Attribute attribute = source.attribute(entityType, field.getKey()).orElse(null);
            if (attribute == null || !attribute.isStatic() || !source.hasOptions(attribute) || field.getValue() == null
                    || !field.getValue().toString().matches("\\d+")) {
                continue;
            }
            String label = source.optionLabel(attribute, Long.parseLong(field.getValue().toString()));
            if (label != null && label.equals(NO_VALUE_OPTIONS.get(field.getKey()))) {
                warnings.accept(entityType + "." + field.getKey() + ": Magento 2's '" + label + "' is no value in OpenMage; left empty");
                label = null;
            }
            field.setValue(label);
        }
    }

    /**
     * An attribute definition names Magento 2 classes as its models; OpenMage's aliases for them take their place, and a
     * class OpenMage has no counterpart of leaves its model empty (said for a shop's own attribute: a system attribute of
     * the same code on the destination keeps its own models). Magento 2's own machinery is not read: false.
     */
    private boolean attribute(Record attribute) {
        String code = attribute.text("attribute_code");
        // the reader gives the entity type by its code
        if (Magento2Tables.isMachinery(String.valueOf(attribute.get("entity_type_id")), code)) {
            return false;
        }
        boolean own = "1".equals(attribute.text("is_user_defined"));
        List<Record> rows = new java.util.ArrayList<>(List.of(attribute));
        attribute.allChildren().values().forEach(rows::addAll);
        for (Record row : rows) {
            for (String column : MODEL_COLUMNS) {
                Object model = row.get(column);
                if (model != null && !model.toString().isBlank()) {
                    String alias = Magento2Classes.openMageAlias(model.toString()).orElse(null);
                    if (alias == null && own) {
                        warnings.accept("attribute " + code + ": Magento 2's " + column + " " + model + " has no OpenMage"
                                + " counterpart; left empty");
                    }
                    row.put(column, alias);
                }
            }
        }
        return true;
    }

    /** A rule whose conditions name a Magento 2 class OpenMage has no counterpart of (a module's own) cannot be evaluated there. */
    private void rule(Record rule) {
        for (String column : Magento2Tables.jsonColumns("salesrule")) {
            if (rule.get(column) instanceof RuleConditions conditions) {
                String type = Magento2Values.magento2Type(conditions.tree());
                if (type != null) {
                    rule.reject(column, "the condition type " + type + " is Magento 2's, which OpenMage has no counterpart of");
                }
            }
        }
    }

    private static boolean isSerialized(String text) {
        try {
            PhpSerialized.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A set's attributes without those not read. */
    private void attributeSet(Record set) {
        set.children("attributes").removeIf(member -> member.get("attribute_id") instanceof AttributeRef attribute
                && Magento2Tables.isMachinery(attribute.entityTypeCode(), attribute.code()));
    }

    /**
     * A category: its design (see {@link #design}), and its image, which Magento 2.3 and later keep as a path from the web
     * root ({@code /media/catalog/category/a.jpg}) where OpenMage keeps the file name in media/catalog/category.
     */
    private void category(Record category) {
        design(category, "category");
        for (Map<String, Object> values : scopes(category)) {
            Object image = values.get("image");
            if (image != null) {
                values.put("image", image.toString().replaceFirst("^/?(pub/)?media/catalog/category/", ""));
            }
        }
    }

    /**
     * A product: its design (see {@link #design}); a tier price Magento 2 keeps as a percentage of the price, which
     * OpenMage's tier prices cannot hold (its value is 0), is not read, and the report says so.
     */
    private void product(Record product) {
        design(product, "product");
        List<Record> tiers = product.allChildren().get("tier_prices");
        if (tiers == null) {
            return;
        }
        tiers.removeIf(tier -> {
            Object percentage = tier.fields().remove("percentage_value");
            if (percentage != null && !percentage.toString().isBlank()) {
                warnings.accept("product " + product.text("sku") + ": a tier price of " + percentage + "% (Magento 2's percentage"
                        + " discount) has no OpenMage counterpart; not read");
                return true;
            }
            return false;
        });
    }

    /**
     * A rating Magento 2 has switched off ({@code is_active}, which OpenMage lacks) is shown in no store view, as OpenMage
     * hides one: its store views are not read.
     */
    private void rating(Record rating) {
        Object active = rating.fields().remove("is_active");
        List<Record> stores = rating.allChildren().get("stores");
        if ("0".equals(String.valueOf(active)) && stores != null) {
            stores.clear();
        }
    }

    /** A record's values at the default scope and at each store view's. */
    private static List<Map<String, Object>> scopes(Record record) {
        List<Map<String, Object>> scopes = new java.util.ArrayList<>(List.of(record.fields()));
        scopes.addAll(record.storeFields().values());
        return scopes;
    }

    /**
     * An entity's design values at every scope: a page layout under OpenMage's name; Magento 2's theme ids and layout
     * XML mean nothing to OpenMage and are not read.
     */
    private void design(Record record, String entityType) {
        for (Map<String, Object> values : scopes(record)) {
            Object layout = values.get("page_layout");
            if (layout != null && !layout.toString().isBlank()) {
                String template = Magento2Tables.rootTemplate(layout.toString());
                if (template == null) {
                    warnings.accept(entityType + ".page_layout: Magento 2's layout '" + layout + "' has no OpenMage counterpart;"
                            + " not read");
                    values.remove("page_layout");
                } else {
                    values.put("page_layout", template);
                }
            }
            for (String design : EAV_DESIGN) {
                Object value = values.remove(design);
                if (value != null && !value.toString().isBlank()) {
                    warnings.accept(entityType + "." + design + ": Magento 2's value means nothing to OpenMage; not read");
                }
            }
        }
    }

    private void page(Record page) {
        if (page.fields().containsKey("page_layout")) {
            page.put("root_template", layout(page, page.fields().remove("page_layout")));
        }
        if (page.get("custom_root_template") != null) {
            page.put("custom_root_template", layout(page, page.get("custom_root_template")));
        }
        // the page has no OpenMage design of its own: empty, not the destination's
        for (String design : PAGE_DESIGN) {
            Object value = page.fields().put(design, null);
            if (value != null && !value.toString().isBlank()) {
                warnings.accept("cms_page." + design + ": Magento 2's value means nothing to OpenMage; left empty");
            }
        }
    }

    private String layout(Record page, Object layout) {
        if (layout == null || layout.toString().isBlank()) {
            return null;
        }
        String template = Magento2Tables.rootTemplate(layout.toString());
        if (template == null) {
            warnings.accept("cms_page.page_layout: Magento 2's layout '" + layout + "' has no OpenMage counterpart; the page"
                    + " keeps the destination's default");
        }
        return template;
    }
}
