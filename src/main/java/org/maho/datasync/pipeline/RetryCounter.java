package org.maho.datasync.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.maho.datasync.job.SyncJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs before each redelivery of a batch: the retry is counted in the report and said on the console. */
public final class RetryCounter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("datasync.retry");

    @Override
    public void process(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (job != null) {
            job.report().countRetry();
        }
        LOG.warn("Retrying a batch of {} (attempt {}) after: {}", job == null ? "records" : job.handler().type() + " records",
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER), error == null ? "?" : error.getMessage());
    }
}
