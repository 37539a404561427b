package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.maho.datasync.pipeline.JobOption;
import org.maho.datasync.pipeline.JobSpec;
import org.maho.datasync.pipeline.Record;
import org.maho.datasync.pipeline.SyncJob;
import org.maho.datasync.sink.PlannedWrite;
import org.maho.datasync.source.CsvRow;

/**
 * Everything the pipeline needs to know about one entity type. Implementations are found through
 * {@link java.util.ServiceLoader}; the pipeline has no branch for any of them.
 *
 * <p>Stages call the handler in this order for each batch: {@link #resolveIdentity}, {@link #validate} per
 * record, {@link #plan}. A handler knows records and the mapping API; the sink runs the plan.
 */
public interface EntityHandler {

    /** The entity type name used on the command line and in the registry: "customer". */
    String type();

    /** Other names accepted on the command line. */
    default List<String> aliases() {
        return List.of();
    }

    /** The adapters that can read this entity. */
    Set<JobSpec.Adapter> adapters();

    /** The optional CLI options that apply to this entity. */
    Set<JobOption> options();

    /** Reads the source shop page by page; the iterator holds at most one page in memory. */
    Iterator<Record> readDatabase(SyncJob job);

    /** Maps one CSV row to a record; problems are recorded on the record, never thrown. */
    Record fromCsv(CsvRow row, SyncJob job);

    /** The CSV columns a --date-from/--date-to filter compares, first present wins. */
    default List<String> csvDateColumns() {
        return List.of("updated_at", "created_at");
    }

    /** The CSV column holding the source id, which --entity-ids selects by. */
    default String csvIdColumn() {
        return "entity_id";
    }

    /** Sets the destination id of every record that already exists there; may reject records (conflicts). */
    void resolveIdentity(SyncJob job, Connection destination, List<Record> records) throws SQLException;

    /** Records every reason the record cannot be written. */
    void validate(SyncJob job, Record record);

    /**
     * Plans the batch's writes against the destination's current state, and each record's outcome. Runs inside
     * the write transaction; for a dry run the plan is computed and discarded.
     */
    PlannedWrite plan(SyncJob job, Connection destination, List<Record> records) throws SQLException;
}
