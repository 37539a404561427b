package org.maho.datasync.source.shopify;

import java.util.List;
import java.util.Set;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.RegionRef;
import org.maho.datasync.source.csv.CsvFormat;

/** A Shopify export as the CSV reader reads it: its header checked as that export's, no date filter (its dates carry offsets). */
abstract class ShopifyFormat implements CsvFormat {

    private final ShopifyExport export;

    ShopifyFormat(ShopifyExport export) {
        this.export = export;
    }

    /** The export whose lines it reads. */
    ShopifyExport export() {
        return export;
    }

    @Override
    public final void checkHeader(String file, Set<String> columns) {
        export.check(file, columns);
    }

    @Override
    public final List<String> dateColumns() {
        return List.of();
    }

    /** An address's province: its name as the region, its code (or name) as the region of the country OpenMage knows. */
    static void region(Record address, String code, String name) {
        if (code == null && name == null) {
            return;
        }
        address.put("region", name != null ? name : code);
        if (address.get("country_id") != null) {
            address.put("region_id", new RegionRef(address.text("country_id"), code != null ? code : name, name != null ? name : code));
        }
    }

    static void put(Record record, String field, String value) {
        if (value != null && !value.isBlank()) {
            record.put(field, value);
        }
    }
}
