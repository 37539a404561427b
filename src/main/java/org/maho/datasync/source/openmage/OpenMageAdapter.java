package org.maho.datasync.source.openmage;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Retry;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.db.TableQuery.Op;
import org.maho.datasync.entity.AttributeHandler;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.ReadPosition;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.LookAhead;
import org.maho.datasync.source.SourceAdapter;

/**
 * An OpenMage, Magento 1 or Maho shop database: every entity type, read by pages of primary keys with one IN query per
 * table for a page's values and children ({@link ShopReader}). What an entity type's reading has of its own is an
 * {@link OpenMageReading}; the rest is the entity's tables.
 */
public final class OpenMageAdapter implements SourceAdapter {

    private static final OpenMageReading SALES_DOCUMENT = new SalesDocumentReading();

    /** The entity types whose reading differs from the plain one. */
    private static final Map<String, OpenMageReading> READINGS = Map.ofEntries(
            Map.entry("store", new StoreReading()),
            Map.entry("config", new ConfigReading()),
            Map.entry("attributeset", new AttributeSetReading()),
            Map.entry("category", new CategoryReading()),
            Map.entry("product", new ProductReading()),
            Map.entry("stock", new DatedReading("low_stock_date")),
            Map.entry("order", new OrderReading()),
            Map.entry("invoice", SALES_DOCUMENT),
            Map.entry("shipment", new ShipmentReading()),
            Map.entry("creditmemo", SALES_DOCUMENT),
            Map.entry("newsletter", new DatedReading("change_status_at")),
            Map.entry("cms_page", new DatedReading("update_time")),
            Map.entry("cms_block", new DatedReading("update_time")),
            // system rewrites are the destination's indexer's, made from its own catalog
            Map.entry("urlrewrite", new ConditionReading(job -> new Condition("is_system", Op.EQ, List.of(0)))),
            // OpenMage writes reviews of products only; review_entity's customer and category rows are never used
            Map.entry("review", new ConditionReading(job -> new Condition("entity_id", Op.IN, productReviewEntity(job)))));

    @Override
    public String name() {
        return "openmage";
    }

    @Override
    public List<String> aliases() {
        return List.of("magento1", "maho");
    }

    @Override
    public Input input() {
        return Input.DATABASE;
    }

    /** Every entity type: the destination is an OpenMage shop too, and so its tables are every type's. */
    @Override
    public boolean reads(String entityType) {
        return true;
    }

    @Override
    public Set<JobOption> options() {
        return Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS, JobOption.INCREMENT_IDS, JobOption.STOCK,
                JobOption.OPTIONS_MODE, JobOption.IMAGES);
    }

    /** Every reading pages by id: an interrupted full sync resumes after its last committed record. */
    @Override
    public boolean resumes() {
        return true;
    }

    /**
     * The rows of the entity's main table: counted when its statistics say it holds under a million (a count of more
     * takes seconds), else those statistics' figure. Rows of other types that share the table count too, so it is an
     * upper bound for those.
     */
    @Override
    public java.util.OptionalLong expectedRecords(SyncJob job) {
        if (!job.spec().entityIds().isEmpty()) {
            return java.util.OptionalLong.of(job.spec().entityIds().size());
        }
        long rows = job.source().rowCount(job.handler().shape().table());
        if (rows < 0) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(job.spec().limit() == null ? rows : Math.min(rows, job.spec().limit()));
    }

    /** The id review_entity gives products' reviews (none: no review is read). */
    private static List<Object> productReviewEntity(SyncJob job) {
        List<Object> ids = new java.util.ArrayList<>();
        try {
            job.source().select(null, TableQuery.from("review_entity").columns("entity_id").where("entity_code", Op.EQ, "product"),
                    row -> ids.add(row.get("entity_id")));
        } catch (java.sql.SQLException e) {
            throw org.maho.datasync.db.SqlErrors.wrap("Reading review_entity of the source", e);
        }
        return ids;
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        EntityHandler handler = job.handler();
        OpenMageReading reading = reading(handler);
        List<List<Condition>> passes = reading.passes(job);
        ReadPosition after = job.spec().resume() == null ? null : job.spec().resume().after();
        Retry retry = new Retry(job.settings().retryAttempts(), job.settings().retryDelayMillis());
        return new LookAhead<>() {
            private Iterator<Record> pass = java.util.Collections.emptyIterator();
            /** The reading pass in progress; a resumed run starts at the one it was interrupted in. */
            private int index = after == null ? -1 : after.pass() - 1;

            @Override
            protected Record advance() {
                while (true) {
                    if (pass.hasNext()) {
                        Record record = reading.whenRead(job, pass.next());
                        if (record != null) {
                            return record.readingPass(index);
                        }
                    } else if (index + 1 < passes.size()) {
                        index++;
                        long afterId = after != null && after.pass() == index ? after.id() : ShopReader.BEFORE_EVERY_ID;
                        pass = new ShopReader(job, handler.shape(), handler.childReferenceFields().keySet(), reading.dateColumn(),
                                passes.get(index), (shape, column, row, parent) -> reading.portableColumn(job, shape, column, row, parent),
                                retry, afterId);
                    } else {
                        return null;
                    }
                }
            }
        };
    }

    /** Attribute definitions are read per entity type; every other type by its name. */
    private static OpenMageReading reading(EntityHandler handler) {
        if (handler instanceof AttributeHandler attributes) {
            return new ConditionReading(job -> new Condition("entity_type_id", Op.EQ,
                    List.of(job.inputShop().requireEntityType(attributes.entityType()).id())));
        }
        return READINGS.getOrDefault(handler.type(), OpenMageReading.PLAIN);
    }
}
