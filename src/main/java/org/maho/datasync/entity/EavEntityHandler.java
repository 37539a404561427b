package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Retry;
import org.maho.datasync.db.Sql;
import org.maho.datasync.eav.DestinationForm;
import org.maho.datasync.eav.EavShape;
import org.maho.datasync.eav.RecordMapper;
import org.maho.datasync.pipeline.Record;
import org.maho.datasync.pipeline.SyncJob;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.sink.PlannedWrite;
import org.maho.datasync.source.EavSourceReader;

/**
 * The one mechanism behind every EAV entity (customers, addresses, categories, products): paged reading,
 * identity by registry then natural key, mapping by code, and a diff against the destination's current
 * state that writes only what changed. An entity supplies its shape and its rules through the hooks below.
 */
public abstract class EavEntityHandler implements EntityHandler {

    /** A child entity stored with its parent (a customer's addresses), and its registry entity type. */
    public record ChildSpec(String name, EavShape shape, String registryType) {}

    private static final Retry READ_RETRY = new Retry(5, 500);

    /** The entity's own table and entity type. */
    protected abstract EavShape shape();

    /** Child entities read, matched and written with each record. */
    protected List<ChildSpec> children() {
        return List.of();
    }

    /** Attributes whose value is the id of one of the record's children (default_billing). */
    protected Set<String> childReferenceFields() {
        return Set.of();
    }

    /** The entity-table column that --date-from/--date-to compare. */
    protected String dateColumn() {
        return "updated_at";
    }

    /** The natural key of a record, which also goes to the registry's external_ref; null when it has none. */
    public abstract String naturalKey(Record record);

    /** Destination ids of existing entities, by the natural key of the given records; one query per batch. */
    protected abstract Map<String, Long> findByNaturalKey(SyncJob job, Connection destination, List<Record> records)
            throws SQLException;

    /** The entity's own rules: required fields, formats. */
    protected abstract void validateRecord(SyncJob job, Record record);

    /** A child's own rules. */
    protected void validateChild(SyncJob job, ChildSpec child, Record record) {}

    /**
     * What makes two children the same when neither id nor registry can tell (addresses from a CSV file):
     * built from default-scope values by attribute code, in destination terms.
     */
    protected String childFingerprint(ChildSpec child, Map<String, String> valuesByCode) {
        return null;
    }

    /** Columns a new row needs that the input may lack (timestamps). */
    protected void newRowDefaults(EavShape shape, Map<String, Object> columns) {}

    @Override
    public Iterator<Record> readDatabase(SyncJob job) {
        List<EavSourceReader.Child> readChildren = new ArrayList<>();
        for (ChildSpec child : children()) {
            readChildren.add(new EavSourceReader.Child(child.name(), child.shape()));
        }
        return new EavSourceReader(job, shape(), readChildren, childReferenceFields(), dateColumn(), READ_RETRY);
    }

    @Override
    public void resolveIdentity(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        Registry registry = job.registry();
        List<String> sourceIds = new ArrayList<>();
        for (Record record : records) {
            sourceIds.add(record.sourceId());
        }
        Map<String, Long> registered = registry.resolve(destination, type(), sourceIds);
        Set<Long> alive = existingIds(job, destination, registered.values());
        Map<String, Long> byKey = findByNaturalKey(job, destination, records);
        Map<String, Record> seen = new HashMap<>();
        for (Record record : records) {
            String key = naturalKey(record);
            if (key != null) {
                Record first = seen.putIfAbsent(key, record);
                if (first != null) {
                    record.reject(null, "the same " + type() + " (" + key + ") is also at " + first.origin()
                            + " in this batch");
                    continue;
                }
            }
            Long viaRegistry = registered.get(record.sourceId());
            if (viaRegistry != null && !alive.contains(viaRegistry)) {
                // the destination row was deleted: forget the mapping and match or create anew
                registry.evict(type(), record.sourceId());
                viaRegistry = null;
            }
            Long viaKey = key == null ? null : byKey.get(key);
            if (viaRegistry != null && viaKey != null && !viaRegistry.equals(viaKey)) {
                record.reject(null, "synced before to destination " + type() + " " + viaRegistry + ", but " + key
                        + " now belongs to destination " + type() + " " + viaKey);
                continue;
            }
            record.targetId(viaRegistry != null ? viaRegistry : viaKey);
        }
    }

    private Set<Long> existingIds(SyncJob job, Connection destination, java.util.Collection<Long> ids) throws SQLException {
        Set<Long> alive = new HashSet<>();
        if (ids.isEmpty()) {
            return alive;
        }
        Sql.queryIn(destination, "SELECT " + EavShape.ID + " FROM " + job.destination().table(shape().table())
                + " WHERE " + EavShape.ID + " IN ", "", List.of(), new HashSet<>(ids), row -> alive.add(row.getLong(1)));
        return alive;
    }

    @Override
    public final void validate(SyncJob job, Record record) {
        validateRecord(job, record);
        record.mapped(RecordMapper.map(job.mapper(), job.destination(), shape(), record, childReferenceFields()));
        for (ChildSpec child : children()) {
            List<Record> list = record.children(child.name());
            for (int i = 0; i < list.size(); i++) {
                Record childRecord = list.get(i);
                validateChild(job, child, childRecord);
                DestinationForm form = RecordMapper.map(job.mapper(), job.destination(), child.shape(), childRecord, Set.of());
                childRecord.mapped(form);
                for (Record.Problem problem : childRecord.problems()) {
                    record.reject(child.name() + "[" + (i + 1) + "]" + (problem.field() == null ? "" : "." + problem.field()),
                            problem.reason());
                }
            }
        }
    }

    @Override
    public PlannedWrite plan(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        return new EavPlanner(job, this).plan(destination, records);
    }

    List<ChildSpec> childSpecs() {
        return children();
    }

    Set<String> referenceFields() {
        return childReferenceFields();
    }

    EavShape entityShape() {
        return shape();
    }

    String fingerprint(ChildSpec child, Map<String, String> valuesByCode) {
        return childFingerprint(child, valuesByCode);
    }

    void defaults(EavShape shape, Map<String, Object> columns) {
        newRowDefaults(shape, columns);
    }
}
