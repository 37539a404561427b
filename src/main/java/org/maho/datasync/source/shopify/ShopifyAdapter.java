package org.maho.datasync.source.shopify;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.csv.CsvReader;

/**
 * Shopify's CSV exports ({@code -f}), or the same from the shop's Admin API ({@code --url}, bulk queries): the product export gives the attributes its options need and the products, the
 * customers export the customers and the newsletter's subscribers, the orders export the orders and their refunds. They read through the
 * CSV adapter's reader, with the file's lines of one product or order joined into one record. A Shopify shop has one
 * store, so its records go to the destination's default website and store, as a WooCommerce shop's do.
 */
public final class ShopifyAdapter implements SourceAdapter {

    /** The entity types it reads, each from the export that holds it. */
    private static final Map<String, Function<SyncJob, Iterator<Record>>> READERS = Map.of(
            "productattribute", ShopifyAdapter::attributes,
            "product", job -> read(job, new ShopifyProducts(job)),
            "customer", job -> read(job, new ShopifyCustomers(job, false)),
            "newsletter", job -> read(job, new ShopifyCustomers(job, true)),
            "order", job -> read(job, new ShopifyOrders(job, false)),
            "creditmemo", job -> read(job, new ShopifyOrders(job, true)));

    @Override
    public String name() {
        return "shopify";
    }

    @Override
    public Input input() {
        return Input.FILE;
    }

    @Override
    public Set<Input> inputs() {
        return Set.of(Input.FILE, Input.API);
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
        return READERS.get(job.handler().type()).apply(job);
    }

    /** An export's records from its file (-f), or from the shop's Admin API (--url). */
    private static Iterator<Record> read(SyncJob job, ShopifyFormat format) {
        return job.spec().api() != null ? BulkReader.read(job, format) : CsvReader.read(job, format);
    }

    /** The product export's options and vendors as select attributes, its other fields as text attributes: the whole file first. */
    private static Iterator<Record> attributes(SyncJob job) {
        ShopifyProducts products = new ShopifyProducts(job);
        read(job, products).forEachRemaining(product -> { });
        return products.attributes().iterator();
    }
}
