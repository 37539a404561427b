package org.maho.datasync.source.openmage;

import java.util.List;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.db.TableQuery.Op;
import org.maho.datasync.entity.catalog.AttributeSetHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/** The attribute sets of the entity types whose sets are synced, each attribute pointing at its group by name. */
final class AttributeSetReading implements OpenMageReading {

    @Override
    public List<List<Condition>> passes(SyncJob job) {
        ShopMetadata shop = job.inputShop();
        List<Integer> ids = new java.util.ArrayList<>();
        for (String type : AttributeSetHandler.TYPES) {
            shop.entityType(type).ifPresent(t -> ids.add(t.id()));
        }
        return List.of(List.of(new Condition("entity_type_id", Op.IN, ids)));
    }

    @Override
    public Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        if (shape == AttributeSetHandler.ATTRIBUTES && "attribute_group_id".equals(column)) {
            for (StoredRow group : parent.children(AttributeSetHandler.GROUPS.name())) {
                if (String.valueOf(group.id()).equals(row.column(column))) {
                    return new ChildRef(AttributeSetHandler.GROUPS.name(), "attribute_group_name", group.column("attribute_group_name"));
                }
            }
        }
        return null;
    }

    /**
     * Old shops' sets hold attributes of other entity types (a customer set with the pre-1.4 sales attributes): no
     * shop reads them there, and the destination may not even have those types, so they are left out, said once.
     */
    @Override
    public Record whenRead(SyncJob job, Record set) {
        Object type = set.get("entity_type_id");
        List<Record> attributes = set.children(AttributeSetHandler.ATTRIBUTES.name());
        if (!attributes.isEmpty() && attributes.removeIf(attribute -> type != null && !type.equals(attribute.get("entity_type_id")))) {
            job.report().warn("attributeset: " + type + " sets hold attributes of other entity types (an old shop's"
                    + " leftover, which the shop does not read); those rows are not copied");
        }
        return set;
    }
}
