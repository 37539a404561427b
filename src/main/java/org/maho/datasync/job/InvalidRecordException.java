package org.maho.datasync.job;
import org.maho.datasync.model.Record;


/** The first invalid record of a run without --skip-invalid: it stops the run before its batch is written. */
public class InvalidRecordException extends RuntimeException {

    private final transient Record record;

    public InvalidRecordException(Record record) {
        super(describe(record));
        this.record = record;
    }

    public Record record() {
        return record;
    }

    public static String describe(Record record) {
        StringBuilder text = new StringBuilder();
        text.append(record.entityType()).append(" at ").append(record.origin()).append(" is invalid: ");
        for (int i = 0; i < record.problems().size(); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(record.problems().get(i));
        }
        return text.toString();
    }
}
