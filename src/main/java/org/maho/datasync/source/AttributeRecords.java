package org.maho.datasync.source;

import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;

/**
 * Product attribute records for sources that have no attribute definitions of OpenMage's kind (WooCommerce's
 * taxonomies, Shopify's options): a select with its options, or a text, global, created user-defined.
 */
public final class AttributeRecords {

    private static final String PRODUCT = "catalog_product";
    private static final String TABLE_SOURCE = "eav/entity_attribute_source_table";

    private AttributeRecords() {}

    /**
     * The code a source's select attribute takes: its own, unless the destination has an attribute of that code whose
     * values are no options of its own (a system attribute: name, price, status), which it would overwrite; then the
     * code with the source's prefix.
     */
    public static String selectCode(String code, String prefix, ShopMetadata destination) {
        return destination.attribute(PRODUCT, code)
                .filter(existing -> !("select".equals(existing.frontendInput()) || "multiselect".equals(existing.frontendInput()))
                        || !(existing.sourceModel() == null || existing.sourceModel().isEmpty() || TABLE_SOURCE.equals(existing.sourceModel())))
                .map(existing -> prefix + code).orElse(code);
    }

    /** A product attribute, a select (configurable products may vary by it) or a text. */
    public static Record attribute(String code, String label, boolean select, String origin) {
        Record attribute = new Record("productattribute", code, origin);
        attribute.put("entity_type_id", PRODUCT);
        attribute.put("attribute_code", code);
        attribute.put("frontend_label", label);
        attribute.put("backend_type", select ? "int" : "varchar");
        attribute.put("frontend_input", select ? "select" : "text");
        // a select without a source model keeps its options in OpenMage's option tables, as the destination's own may
        attribute.put("is_user_defined", "1");
        Record properties = new Record("properties", null, origin);
        properties.put("is_global", "1");
        if (select) {
            properties.put("is_configurable", "1");
        }
        attribute.addChild("properties", properties);
        return attribute;
    }

    /** An option of a select, by its admin label, in this place among the options. */
    public static Record option(String label, int sort, String origin) {
        Record option = new Record("option", null, origin + " (" + label + ")");
        option.put("sort_order", String.valueOf(sort));
        option.addChild("values", new Record("option_value", null, origin).put("store_id", "admin").put("value", label));
        return option;
    }
}
