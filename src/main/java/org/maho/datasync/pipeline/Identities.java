package org.maho.datasync.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.maho.datasync.db.SqlErrors;

/**
 * The enrich step: finds which records of a batch already exist on the destination, through the registry
 * and the natural key, with one query each for the whole batch.
 */
public final class Identities {

    public void resolve(Batch batch) {
        SyncJob job = batch.job();
        List<Record> pending = batch.pending();
        if (pending.isEmpty()) {
            return;
        }
        try (Connection connection = job.destination().connection()) {
            job.handler().resolveIdentity(job, connection, pending);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Looking up " + job.handler().type() + " records on the destination", e);
        }
    }
}
