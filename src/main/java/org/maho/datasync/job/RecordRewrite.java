package org.maho.datasync.job;

import java.util.Iterator;
import org.maho.datasync.model.Record;

/**
 * Changes records as they leave the reader, before anything else sees them: {@code --anonymize} replaces personal data
 * there, so that every step after it (natural keys, the registry's external_ref, the write, verify's comparison) sees
 * only the rewritten values. The registry still maps by the source's id, which no rewrite touches.
 */
public interface RecordRewrite {

    /** What it is, for the resumption key and messages: a run with another rewrite is another command. */
    String describe();

    /** Rewrites the record, its store-view values and its children in place. */
    void rewrite(Record record);

    /**
     * The natural key an entity's record has once rewritten, from the key the source computed (a tracked deletion's
     * email|website): what the destination is searched by.
     */
    String naturalKey(EntityHandler handler, String sourceKey);

    /** The records as they leave the reader, each rewritten. */
    default Iterator<Record> over(Iterator<Record> records) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Record next() {
                Record record = records.next();
                rewrite(record);
                return record;
            }
        };
    }
}
