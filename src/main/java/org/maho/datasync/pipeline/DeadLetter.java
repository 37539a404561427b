package org.maho.datasync.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * One line of a run's dead-letter file: which source and record, each field and reason, and the record's
 * values as read, so that it can be fixed and fed again.
 */
public record DeadLetter(String run, String entityType, String source, String record, String sourceId,
                         List<Record.Problem> problems, Map<String, Object> values,
                         Map<String, Map<String, Object>> storeValues, Map<String, List<Map<String, Object>>> children) {

    public static DeadLetter of(SyncJob job, Record record) {
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        record.allChildren().forEach((name, list) -> children.put(name, list.stream().map(Record::fields).toList()));
        return new DeadLetter(job.id(), record.entityType(), job.spec().sourceName(), record.origin(), record.sourceId(),
                List.copyOf(record.problems()), record.fields(), record.storeFields(), children);
    }
}
