package org.maho.datasync.source.woocommerce;

import java.util.function.UnaryOperator;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.RegionRef;

/** An address as WooCommerce keeps it everywhere (user meta, order meta, HPOS address rows), by its field names. */
final class WooAddresses {

    private WooAddresses() {}

    /**
     * Fills an address from WooCommerce's fields ({@code first_name}, {@code address_1}, {@code state} ...), read by
     * name; its state is a region code of its country (a free text where the country has none).
     */
    static void fill(Record address, UnaryOperator<String> field) {
        put(address, "firstname", field.apply("first_name"));
        put(address, "lastname", field.apply("last_name"));
        put(address, "company", field.apply("company"));
        String street = join(field.apply("address_1"), field.apply("address_2"));
        put(address, "street", street);
        put(address, "city", field.apply("city"));
        put(address, "postcode", field.apply("postcode"));
        put(address, "country_id", field.apply("country"));
        put(address, "telephone", field.apply("phone"));
        String state = field.apply("state");
        if (!Texts.blank(state)) {
            address.put("region", state.trim());
            if (address.get("country_id") != null) {
                address.put("region_id", new RegionRef(address.text("country_id"), state.trim(), state.trim()));
            }
        }
    }

    private static String join(String first, String second) {
        if (Texts.blank(first)) {
            return Texts.blank(second) ? null : second.trim();
        }
        return Texts.blank(second) ? first.trim() : first.trim() + "\n" + second.trim();
    }

    private static void put(Record record, String field, String value) {
        if (!Texts.blank(value)) {
            record.put(field, value.trim());
        }
    }
}
