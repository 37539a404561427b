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
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Product, category, customer and address attribute sets by name, with their groups by name and their attributes by code, each
 * in its group. Groups and attributes the destination's set has beyond the source's stay.
 */
public final class AttributeSetHandler extends TableEntityHandler {

    public static final List<String> TYPES = List.of("catalog_product", "catalog_category", "customer", "customer_address");

    public static final TableShape GROUPS = TableShape.child("groups", "eav_attribute_group", "attribute_group_id", "attribute_set_id")
            .keys("attribute_group_name").deletion(TableShape.Deletion.NONE);
    /** A set's attributes, each pointing at one of the set's groups: moving an attribute to another group is an update. */
    public static final TableShape ATTRIBUTES = TableShape.child("attributes", "eav_entity_attribute", "entity_attribute_id", "attribute_set_id")
            .keys("attribute_id").deletion(TableShape.Deletion.NONE)
            .kind("entity_type_id", ValueKind.ENTITY_TYPE).kind("attribute_id", ValueKind.ATTRIBUTE);
    public static final TableShape SET = TableShape.flatEntity("eav_attribute_set", "attribute_set_id")
            .kind("entity_type_id", ValueKind.ENTITY_TYPE).with(GROUPS, ATTRIBUTES);

    public AttributeSetHandler() {
        super("attributeset", SET, Set.of(JobOption.ENTITY_IDS), "attribute_set");
    }

    /** The shop's structure: a clean install has its own, so a source id is kept only where it is free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        Object type = record.get("entity_type_id");
        String name = record.text("attribute_set_name");
        return type == null || name == null ? null : (type + "|" + name).toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Sql.query(destination, "SELECT attribute_set_id, entity_type_id, attribute_set_name FROM "
                + job.destination().table("eav_attribute_set"), List.of(), row -> {
                    String type = shop.entityTypeCode(row.getInt(2)).orElse(null);
                    if (type != null) {
                        found.put((type + "|" + row.getString(3)).toLowerCase(Locale.ROOT), row.getLong(1));
                    }
                });
        found.keySet().retainAll(keys);
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.text("attribute_set_name") == null || record.text("attribute_set_name").isBlank()) {
            record.reject("attribute_set_name", "is missing");
        }
    }
}
