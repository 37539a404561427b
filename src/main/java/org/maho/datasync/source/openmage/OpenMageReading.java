package org.maho.datasync.source.openmage;

import java.util.List;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/**
 * What reading one entity type from an OpenMage database takes beyond its tables: which rows, the date a date filter
 * compares, the columns it reads its own way, what it makes of a whole record. Each hook has the plain reading as its
 * default; an entity type needs a reading only for what differs.
 */
interface OpenMageReading {

    /** The plain reading: every row, changed at updated_at, every column by its kind. */
    OpenMageReading PLAIN = new OpenMageReading() {};

    /**
     * The conditions on the main table the rows are read in, one pass each, in order (products: simple ones first, so
     * that a composite product finds its children written); an empty list of conditions reads every row.
     */
    default List<List<Condition>> passes(SyncJob job) {
        return List.of(List.of());
    }

    /** The main table's column that --date-from/--date-to compare. */
    default String dateColumn() {
        return "updated_at";
    }

    /**
     * The portable value of a column read its own way (a category's parent from its path), or null to read it by the
     * column's kind.
     */
    default Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        return null;
    }

    /**
     * The record as it leaves the reader (an old shop's leftovers taken out, a reference the shop no longer resolves
     * emptied); null leaves it out. The sync and {@code verify} read alike.
     */
    default Record whenRead(SyncJob job, Record record) {
        return record;
    }
}
