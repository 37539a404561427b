package org.maho.datasync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.entity.ReferenceResolver;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * The enrich step: resolves the batch's references to other entities, sets aside the records that wait for
 * one written later in this run, and finds which records already exist on the destination, through the
 * registry and the natural key, with one query each for the whole batch.
 */
public final class Identities {

    public void resolve(Batch batch) {
        SyncJob job = batch.job();
        List<Record> pending = batch.pending();
        if (pending.isEmpty()) {
            return;
        }
        try (Connection connection = job.destination().connection()) {
            ReferenceResolver.resolve(job, connection, pending);
            List<Record> ready = batch.pending();
            if (!ready.isEmpty()) {
                job.handler().resolveIdentity(job, connection, ready);
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up " + job.handler().type() + " records on the destination", e);
        }
    }
}
