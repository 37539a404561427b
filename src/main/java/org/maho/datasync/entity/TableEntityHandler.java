package org.maho.datasync.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.RecordMapper;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.sink.PlannedWrite;
import org.maho.datasync.sink.RowRef;

/**
 * The one mechanism behind every entity stored in shop tables (customers, categories, products, attributes,
 * sales documents): paged reading of its {@link TableShape}, identity by registry then natural key, mapping
 * by code, and a diff against the destination's current state that writes only what changed. An entity
 * supplies its shape and its rules through the hooks below.
 */
public abstract class TableEntityHandler implements EntityHandler {

    private final String type;
    private final TableShape shape;
    private final Set<JobOption> options;
    private final List<String> aliases;

    /**
     * @param type     the name on the command line and in the registry
     * @param shape    the entity's tables
     * @param options  the optional CLI options that apply to it
     * @param aliases  other names accepted on the command line
     */
    protected TableEntityHandler(String type, TableShape shape, Set<JobOption> options, String... aliases) {
        this.type = type;
        this.shape = shape;
        this.options = Set.copyOf(options);
        this.aliases = List.of(aliases);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final List<String> aliases() {
        return aliases;
    }

    @Override
    public final Set<JobOption> options() {
        return options;
    }

    @Override
    public final TableShape shape() {
        return shape;
    }

    @Override
    public Map<String, String> childReferenceFields() {
        return Map.of();
    }

    /** The natural key of a record, which also goes to the registry's external_ref; null when it has none. */
    @Override
    public abstract String naturalKey(SyncJob job, Record record);

    @Override
    public abstract Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys)
            throws SQLException;

    /** The entity's own rules: required fields, formats. */
    protected abstract void validateRecord(SyncJob job, Record record);

    /** A child's own rules. */
    protected void validateChild(SyncJob job, TableShape child, Record record) {}

    /**
     * What finds a child among its siblings on the destination, when the registry cannot: by default its key
     * columns; a handler may build it from content (addresses) or from a grandchild (an option's admin label).
     * Null means the child cannot be matched and is always new.
     */
    protected String childKey(TableShape child, RowView row) {
        if (child.keyColumns().isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (String column : child.keyColumns()) {
            key.append(row.get(column)).append('\u0000');
        }
        return key.toString();
    }

    /** Columns a new row needs that the input may lack (timestamps, a category's path). */
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {}

    /**
     * Columns of a new row that need its own id (a category's path ends with it): set by an update once the row is
     * inserted. Values may be {@link org.maho.datasync.sink.Deferred}.
     */
    protected Map<String, Object> afterInsert(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref) {
        return Map.of();
    }

    /** Whether existing rows of a child table may be changed (products' custom options in append mode may not). */
    protected boolean mayUpdateRows(SyncJob job, TableShape shape) {
        return true;
    }

    /** The deletion policy of a child table for this job (products' custom options follow --options-mode). */
    protected TableShape.Deletion deletionPolicy(SyncJob job, TableShape child) {
        return child.deletion();
    }

    /** Whether an update writes every column of a changed row (one statement for a batch) or only the changed ones. */
    protected boolean writesWholeRows(TableShape shape) {
        return false;
    }

    /** Whether a column of an existing destination row may change (an attribute's storage never does). */
    protected boolean mayUpdateColumn(SyncJob job, TableShape shape, String column) {
        return true;
    }

    /** Runs before a batch is planned, in its transaction: load what the plan needs for every record at once. */
    protected void beforePlan(SyncJob job, Connection destination, List<Record> records) throws SQLException {}

    @Override
    public void resolveIdentity(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        Registry registry = job.registry();
        List<String> sourceIds = new ArrayList<>();
        List<String> recordKeys = new ArrayList<>(records.size());
        Set<String> keys = new LinkedHashSet<>();
        for (Record record : records) {
            sourceIds.add(record.sourceId());
            String key = naturalKey(job, record);
            recordKeys.add(key);
            if (key != null) {
                keys.add(key);
            }
        }
        Map<String, Long> registered = registry.resolve(destination, type(), sourceIds);
        Map<String, Long> byKey = findByNaturalKeys(job, destination, keys);
        Set<Long> alive = existingIds(job, destination, notFoundByKey(sourceIds, recordKeys, registered, byKey));
        Map<String, Record> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            String key = recordKeys.get(i);
            if (key != null) {
                Record first = seen.putIfAbsent(key, record);
                if (first != null) {
                    record.reject(null, "the same " + type() + " (" + key + ") is also at " + first.origin() + " in this batch");
                    continue;
                }
            }
            Long viaRegistry = registered.get(record.sourceId());
            Long viaKey = key == null ? null : byKey.get(key);
            if (viaRegistry != null && !viaRegistry.equals(viaKey) && !alive.contains(viaRegistry)) {
                // the destination row was deleted: forget the mapping and match or create anew
                registry.evict(type(), record.sourceId());
                viaRegistry = null;
            }
            if (viaRegistry != null && viaKey != null && !viaRegistry.equals(viaKey)) {
                record.reject(null, "synced before to destination " + type() + " " + viaRegistry + ", but " + key
                        + " now belongs to destination " + type() + " " + viaKey);
                continue;
            }
            record.targetId(viaRegistry != null ? viaRegistry : viaKey);
        }
    }

