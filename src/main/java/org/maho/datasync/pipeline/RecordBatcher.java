package org.maho.datasync.pipeline;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/** The aggregation step: gathers the split's records into a {@link Batch} per job. */
public final class RecordBatcher implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange batchExchange, Exchange recordExchange) {
        Record record = recordExchange.getMessage().getBody(Record.class);
        if (batchExchange == null) {
            Batch batch = new Batch(recordExchange.getProperty(SyncJob.PROPERTY, SyncJob.class));
            batch.add(record);
            recordExchange.getMessage().setBody(batch);
            return recordExchange;
        }
        batchExchange.getMessage().getBody(Batch.class).add(record);
        return batchExchange;
    }
}
