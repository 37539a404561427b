package org.maho.datasync.source.csv;

import java.util.List;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/** How one entity type's CSV files read: a line to a record, and the columns filters select by. */
interface CsvFormat {

    /** Maps one line to a record; problems are recorded on the record, never thrown. */
    Record toRecord(CsvRow row, SyncJob job);

    /** The columns a --date-from/--date-to filter compares, the first present wins. */
    default List<String> dateColumns() {
        return List.of("updated_at", "created_at");
    }

    /** The column holding the source id, which --entity-ids selects by. */
    default String idColumn() {
        return "entity_id";
    }

    /** A format of the default columns. */
    static CsvFormat of(java.util.function.BiFunction<CsvRow, SyncJob, Record> toRecord) {
        return toRecord::apply;
    }

    /** A format whose filters select by other columns. */
    static CsvFormat of(java.util.function.BiFunction<CsvRow, SyncJob, Record> toRecord, List<String> dateColumns, String idColumn) {
        return new CsvFormat() {
            @Override
            public Record toRecord(CsvRow row, SyncJob job) {
                return toRecord.apply(row, job);
            }

            @Override
            public List<String> dateColumns() {
                return dateColumns;
            }

            @Override
            public String idColumn() {
                return idColumn;
            }
        };
    }
}
