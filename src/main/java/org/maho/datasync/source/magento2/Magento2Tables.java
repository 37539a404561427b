package org.maho.datasync.source.magento2;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where Magento 2.4's tables differ from OpenMage's by name, as Magento's own migration map files say
 * (../shared/reference/magento2, map-stores.xml.dist and 1.9.4.5_map.xml.dist): renamed tables and columns, columns kept
 * as JSON where OpenMage keeps PHP-serialized data, page layouts. The magento2 adapter reads them backwards; the
 * generator's Magento 2 layout writes them forwards.
 */
public final class Magento2Tables {

    /** OpenMage's table names that Magento 2 renamed; its sales grids too. */
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

    /** Parts of sales column names Magento 2 renamed: OpenMage's, then Magento 2's (hidden_tax_amount, cc_last4). */
    private static final List<String[]> SALES_COLUMN_PARTS = List.of(
            new String[] {"hidden_tax", "discount_tax_compensation"},
            new String[] {"cc_last4", "cc_last_4"});

    /**
     * Columns Magento 2 keeps as JSON where OpenMage reads PHP-serialized data (the SerializeToJson handlers of the map;
     * a rule's conditions and actions, whose condition types name Magento 2 classes, too).
     */
    private static final Map<String, Set<String>> JSON_COLUMNS = Map.of(
            "sales_flat_order_item", Set.of("product_options", "weee_tax_applied"),
            "sales_flat_invoice_item", Set.of("weee_tax_applied"),
            "sales_flat_creditmemo_item", Set.of("weee_tax_applied"),
            "sales_flat_order_payment", Set.of("additional_information"),
            "sales_flat_shipment", Set.of("packages"),
            "salesrule", Set.of("conditions_serialized", "actions_serialized"),
            "catalogrule", Set.of("conditions_serialized", "actions_serialized"));

    /** The price rules' tables, whose JSON columns hold conditions and actions that name Magento 2's classes. */
    private static final Set<String> RULES = Set.of("salesrule", "catalogrule");

    /**
     * Columns of OpenMage's credit memo grid that Magento 2's lacks, each a copy of the credit memo's own column (the
     * other grids have all of OpenMage's columns).
     */
    private static final Map<String, List<String>> GRID_COLUMNS_OF_THE_DOCUMENT = Map.of("sales_flat_creditmemo_grid", List.of(
            "store_to_order_rate", "base_to_order_rate", "grand_total", "store_to_base_rate", "base_to_global_rate",
            "creditmemo_status", "invoice_id", "store_currency_code", "order_currency_code", "base_currency_code",
            "global_currency_code"));

    /**
     * Columns of Magento 2's tables (by OpenMage's table names) that OpenMage has no place for and that hold nothing a
     * shop would miss there: its grids' copies of the order's and the customer's values for its admin lists, a customer's
     * login failure counters, the settings of its admin grids and search weights for attributes. Not read, so that the
     * report keeps to what is lost.
     */
    private static final Map<String, Set<String>> NOT_READ = Map.ofEntries(
            Map.entry("sales_flat_order_grid", Set.of("billing_address", "shipping_address", "shipping_information", "customer_email",
                    "customer_group", "subtotal", "shipping_and_handling", "customer_name", "payment_method", "total_refunded",
                    "pickup_location_code")),
            Map.entry("sales_flat_invoice_grid", Set.of("store_name", "customer_name", "customer_email", "customer_group_id", "payment_method",
                    "billing_address", "shipping_address", "shipping_information", "subtotal", "shipping_and_handling", "updated_at")),
            Map.entry("sales_flat_shipment_grid", Set.of("customer_name", "order_status", "billing_address", "shipping_address", "billing_name",
                    "customer_email", "customer_group_id", "payment_method", "shipping_information", "updated_at")),
            Map.entry("sales_flat_creditmemo_grid", Set.of("updated_at", "order_status", "billing_address", "shipping_address", "customer_name",
                    "customer_email", "customer_group_id", "payment_method", "shipping_information", "subtotal",
                    "shipping_and_handling", "adjustment_positive", "adjustment_negative", "order_base_grand_total")),
            Map.entry("customer_entity", Set.of("failures_num", "first_failure", "lock_expires")),
            // a product's link to a category has an id of its own; bundle rows repeat their product's id
            Map.entry("catalog_category_product", Set.of("entity_id")),
            Map.entry("catalog_product_bundle_option_value", Set.of("parent_product_id")),
            Map.entry("catalog_product_bundle_selection_price", Set.of("parent_product_id")),
            // Magento 2 keeps one stock item a product (website 0) and names the website all the same
            Map.entry("cataloginventory_stock_item", Set.of("website_id")),
            Map.entry("catalog_eav_attribute", Set.of("is_required_in_admin_store", "is_used_in_grid", "is_visible_in_grid",
                    "is_filterable_in_grid", "search_weight")),
            Map.entry("customer_eav_attribute", Set.of("is_used_in_grid", "is_visible_in_grid", "is_filterable_in_grid", "is_searchable_in_grid")));

