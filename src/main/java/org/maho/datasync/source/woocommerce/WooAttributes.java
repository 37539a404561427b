package org.maho.datasync.source.woocommerce;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.AttributeRecords;

/**
 * Product attributes. A global attribute ({@code woocommerce_attribute_taxonomies}, its values the terms of
 * {@code pa_<name>}) becomes a select attribute of the same code with an option per term, in the terms' order. A
 * product's own attribute (in its {@code _product_attributes}, not a taxonomy) becomes {@code wc_<name>}: a select
 * attribute with the values products vary by, when variations use it, else a text attribute. An external product's
 * URL and button text are kept in {@code wc_product_url} and {@code wc_button_text}.
 */
final class WooAttributes {

    static final String CUSTOM_PREFIX = "wc_";
    static final String PRODUCT_URL = "wc_product_url";
    static final String BUTTON_TEXT = "wc_button_text";

    private WooAttributes() {}

    static Iterator<Record> read(SyncJob job, WordPress shop) {
        List<Record> records = new ArrayList<>();
        Terms terms = shop.terms();
        ShopMetadata destination = ShopMetadata.of(job.destination());
        for (Map<String, String> row : shop.rows(shop.from("woocommerce_attribute_taxonomies").orderBy("attribute_id"))) {
            String name = row.get("attribute_name");
            Record attribute = AttributeRecords.attribute(globalCode(name, destination), row.get("attribute_label"), true,
                    "woocommerce_attribute_taxonomies attribute_id=" + row.get("attribute_id"));
            int sort = 0;
            for (Terms.Term term : terms.of(Terms.ATTRIBUTE_PREFIX + name)) {
                attribute.addChild("options", AttributeRecords.option(Texts.html(term.name()), sort++, attribute.origin()));
            }
            records.add(attribute);
        }
        Map<String, Custom> custom = customAttributes(shop);
        for (Custom attribute : custom.values()) {
            Record record = AttributeRecords.attribute(attribute.code(), attribute.label(), attribute.variation(), "_product_attributes " + attribute.label());
            if (attribute.variation()) {
                int sort = 0;
                for (String value : attribute.values()) {
                    record.addChild("options", AttributeRecords.option(Texts.html(value), sort++, record.origin()));
                }
            }
            records.add(record);
        }
        if (!shop.rows(shop.from("postmeta").columns("post_id").where("meta_key", org.maho.datasync.db.TableQuery.Op.EQ, "_product_url")
                .limit(1)).isEmpty()) {
            records.add(AttributeRecords.attribute(PRODUCT_URL, "Product URL", false, "_product_url of external products"));
            records.add(AttributeRecords.attribute(BUTTON_TEXT, "Button text", false, "_button_text of external products"));
        }
        return records.iterator();
    }

    /**
     * A global attribute's code: its name, unless the destination has an attribute of that name whose values are no
     * options of its own (a system attribute: name, price, status), which the attribute would overwrite.
     */
    static String globalCode(String name, ShopMetadata destination) {
        return AttributeRecords.selectCode(name, CUSTOM_PREFIX, destination);
    }

    /** A product's own attribute's code, from its name ("Gift wrap" is wc_gift_wrap). */
    static String customCode(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String code = CUSTOM_PREFIX + slug;
        return code.length() > 60 ? code.substring(0, 60) : code;
    }

    /** A product's own attribute, as every product that has it names it. */
    record Custom(String code, String label, boolean variation, Set<String> values) {}

    /** The products' own attributes by code: whether a variable product varies by it, and the values it takes. */
    static Map<String, Custom> customAttributes(WordPress shop) {
        Map<String, Custom> custom = new LinkedHashMap<>();
        for (Map<String, String> row : shop.rows(shop.from("postmeta").columns("meta_value")
                .where("meta_key", org.maho.datasync.db.TableQuery.Op.EQ, "_product_attributes").orderBy("meta_id"))) {
            for (Object entry : WordPress.array(row.get("meta_value")).values()) {
                if (!(entry instanceof Map<?, ?> attribute) || isTrue(attribute.get("is_taxonomy")) || attribute.get("name") == null) {
                    continue;
                }
                String label = attribute.get("name").toString();
                String code = customCode(label);
                boolean variation = isTrue(attribute.get("is_variation"));
                Custom known = custom.get(code);
                Set<String> values = known == null ? new LinkedHashSet<>() : known.values();
                values.addAll(values(attribute.get("value")));
                custom.put(code, new Custom(code, known == null ? label : known.label(), variation || (known != null && known.variation()), values));
            }
        }
        return custom;
    }

    /** The values of a product's own attribute, which WooCommerce keeps as one text separated by "|". */
    static List<String> values(Object text) {
        List<String> values = new ArrayList<>();
        if (text != null) {
            for (String value : text.toString().split("\\|")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }

    static boolean isTrue(Object flag) {
        return flag != null && ("1".equals(flag.toString()) || "true".equals(flag.toString()));
    }
}
