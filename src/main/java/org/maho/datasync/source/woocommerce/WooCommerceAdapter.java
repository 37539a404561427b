package org.maho.datasync.source.woocommerce;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapter;

/**
 * A WooCommerce shop's WordPress database ({@code --db-prefix}, default {@code wp_}). WordPress keeps no OpenMage
 * tables, so each entity type is read from WooCommerce's own (posts and their meta, terms, users, order items) into
 * portable records that name the destination's stores, groups, attribute sets and tax classes by code, as a file's
 * records do. Its product CSV ({@code -f}, WooCommerce's exporter's format) gives the categories, attributes and products
 * it holds, read as the database's are.
 */
public final class WooCommerceAdapter implements SourceAdapter {

    /** The entity types it reads, in the order the pipeline writes them, each by its reader. */
    private static final Map<String, BiFunction<SyncJob, WordPress, Iterator<Record>>> READERS = Map.of(
            "taxclass", WooTaxClasses::read,
            "category", WooCategories::read,
            "productattribute", WooAttributes::read,
            "product", WooProducts::read,
            "customer", WooCustomers::read,
            "salesrule", WooCoupons::read,
            "order", WooOrders::read,
            "creditmemo", WooRefunds::read);

    /** The entity types its product CSV ({@code -f}) holds, each by its reader. */
    private static final Map<String, java.util.function.Function<SyncJob, Iterator<Record>>> CSV_READERS = Map.of(
            "category", job -> WooProductCsv.of(job).categoryRecords().iterator(),
            "productattribute", job -> WooProductCsv.of(job).attributeRecords().iterator(),
            "product", WooProductCsv::products);

    @Override
    public String name() {
        return "woocommerce";
    }

    @Override
    public List<String> aliases() {
        return List.of("wordpress");
    }

    @Override
    public Input input() {
        return Input.DATABASE;
    }

    @Override
    public Set<Input> inputs() {
        return Set.of(Input.DATABASE, Input.FILE);
    }

    @Override
    public boolean readsOpenMageSchema() {
        return false;
    }

    @Override
    public boolean reads(String entityType) {
        return READERS.containsKey(entityType);
    }

    @Override
    public Set<JobOption> options() {
        return Set.of(JobOption.IMAGES);
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        String type = job.handler().type();
        if (job.spec().file() != null) {
            if (!CSV_READERS.containsKey(type)) {
                throw new org.maho.datasync.source.InputFileException(job.spec().file().getFileName() + ": a WooCommerce product CSV"
                        + " holds categories, attributes and products; " + type + " is read from the shop's database (--db-name)");
            }
            return CSV_READERS.get(type).apply(job);
        }
        return READERS.get(type).apply(job, new WordPress(job.sourceDatabase()));
    }
}
