package org.maho.datasync.entity.catalog;

import java.sql.Connection;
import java.util.Set;
import org.maho.datasync.entity.KeyColumnHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Product tags, by name: the tag with its status and first tagger, which products which customers tagged with it in
 * which store view, and its base popularity per store view. {@code tag_summary} is the destination's index (OpenMage's
 * "Tag Aggregation Data"), left for its indexer to rebuild, as the run's report says.
 */
public final class TagHandler extends KeyColumnHandler {

    public static final TableShape RELATIONS = TableShape.child("relations", "tag_relation", "tag_relation_id", "tag_id")
            .ref("product_id", "product", Ref.Missing.DROP_ROW).ref("customer_id", "customer", Ref.Missing.EMPTY)
            .keys("product_id", "customer_id", "store_id");
    public static final TableShape PROPERTIES = TableShape.child("properties", "tag_properties", null, "tag_id").keys("store_id");
    public static final TableShape TAG = TableShape.flatEntity("tag", "tag_id")
            .ref("first_customer_id", "customer", Ref.Missing.EMPTY).kind("first_store_id", ValueKind.STORE)
            .with(RELATIONS, PROPERTIES);

    public TagHandler() {
        super("tag", TAG, "name", Set.of(JobOption.ENTITY_IDS));
    }

    @Override
    public TrackedEntity tracked() {
        return trackingByKey();
    }

    @Override
    public void finish(SyncJob job, Connection destination) {
        if (job.report().processed() > job.report().count(org.maho.datasync.model.Outcome.UNCHANGED)) {
            job.report().note("tag_summary (the tag cloud's counts) is the destination's index: reindex \"Tag Aggregation Data\""
                    + " there");
        }
    }
}
