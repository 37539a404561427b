package org.maho.datasync.entity.catalog;

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

/** Tax classes, by type and name: products and customer groups refer to them by name. */
public final class TaxClassHandler extends TableEntityHandler {

    public static final TableShape TAX_CLASS = TableShape.flatEntity("tax_class", "class_id");

    public TaxClassHandler() {
        super("taxclass", TAX_CLASS, Set.of(JobOption.ENTITY_IDS), "tax_class");
    }

    /** The shop's structure: a clean install has its own, so a source id is kept only where it is free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String name = record.text("class_name");
        String type = record.text("class_type");
        return name == null ? null : (type == null ? "" : type).toUpperCase(Locale.ROOT) + "|" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Sql.query(destination, "SELECT class_id, class_type, class_name FROM " + job.destination().table("tax_class"), List.of(),
                row -> found.put(row.getString(2).toUpperCase(Locale.ROOT) + "|" + row.getString(3).toLowerCase(Locale.ROOT),
                        row.getLong(1)));
        found.keySet().retainAll(keys);
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.text("class_name") == null || record.text("class_name").isBlank()) {
            record.reject("class_name", "is missing");
        }
    }
}
