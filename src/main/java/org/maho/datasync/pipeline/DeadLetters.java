package org.maho.datasync.pipeline;

import org.apache.camel.Exchange;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/** The dead-letter route's first step: the rejected record as the line that goes to the file. */
public final class DeadLetters {

    public DeadLetter letter(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        return DeadLetter.of(job, exchange.getMessage().getBody(Record.class));
    }
}