    /**
     * Magento 2's own attributes for what OpenMage has no place for: a product's stock status (OpenMage keeps stock in its
     * stock items), its category ids (a static attribute without a column, for Magento 2's forms; the links are
     * catalog_category_product's), a layout update file, a customer's login failure counters. Not read, and left out of
     * attribute sets.
     */
    private static final Map<String, Set<String>> MACHINERY = Map.of(
            "catalog_product", Set.of("quantity_and_stock_status", "category_ids", "custom_layout_update_file"),
            "catalog_category", Set.of("custom_layout_update_file"),
            "customer", Set.of("failures_num", "first_failure", "lock_expires"));

    /** Magento 2's page layouts as OpenMage's root templates (1.9.4.5_map.xml.dist, cms_page.root_template). */
    private static final Map<String, String> PAGE_LAYOUTS = Map.of(
            "empty", "empty",
            "1column", "one_column",
            "2columns-left", "two_columns_left",
            "2columns-right", "two_columns_right",
            "3columns", "three_columns");

    private Magento2Tables() {}

    /** Magento 2's name for one of OpenMage's tables. */
    public static String tableName(String openMageTable) {
        return TABLES.getOrDefault(openMageTable, openMageTable);
    }

    /** OpenMage's sales tables, which Magento 2 keeps under other names. */
    public static Set<String> salesTables() {
        return TABLES.keySet().stream().filter(table -> table.startsWith("sales_flat_")).collect(Collectors.toSet());
    }

    /** OpenMage's name for a column of a Magento 2 sales table (asked for each column of every row read: remembered). */
    static String openMageSalesColumn(String magento2Column) {
        return OPENMAGE_SALES_COLUMNS.computeIfAbsent(magento2Column, Magento2Tables::renamedBack);
    }

    private static final Map<String, String> OPENMAGE_SALES_COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String renamedBack(String magento2Column) {
        String column = magento2Column;
        for (String[] part : SALES_COLUMN_PARTS) {
            column = column.replace(part[1], part[0]);
        }
        return column;
    }

    /** Magento 2's name for a column of an OpenMage sales table. */
    public static String magento2SalesColumn(String openMageColumn) {
        String column = openMageColumn;
        for (String[] part : SALES_COLUMN_PARTS) {
            column = column.replace(part[0], part[1]);
        }
        return column;
    }

    /** The columns of one of OpenMage's tables that Magento 2 keeps as JSON. */
    public static Set<String> jsonColumns(String openMageTable) {
        return JSON_COLUMNS.getOrDefault(openMageTable, Set.of());
    }

    /** Whether a JSON column holds a rule's conditions (Magento 2's classes named), not plain values. */
    public static boolean holdsRuleConditions(String openMageTable, String column) {
        return RULES.contains(openMageTable) && jsonColumns(openMageTable).contains(column);
    }

    /** The columns of one of OpenMage's grid tables that Magento 2's grid lacks and the document holds. */
    static List<String> gridColumnsOfTheDocument(String openMageGridTable) {
        return GRID_COLUMNS_OF_THE_DOCUMENT.getOrDefault(openMageGridTable, List.of());
    }

    /** The columns of a Magento 2 table (by OpenMage's name) that are not read. */
    static Set<String> notRead(String openMageTable) {
        return NOT_READ.getOrDefault(openMageTable, Set.of());
    }

    /** Whether an attribute of Magento 2 is its own machinery (not read). */
    static boolean isMachinery(String entityType, String code) {
        return MACHINERY.getOrDefault(entityType, Set.of()).contains(code);
    }

    /** OpenMage's root template for a Magento 2 page layout; null when it has none. */
    static String rootTemplate(String pageLayout) {
        return PAGE_LAYOUTS.get(pageLayout);
    }

    /** Magento 2's page layouts and the root templates of OpenMage they stand for. */
    public static Map<String, String> pageLayouts() {
        return PAGE_LAYOUTS;
    }
}
