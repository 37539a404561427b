package org.maho.datasync.source.openmage;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Retry;
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
            Map.entry("cms_block", new DatedReading("update_time")));

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

    @Override
    public Iterator<Record> read(SyncJob job) {
        EntityHandler handler = job.handler();
        OpenMageReading reading = reading(handler);
        List<String> passes = reading.passes(job);
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
            return new ConditionReading(job -> "entity_type_id = " + job.inputShop().requireEntityType(attributes.entityType()).id());
        }
        return READINGS.getOrDefault(handler.type(), OpenMageReading.PLAIN);
    }
}
