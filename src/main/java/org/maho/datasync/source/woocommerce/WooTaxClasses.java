package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * WooCommerce's own tax classes ({@code wc_tax_rate_classes}: "Reduced rate", "Zero rate") as product tax classes.
 * Its standard class has no row: a product of it takes OpenMage's standard product class ({@link #STANDARD}).
 */
final class WooTaxClasses {

    /** The product tax class OpenMage's install has for WooCommerce's standard rate. */
    static final String STANDARD = "Taxable Goods";

    private WooTaxClasses() {}

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        List<Record> records = new ArrayList<>();
        if (!shop.hasTable("wc_tax_rate_classes")) {
            return records.iterator();
        }
        for (Map<String, String> row : shop.rows(shop.from("wc_tax_rate_classes").orderBy("tax_rate_class_id"))) {
            records.add(new Record("taxclass", row.get("tax_rate_class_id"), "wc_tax_rate_classes tax_rate_class_id="
                    + row.get("tax_rate_class_id")).put("class_name", row.get("name")).put("class_type", "PRODUCT"));
        }
        return records.iterator();
    }

    /** The class of a product's {@code _tax_status} and {@code _tax_class} (a slug; empty for the standard class). */
    static Object of(String status, String slug, Map<String, String> namesBySlug) {
        if ("none".equals(status)) {
            return new org.maho.datasync.model.RawValue("0");
        }
        String name = slug == null || slug.isEmpty() ? STANDARD : namesBySlug.getOrDefault(slug, slug);
        return new org.maho.datasync.model.TaxClassRef(name, "PRODUCT");
    }

    /** The shop's tax class names by slug. */
    static Map<String, String> namesBySlug(WordPress shop) {
        Map<String, String> names = new java.util.HashMap<>();
        if (shop.hasTable("wc_tax_rate_classes")) {
            shop.rows(shop.from("wc_tax_rate_classes").columns("slug", "name")).forEach(row -> names.put(row.get("slug"), row.get("name")));
        }
        return names;
    }
}