    /**
     * The registered rows whose existence is still in question: one the natural-key query found under the same id is
     * there, so where the keys found every row (an unchanged re-run) the destination is not asked a second time.
     */
    private static Collection<Long> notFoundByKey(List<String> sourceIds, List<String> recordKeys, Map<String, Long> registered,
                                                  Map<String, Long> byKey) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < sourceIds.size(); i++) {
            Long id = registered.get(sourceIds.get(i));
            String key = recordKeys.get(i);
            if (id != null && (key == null || !id.equals(byKey.get(key)))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The tracking of this entity's whole shape: its tables and child tables, but for {@code untracked} child lists.
     *
     * @param keySql SQL on the main row ({@code ROW.}) that gives its natural key, as {@link #naturalKey} does
     */
    protected final TrackedEntity tracking(String keySql, String... untracked) {
        return TrackedEntity.of(type(), shape(), keySql, Set.of(untracked));
    }

    @Override
    public Set<Long> existingIds(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        Set<Long> alive = new HashSet<>();
        if (ids.isEmpty()) {
            return alive;
        }
        TableShape shape = shape();
        Sql.queryIn(destination, "SELECT " + shape.idColumn() + " FROM " + job.destination().table(shape.table())
                + " WHERE " + shape.idColumn() + " IN ", "", List.of(), new HashSet<>(ids), row -> alive.add(row.getLong(1)));
        return alive;
    }

    /**
     * Removes the rows and the registry entries of the entities and of their registered children (a customer's
     * addresses, an order's items); the shop's foreign keys remove the rest of what belongs to them.
     */
    @Override
    public void deleteTargets(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        TableShape shape = shape();
        for (TableShape child : shape.children()) {
            if (child.registryType() != null && child.idColumn() != null) {
                List<Long> childIds = new ArrayList<>();
                Sql.queryIn(destination, "SELECT " + child.idColumn() + " FROM " + job.destination().table(child.table()) + " WHERE "
                        + child.parentColumn() + " IN ", "", List.of(), ids, row -> childIds.add(row.getLong(1)));
                job.registry().forgetTargets(destination, child.registryType(), childIds);
            }
        }
        job.registry().forgetTargets(destination, type(), ids);
        for (List<Long> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            Sql.update(destination, "DELETE FROM " + job.destination().table(shape.table()) + " WHERE " + shape.idColumn()
                    + " IN (" + Sql.placeholders(chunk.size()) + ")", chunk);
        }
    }

    /** Sets an int attribute of EAV entities at the default scope (a product's status), as retiring one does. */
    protected static void setIntValue(SyncJob job, Connection destination, String entityType, String code, int value,
                                      Collection<Long> ids) throws SQLException {
        org.maho.datasync.mapping.ShopMetadata shop = ShopMetadata.of(job.destination());
        org.maho.datasync.mapping.ShopMetadata.Attribute attribute = shop.attribute(entityType, code).orElse(null);
        if (attribute == null) {
            return;
        }
        String table = job.destination().table(entityTable(entityType) + "_int");
        boolean scoped = job.destination().columns(table).containsKey("store_id");
        try (java.sql.PreparedStatement statement = destination.prepareStatement("INSERT INTO " + table
                + " (entity_type_id, attribute_id, " + (scoped ? "store_id, " : "") + "entity_id, value) VALUES (?, ?, "
                + (scoped ? "0, " : "") + "?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)")) {
            for (Long id : ids) {
                statement.setInt(1, shop.requireEntityType(entityType).id());
                statement.setInt(2, attribute.id());
                statement.setLong(3, id);
                statement.setInt(4, value);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String entityTable(String entityType) {
        return switch (entityType) {
            case "catalog_product" -> "catalog_product_entity";
            case "catalog_category" -> "catalog_category_entity";
            case "customer" -> "customer_entity";
            default -> throw new IllegalArgumentException("no entity table for " + entityType);
        };
    }

    @Override
    public final void validate(SyncJob job, Record record) {
        validateRecord(job, record);
        if (record.outcome() != null) {
            // the entity's rules decided the record's fate already (skipped)
            return;
        }
        for (TableShape child : shape().children()) {
            for (Record childRecord : record.children(child.name())) {
                validateChild(job, child, childRecord);
            }
        }
        RecordMapper.map(job.mapper(), job.destination(), shape(), record, childReferenceFields().keySet());
    }

    @Override
    public PlannedWrite plan(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        beforePlan(job, destination, records);
        return new RecordPlanner(job, this).plan(destination, records);
    }

    TableShape entityShape() {
        return shape();
    }

    Map<String, String> referenceFields() {
        return childReferenceFields();
    }

    void defaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        newRowDefaults(job, shape, columns, ref, ancestors);
    }

    Map<String, Object> inserted(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref) {
        return afterInsert(job, shape, columns, ref);
    }

    boolean mayUpdate(SyncJob job, TableShape shape) {
        return mayUpdateRows(job, shape);
    }

    boolean wholeRows(TableShape shape) {
        return writesWholeRows(shape);
    }

    boolean mayUpdate(SyncJob job, TableShape shape, String column) {
        return mayUpdateColumn(job, shape, column);
    }

    TableShape.Deletion deletion(SyncJob job, TableShape child) {
        return deletionPolicy(job, child);
    }
}
