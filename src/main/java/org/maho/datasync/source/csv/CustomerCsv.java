package org.maho.datasync.source.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.RegionRef;

/**
 * The original tool's customer CSV formats (customers_basic.csv, customers_with_addresses.csv): one line per
 * customer, addresses in billing_, shipping_ and address1_..address10_ columns. Numeric website, store and
 * group ids in a file are the destination's own (a file has no shop of its own); codes are accepted too.
 */
final class CustomerCsv {

    private static final Set<String> SAME_AS_BILLING = Set.of("same_as_billing", "use_billing_as_shipping", "billing_is_shipping");
    private static final Set<String> CONTROL = Set.of("entity_id", "website", "website_code", "store", "store_code",
            "group", "group_code", "same_as_billing", "use_billing_as_shipping", "billing_is_shipping");
    private static final List<String> ADDRESS_FIELDS = List.of("firstname", "lastname", "middlename", "prefix", "suffix",
            "company", "street", "city", "region", "region_id", "postcode", "country_id", "telephone", "fax", "vat_id");
    /** The original format's gender numbers. */
    private static final Map<String, String> GENDERS = Map.of("1", "Male", "2", "Female", "3", "Not Specified");

    private CustomerCsv() {}

    static Record toRecord(CsvRow row, SyncJob job) {
        Record record = new Record("customer", row.get("entity_id"), row.origin());
        ShopMetadata shop = ShopMetadata.of(job.destination());
        List<String> prefixes = addressPrefixes(row);
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (value == null || value.isEmpty() || CONTROL.contains(column) || isAddressColumn(column, prefixes)) {
                continue;
            }
            switch (column) {
                case "website_id" -> CsvValues.reference(record, column, value,
                        id -> shop.website(id).map(ShopMetadata.Website::code), "website");
                case "store_id" -> CsvValues.reference(record, column, value, id -> shop.store(id).map(ShopMetadata.Store::code), "store");
                case "group_id" -> CsvValues.reference(record, column, value, shop::customerGroupCode, "customer group");
                case "gender" -> {
                    if (!"0".equals(value)) {
                        record.put("gender", GENDERS.getOrDefault(value, value));
                    }
                }
                case "dob", "created_at", "updated_at" -> {
                    String normalized = DateValues.normalize(value);
                    record.put(column, normalized != null ? normalized : value);
                }
                default -> record.put(column, CsvValues.attributeValue(job, "customer", column, value));
            }
        }
        codeColumn(row, record, "website_id", "website", "website_code");
        codeColumn(row, record, "store_id", "store", "store_code");
        codeColumn(row, record, "group_id", "group", "group_code");
        applyDefaults(record, shop);
        addAddresses(row, record, prefixes, shop);
        return record;
    }

    private static boolean isAddressColumn(String column, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (column.startsWith(prefix + "_")) {
                return true;
            }
        }
        return false;
    }

    private static void codeColumn(CsvRow row, Record record, String field, String... columns) {
        for (String column : columns) {
            if (row.has(column)) {
                record.put(field, row.get(column));
            }
        }
    }

    /** A file may leave out website, store and group: the destination's defaults, as the shop itself would. */
    private static void applyDefaults(Record record, ShopMetadata shop) {
        if (record.get("website_id") == null && record.problems().stream().noneMatch(p -> "website_id".equals(p.field()))) {
            shop.defaultWebsite().ifPresent(w -> record.put("website_id", w.code()));
        }
        if (record.get("store_id") == null && record.get("website_id") != null) {
            shop.websiteByCode(record.text("website_id")).flatMap(w -> shop.defaultStore(w.id()))
                    .ifPresent(s -> record.put("store_id", s.code()));
        }
        if (record.get("group_id") == null && record.problems().stream().noneMatch(p -> "group_id".equals(p.field()))) {
            shop.customerGroupCode(1).ifPresent(code -> record.put("group_id", code));
        }
    }

    private static void addAddresses(CsvRow row, Record customer, List<String> prefixes, ShopMetadata shop) {
        boolean billingIsShipping = SAME_AS_BILLING.stream().map(row::get)
                .anyMatch(value -> value != null && !"0".equals(value));
        for (String prefix : prefixes) {
            if ("shipping".equals(prefix) && billingIsShipping) {
                continue;
            }
            if (!row.has(prefix + "_street") && !row.has(prefix + "_city")) {
                continue;
            }
            Record address = new Record("customer_address", prefix, row.origin() + " (" + prefix + " address)");
            for (String field : ADDRESS_FIELDS) {
                String value = row.get(prefix + "_" + field);
                if (value != null) {
                    address.put(field, value);
                }
            }
            address.fields().putIfAbsent("firstname", customer.get("firstname"));
            address.fields().putIfAbsent("lastname", customer.get("lastname"));
            if (address.get("region_id") == null && address.get("region") != null && address.get("country_id") != null) {
                address.put("region_id", new RegionRef(address.text("country_id"), address.text("region"), address.text("region")));
            } else if (address.get("region_id") != null) {
                address.put("region_id", CsvValues.regionById(address, shop));
            }
            address.fields().values().removeIf(java.util.Objects::isNull);
            customer.addChild("addresses", address);
            if ("billing".equals(prefix)) {
                customer.put("default_billing", prefix);
                if (billingIsShipping) {
                    customer.put("default_shipping", prefix);
                }
            } else if ("shipping".equals(prefix)) {
                customer.put("default_shipping", prefix);
            }
        }
    }

    private static List<String> addressPrefixes(CsvRow row) {
        List<String> prefixes = new ArrayList<>(List.of("billing", "shipping"));
        for (int i = 1; i <= 10 && hasAnyColumn(row, "address" + i + "_"); i++) {
            prefixes.add("address" + i);
        }
        return prefixes;
    }

    private static boolean hasAnyColumn(CsvRow row, String prefix) {
        return row.values().keySet().stream().anyMatch(column -> column.startsWith(prefix));
    }
}
