package org.maho.datasync.source.magento2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.RegionRef;
import org.maho.datasync.model.TableShape;

/**
 * Where a Magento 2.4 database differs from OpenMage's for the entity types the magento2 adapter reads, as Magento's
 * own migration map files say (../shared/reference/magento2, read backwards): the tables it renamed, and the columns
 * whose values mean something else. A column only Magento 2 has (a store group's code, a page's meta_title) reaches the
 * destination's writer, which leaves it out and says so in the report.
 */
final class Magento2Schema {

    /** The entity types read from Magento 2: those whose tables are OpenMage's under Magento 2's names. */
    static final Set<String> READ = Set.of("store", "config", "taxclass", "taxrate", "taxrule", "customergroup", "customer", "order",
            "invoice", "shipment", "creditmemo", "newsletter", "cms_block", "cms_page");

    /** OpenMage's table names that Magento 2 renamed (map-stores.xml.dist, 1.9.4.5_map.xml.dist); its sales grids too. */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("core_website", "store_website"),
            Map.entry("core_store_group", "store_group"),
            Map.entry("core_store", "store"),
            Map.entry("sales_flat_order", "sales_order"),
            Map.entry("sales_flat_order_item", "sales_order_item"),
            Map.entry("sales_flat_order_address", "sales_order_address"),
            Map.entry("sales_flat_order_payment", "sales_order_payment"),
            Map.entry("sales_flat_order_status_history", "sales_order_status_history"),
            Map.entry("sales_flat_order_grid", "sales_order_grid"),
            Map.entry("sales_flat_invoice", "sales_invoice"),
            Map.entry("sales_flat_invoice_item", "sales_invoice_item"),
            Map.entry("sales_flat_invoice_comment", "sales_invoice_comment"),
            Map.entry("sales_flat_invoice_grid", "sales_invoice_grid"),
            Map.entry("sales_flat_shipment", "sales_shipment"),
            Map.entry("sales_flat_shipment_item", "sales_shipment_item"),
            Map.entry("sales_flat_shipment_comment", "sales_shipment_comment"),
            Map.entry("sales_flat_shipment_track", "sales_shipment_track"),
            Map.entry("sales_flat_shipment_grid", "sales_shipment_grid"),
            Map.entry("sales_flat_creditmemo", "sales_creditmemo"),
            Map.entry("sales_flat_creditmemo_item", "sales_creditmemo_item"),
            Map.entry("sales_flat_creditmemo_comment", "sales_creditmemo_comment"),
            Map.entry("sales_flat_creditmemo_grid", "sales_creditmemo_grid"));

    /** Columns Magento 2 keeps as JSON where OpenMage reads PHP-serialized data (the SerializeToJson handlers of the map). */
    private static final Map<String, Set<String>> JSON_COLUMNS = Map.of(
            "sales_flat_order_item", Set.of("product_options", "weee_tax_applied"),
            "sales_flat_invoice_item", Set.of("weee_tax_applied"),
            "sales_flat_creditmemo_item", Set.of("weee_tax_applied"),
            "sales_flat_order_payment", Set.of("additional_information"),
            "sales_flat_shipment", Set.of("packages"));

    /** Magento 2's page layouts as OpenMage's root templates (1.9.4.5_map.xml.dist, cms_page.root_template). */
    private static final Map<String, String> PAGE_LAYOUTS = Map.of(
            "empty", "empty",
            "1column", "one_column",
            "2columns-left", "two_columns_left",
            "2columns-right", "two_columns_right",
            "3columns", "three_columns");

    /** Page columns both shops have whose Magento 2 values OpenMage cannot use: layout XML of Magento 2, a theme's id. */
    private static final List<String> PAGE_DESIGN = List.of("layout_update_xml", "custom_layout_update_xml", "custom_theme");

    /** Options of Magento 2 that stand for no value, which OpenMage has no option for: a gender "Not Specified". */
    private static final Map<String, String> NO_VALUE_OPTIONS = Map.of("gender", "Not Specified");

    private final TableShape shape;
    private final ShopMetadata source;
    private final PasswordResets passwords;
    private final Consumer<String> warnings;

    Magento2Schema(TableShape shape, ShopMetadata source, PasswordResets passwords, Consumer<String> warnings) {
        this.shape = shape;
        this.source = source;
        this.passwords = passwords;
        this.warnings = warnings;
    }

    static String tableName(String openMageTable) {
        return TABLES.getOrDefault(openMageTable, openMageTable);
    }

    /** Changes a record read from Magento 2's tables, and its children, into what OpenMage's tables hold. */
    void toOpenMage(Record record) {
        toOpenMage(record, shape);
    }

    private void toOpenMage(Record record, TableShape rowShape) {
        if (rowShape.table().startsWith("sales_flat_")) {
            sales(record, rowShape.table());
        }
        switch (rowShape.table()) {
            case "cms_page" -> page(record);
            case "customer_entity" -> customer(record);
            case "customer_address_entity" -> address(record);
            default -> { }
        }
        for (TableShape child : rowShape.children()) {
            for (Record row : record.children(child.name())) {
                toOpenMage(row, child);
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
            customer.put("password_hash", passwords.toOpenMage(customer, customer.text("password_hash")));
        }
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
     * A sales row: Magento 2 renamed the hidden tax columns (discount_tax_compensation) and a payment's cc_last_4, and
     * keeps some values as JSON.
     */
    private void sales(Record row, String table) {
        for (String column : List.copyOf(row.fields().keySet())) {
            String openMage = column.replace("discount_tax_compensation", "hidden_tax").replace("cc_last_4", "cc_last4");
            if (!openMage.equals(column)) {
                row.put(openMage, row.fields().remove(column));
            }
        }
        for (String column : JSON_COLUMNS.getOrDefault(table, Set.of())) {
            Object json = row.get(column);
            if (json != null) {
                String serialized = JsonToPhp.serialized(json.toString());
                if (serialized == null) {
                    warnings.accept(table + "." + column + ": neither JSON nor PHP-serialized data; not copied");
                }
                row.put(column, serialized);
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
        String template = PAGE_LAYOUTS.get(layout.toString());
        if (template == null) {
            warnings.accept("cms_page.page_layout: Magento 2's layout '" + layout + "' has no OpenMage counterpart; the page"
                    + " keeps the destination's default");
        }
        return template;
    }
}
