package org.maho.datasync.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/** The dead-letter route's first step: the rejected record as the line that goes to the file. */
public final class DeadLetters {

    /**
     * A run that could not record what it rejects would lose those records: it stops before it writes anything.
     *
     * @throws IllegalStateException naming the directory and why it cannot be written
     */
    public static void requireWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".writable", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("Cannot write dead letters to " + directory + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); nothing was written, since the records this run rejects would be lost."
                    + " Make it writable or set datasync.dead-letter.dir");
        }
    }

    public DeadLetter letter(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        return DeadLetter.of(job, exchange.getMessage().getBody(Record.class));
    }
}
