package org.maho.datasync.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity with everything that belongs to it, as it travels through the pipeline.
 *
 * <p>Values are <em>portable</em>: a reference to a shop-local id holds the code instead (website_id holds
 * the website code, group_id the group code, a select attribute the option's admin label), so the middle of
 * the pipeline never sees a source shop's ids. Readers produce portable values; the destination mapping
 * turns them into destination ids.
 */
public final class Record {

    private final String entityType;
    private final String sourceId;
    private final String origin;
    private final Map<String, Object> fields;
    private final Map<String, Map<String, Object>> storeFields = new LinkedHashMap<>();
    private final Map<String, List<Record>> children = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private boolean complete;
    private boolean deferred;
    private int readingPass;
    private final java.util.Set<String> completeChildren = new java.util.HashSet<>();
    private Object mapped;
    private Long targetId;
    private Outcome outcome;
    private String outcomeReason;

    public Record(String entityType, String sourceId, String origin) {
        this(entityType, sourceId, origin, 16);
    }

    /** @param expectedFields how many fields the record will hold: a wide row's map is sized once, not regrown */
    public Record(String entityType, String sourceId, String origin, int expectedFields) {
        this.entityType = entityType;
        this.sourceId = sourceId;
        this.origin = origin;
        this.fields = new LinkedHashMap<>(capacityFor(expectedFields));
    }

    /** A hash map capacity that holds n entries without growing. */
    public static int capacityFor(int n) {
        return Math.max(16, (int) (n / 0.75f) + 1);
    }

    public String entityType() {
        return entityType;
    }

    /** The source's id, or null when the input has none (a CSV file without entity_id). */
    public String sourceId() {
        return sourceId;
    }

    /** Where the record came from, for messages: "customers.csv line 7", "customer_entity entity_id=12". */
    public String origin() {
        return origin;
    }

    /** Static columns and default-scope attribute values by code. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** Store-view overrides: store code to values by attribute code. */
    public Map<String, Map<String, Object>> storeFields() {
        return storeFields;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    public Record put(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public List<Record> children(String name) {
        return children.getOrDefault(name, List.of());
    }

    public Map<String, List<Record>> allChildren() {
        return children;
    }

    public void addChild(String name, Record child) {
        children.computeIfAbsent(name, k -> new ArrayList<>()).add(child);
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public void reject(String field, String reason) {
        problems.add(new Problem(field, reason));
    }

    /**
     * True when the record carries every value the source has (a database source), so a value it lacks is
     * empty at the source; false for input that names only some fields (a CSV file).
     */
    public boolean complete() {
        return complete;
    }

    public Record complete(boolean value) {
        complete = value;
        return this;
    }

    /**
     * The child lists that hold every child the source has (a database source's, or a file column that lists
     * them all), so that destination children missing from them may be removed.
     */
    public java.util.Set<String> completeChildren() {
        return completeChildren;
    }

    /** Which of its adapter's reading passes read it (0 for the first), for the position a resumed run starts at. */
    public int readingPass() {
        return readingPass;
    }

    public Record readingPass(int value) {
        readingPass = value;
        return this;
    }

    /** Waits for an entity it refers to that this run has not written yet; goes through again after the rest. */
    public void defer() {
        deferred = true;
    }

    public boolean deferred() {
        return deferred;
    }

    /** Forgets what the pipeline found out, for a record that goes through it again (a deferred record). */
    public void reset() {
        deferred = false;
        mapped = null;
        targetId = null;
        outcome = null;
        outcomeReason = null;
        problems.clear();
        children.values().forEach(list -> list.forEach(Record::reset));
    }

    /** The record in destination terms, once mapped; kept so that mapping runs once per record. */
    public <T> T mapped(Class<T> type) {
        return type.isInstance(mapped) ? type.cast(mapped) : null;
    }

    public void mapped(Object value) {
        mapped = value;
    }

    /** The destination id once identity is resolved or the record written; null for a record still to create. */
    public Long targetId() {
        return targetId;
    }

    public void targetId(Long targetId) {
        this.targetId = targetId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String outcomeReason() {
        return outcomeReason;
    }

    public void outcome(Outcome outcome, String reason) {
        this.outcome = outcome;
        this.outcomeReason = reason;
    }

    @Override
    public String toString() {
        return entityType + " " + origin;
    }

    /** Why a record cannot be written: the field (or null for the record as a whole) and the reason. */
    public record Problem(String field, String reason) {
        @Override
        public String toString() {
            return field == null ? reason : field + ": " + reason;
        }
    }
}
