package org.maho.datasync.entity.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/** Customer groups by code, with their tax class by name. */
public final class CustomerGroupHandler extends TableEntityHandler {

    public static final TableShape GROUP = TableShape.flatEntity("customer_group", "customer_group_id")
            .kind("tax_class_id", ValueKind.TAX_CLASS);

    public CustomerGroupHandler() {
        super("customergroup", GROUP, Set.of(JobOption.ENTITY_IDS), "customer_group");
    }

    /** The shop's structure: a clean install has its own, so a source id is kept only where it is free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String code = record.text("customer_group_code");
        return code == null ? null : code.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Sql.query(destination, "SELECT customer_group_id, customer_group_code FROM " + job.destination().table("customer_group"),
                List.of(), row -> found.put(row.getString(2).trim().toLowerCase(Locale.ROOT), row.getLong(1)));
        found.keySet().retainAll(keys);
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String code = record.text("customer_group_code");
        if (code == null || code.isBlank()) {
            record.reject("customer_group_code", "is missing");
        } else if (code.length() > 32) {
            record.reject("customer_group_code", "is longer than 32 characters");
        }
    }
}
