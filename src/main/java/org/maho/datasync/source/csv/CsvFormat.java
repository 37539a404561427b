package org.maho.datasync.source.csv;

import java.util.List;
import java.util.Set;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * How one entity type's CSV files read: a line (or the lines of one record) to a record, and the columns filters select
 * by. Another adapter's files (a Shopify export) read through the same reader with a format of their own.
 */
public interface CsvFormat {

    /**
     * Whether a line continues the record the lines before it began (an export that writes a product's variants or an
     * order's items on lines of their own); by default every line is a record.
     */
    default boolean continues(CsvRow first, CsvRow line) {
        return false;
    }

    /**
     * Maps the lines of one record (its first line and the lines that {@link #continues} it) to the records they hold,
     * in the order they are written: a configurable's children before it; none where they hold no record of the type.
     * Problems are recorded on the records, never thrown.
     */
    List<Record> toRecords(List<CsvRow> lines, SyncJob job);

    /** Refuses a file whose header is not this format's (a product export given as orders), naming what it lacks. */
    default void checkHeader(String file, Set<String> columns) {
    }

    /** The columns a --date-from/--date-to filter compares, the first present wins. */
    default List<String> dateColumns() {
        return List.of("updated_at", "created_at");
    }

    /** The column holding the source id, which --entity-ids selects by. */
    default String idColumn() {
        return "entity_id";
    }

    /** A format of a record a line and the default columns. */
    static CsvFormat of(java.util.function.BiFunction<CsvRow, SyncJob, Record> toRecord) {
        return (lines, job) -> List.of(toRecord.apply(lines.get(0), job));
    }

    /** A format whose filters select by other columns. */
    static CsvFormat of(java.util.function.BiFunction<CsvRow, SyncJob, Record> toRecord, List<String> dateColumns, String idColumn) {
        return new CsvFormat() {
            @Override
            public List<Record> toRecords(List<CsvRow> lines, SyncJob job) {
                return List.of(toRecord.apply(lines.get(0), job));
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
