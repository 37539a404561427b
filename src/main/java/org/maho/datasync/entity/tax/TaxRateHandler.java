package org.maho.datasync.entity.tax;

import java.util.Set;
import org.maho.datasync.entity.KeyColumnHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Tax rates, by code: a country, a region (by its code; 0 for every region), a postcode pattern or range, a
 * percentage, and a title per store view.
 */
public final class TaxRateHandler extends KeyColumnHandler {

    public static final TableShape TITLES = TableShape.child("titles", "tax_calculation_rate_title", "tax_calculation_rate_title_id",
            "tax_calculation_rate_id").keys("store_id");
    public static final TableShape RATE = TableShape.flatEntity("tax_calculation_rate", "tax_calculation_rate_id")
            .kind("tax_region_id", ValueKind.REGION).with(TITLES);

    public TaxRateHandler() {
        super("taxrate", RATE, "code", Set.of(JobOption.ENTITY_IDS), "tax_calculation_rate");
    }

    /** Part of the shop's set-up: a clean install comes with rates of its own, so a source id is kept only where free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        super.validateRecord(job, record);
        if (record.text("tax_country_id") == null || record.text("tax_country_id").isBlank()) {
            record.reject("tax_country_id", "is missing");
        }
    }
}
