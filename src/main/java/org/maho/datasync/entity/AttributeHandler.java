package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Attribute definitions of one EAV entity type by code: the definition, its properties of the entity's own table
 * (a product attribute's scope, search and filters; a customer attribute's forms and validation), its labels per
 * store and its options with their labels per store. An attribute the destination lacks is created, a shop's own
 * and an extension's included; for one it has, how its values are stored (backend, source and frontend models,
 * input) is never changed, because the destination's code relies on it; differences are reported.
 */
public abstract class AttributeHandler extends TableEntityHandler {

    /** Columns that say how an attribute's values are stored and read: kept as the destination has them. */
    private static final Set<String> STORAGE = Set.of("backend_type", "backend_model", "backend_table", "source_model",
            "frontend_model", "attribute_model", "frontend_input", "is_user_defined");

    public static final TableShape OPTION_VALUES = TableShape.child("values", "eav_attribute_option_value", "value_id", "option_id")
            .keys("store_id");
    public static final TableShape OPTIONS = TableShape.child("options", "eav_attribute_option", "option_id", "attribute_id")
            .deletion(TableShape.Deletion.NONE).with(OPTION_VALUES);
    public static final TableShape LABELS = TableShape.child("labels", "eav_attribute_label", "attribute_label_id", "attribute_id")
            .keys("store_id");

    /** The product and category attributes' own table. */
    public static final TableShape CATALOG = TableShape.child("properties", "catalog_eav_attribute", null, "attribute_id");
    /** The customer and address attributes' own table, and the forms that show them (the destination's other forms stay). */
    public static final TableShape CUSTOMER = TableShape.child("properties", "customer_eav_attribute", null, "attribute_id");
    public static final TableShape FORMS = TableShape.child("forms", "customer_form_attribute", null, "attribute_id").keys("form_code")
            .deletion(TableShape.Deletion.NONE);

    private final String entityType;
    private final TableShape properties;

    /**
     * @param entityType the EAV entity type whose attributes these are
     * @param properties the entity's own table of attribute properties, one row per attribute
     * @param more       further child tables (the forms of customer attributes)
     */
    protected AttributeHandler(String type, String entityType, TableShape properties, List<TableShape> more, String... aliases) {
        super(type, TableShape.flatEntity("eav_attribute", "attribute_id").kind("entity_type_id", ValueKind.ENTITY_TYPE)
                        .with(properties, LABELS, OPTIONS).with(more.toArray(TableShape[]::new)),
                Set.of(JobOption.ENTITY_IDS), aliases);
        this.entityType = entityType;
        this.properties = properties;
    }

    /** The EAV entity type whose attributes these are: catalog_product, customer. */
    public String entityType() {
        return entityType;
    }

    /** The shop's structure: a clean install has its own, so a source id is kept only where it is free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String code = record.text("attribute_code");
        return code == null ? null : code.toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        int type = ShopMetadata.of(job.destination()).requireEntityType(entityType).id();
        Sql.queryIn(destination, "SELECT attribute_id, attribute_code FROM " + job.destination().table("eav_attribute")
                        + " WHERE entity_type_id = ? AND attribute_code IN ", "", List.of(type), keys,
                row -> found.put(row.getString(2).toLowerCase(Locale.ROOT), row.getLong(1)));
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String code = record.text("attribute_code");
        if (code == null || code.isBlank()) {
            record.reject("attribute_code", "is missing");
        } else if (!code.matches("[a-z][a-z0-9_]{0,59}")) {
            record.reject("attribute_code", "'" + code + "' is not an attribute code (a lower-case letter, then letters,"
                    + " digits or underscores, at most 60 characters)");
        }
        if (record.text("backend_type") == null) {
            record.reject("backend_type", "is missing");
        }
        requireColumnOfStatic(job, record);
        reportStorageDifferences(job, record);
    }

    /**
     * A static attribute keeps its values in a column of the entity's table: one the destination lacks, created there,
     * would make every load of the entity fail on the missing column.
     */
    private void requireColumnOfStatic(SyncJob job, Record record) {
        String code = record.text("attribute_code");
        String table = entityType + "_entity";
        if ("static".equals(record.text("backend_type")) && code != null
                && ShopMetadata.of(job.destination()).attribute(entityType, code).isEmpty()
                && !job.destination().columns(table).containsKey(code)) {
            String reason = "static, kept in a column " + code + " of " + table + ", which the destination lacks; not created";
            record.outcome(Outcome.SKIPPED, reason);
            job.report().warn(type() + " " + code + ": " + reason);
        }
    }

    /** An attribute both shops have but store differently keeps the destination's storage: said once per attribute. */
    private void reportStorageDifferences(SyncJob job, Record record) {
        ShopMetadata.Attribute existing = ShopMetadata.of(job.destination())
                .attribute(entityType, record.text("attribute_code")).orElse(null);
        if (existing == null) {
            return;
        }
        if (!existing.backendType().equals(record.text("backend_type"))
                || !blankEquals(existing.frontendInput(), record.text("frontend_input"))
                || !blankEquals(existing.sourceModel(), record.text("source_model"))) {
            job.report().warn(type() + " " + existing.code() + ": stored as " + existing.backendType() + "/"
                    + existing.frontendInput() + " on the destination but " + record.text("backend_type") + "/"
                    + record.text("frontend_input") + " at the source; the destination's storage is kept");
        }
    }

    private static boolean blankEquals(String a, String b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }

    /** The destination's storage is kept by design (see the class comment), so it is not compared either. */
    @Override
    public Set<String> notVerified() {
        return STORAGE;
    }

    @Override
    protected boolean mayUpdateColumn(SyncJob job, TableShape shape, String column) {
        return shape != shape() || !STORAGE.contains(column);
    }

    /** An option is found among its attribute's by its admin (store 0) label. */
    @Override
    protected String childKey(TableShape child, RowView row) {
        if (child == OPTIONS) {
            for (RowView value : row.children(OPTION_VALUES.name())) {
                if ("0".equals(value.get("store_id")) && value.get("value") != null) {
                    return value.get("value").trim().toLowerCase(Locale.ROOT);
                }
            }
            return null;
        }
        if (child == properties) {
            return "";
        }
        return super.childKey(child, row);
    }
}
