package org.maho.datasync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import org.apache.camel.Exchange;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.job.InvalidRecordException;
import org.maho.datasync.job.Passes;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapters;

/** Route steps around the record stream: start a job, read its source, stop reading once it failed, finish. */
public final class Jobs {

    /** Makes the job an exchange property, which the split hands to every batch. */
    public void start(Exchange exchange) {
        SyncJob job = exchange.getMessage().getBody(SyncJob.class);
        exchange.setProperty(SyncJob.PROPERTY, job);
        exchange.setProperty("datasyncDeadLetterDir", job.deadLetterFile().getParent().toAbsolutePath().toString());
        exchange.setProperty("datasyncDeadLetterFile", job.deadLetterFile().getFileName().toString());
    }

    /** The job's source as its adapter reads it (a shop database by pages, a CSV file by lines), in batches. */
    public Iterator<Batch> batches(SyncJob job) {
        Iterator<Record> records = job.spec().skipReading() ? Collections.emptyIterator() : SourceAdapters.installed().read(job);
        return new Batches(job, records, true);
    }

    /** Starts the next pass over records that waited, if any; the route loops while this is true. */
    public boolean nextPass(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        boolean more = !job.failed() && job.passes().next();
        if (job.passes().kind() == Passes.Kind.REPAIR) {
            // in the repair pass a reference still unresolved is missing, and reported as such
            job.references().clearLater();
            job.report().againPass();
        }
        return more;
    }

    /** The records of the pass that starts, in batches; the stream ends early once the job failed. */
    public Iterator<Batch> passBatches(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        return new Batches(job, job.passes().current().iterator(), false);
    }

    /** After the last batch: the handler's run-level work (a category tree's counts), unless the run failed. */
    public void finish(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        if (job == null) {
            return;
        }
        if (!job.failed() && !job.spec().dryRun()) {
            try (Connection connection = job.destination().connection()) {
                job.handler().finish(job, connection);
            } catch (SQLException e) {
                job.fail(SqlErrors.wrap("Finishing the " + job.handler().type() + " run", e));
            }
        }
        job.report().finish();
    }

    /** The shared error policy's last step: the job stops, with this exception as its reason. */
    public void fail(Exchange exchange) {
        SyncJob job = exchange.getProperty(SyncJob.PROPERTY, SyncJob.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (job == null || error == null) {
            return;
        }
        if (error instanceof InvalidRecordException invalid && invalid.record() != null) {
            job.report().count(invalid.record());
        }
        job.fail(error);
        job.report().finish();
    }
}
