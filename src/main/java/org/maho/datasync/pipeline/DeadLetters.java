package org.maho.datasync.pipeline;

import org.apache.camel.Exchange;

/** The dead-letter route's first step: the rejected record as the line that goes to the file. */
public final class DeadLetters {

    public DeadLetter letter(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        return DeadLetter.of(job, exchange.getMessage().getBody(Record.class));
    }
}
