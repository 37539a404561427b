package org.maho.datasync.source.csv;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapter;

/**
 * CSV files in the original tool's formats, one entity type a file, streamed line by line. A file has no shop of its
 * own: numeric website, store and group ids in it are the destination's, codes are codes.
 */
public final class CsvAdapter implements SourceAdapter {

    private static final Map<String, CsvFormat> FORMATS = Map.of(
            "category", CsvFormat.of(CategoryCsv::toRecord),
            "product", CsvFormat.of(ProductCsv::toRecord),
            "customer", CsvFormat.of(CustomerCsv::toRecord),
            "order", CsvFormat.of(OrderCsv::toRecord, List.of("created_at"), "entity_id"),
            "newsletter", CsvFormat.of(NewsletterCsv::toRecord, List.of("change_status_at"), "subscriber_id"));

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Input input() {
        return Input.FILE;
    }

    @Override
    public boolean reads(String entityType) {
        return FORMATS.containsKey(entityType);
    }

    @Override
    public Set<JobOption> options() {
        return Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS, JobOption.INCREMENT_IDS, JobOption.STOCK,
                JobOption.OPTIONS_MODE, JobOption.IMAGES, JobOption.AUTO_LINK_CONFIGURABLES);
    }

    @Override
    public Iterator<Record> read(SyncJob job) {
        return CsvReader.read(job, FORMATS.get(job.handler().type()));
    }
}
