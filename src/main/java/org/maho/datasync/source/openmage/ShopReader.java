package org.maho.datasync.source.openmage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.maho.datasync.db.Retry;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.db.TableQuery.Op;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.RowLoader;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.mapping.ValueMapper;
import org.maho.datasync.model.AttributeRef;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.OptionRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.RefSpec;
import org.maho.datasync.model.RuleConditions;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.TextWithRefs;
import org.maho.datasync.model.ValueKind;
import org.maho.datasync.source.PagedIterator;

/**
 * Reads an entity from a source shop by pages of primary keys ({@code WHERE id > ? ORDER BY id LIMIT n});
 * each page's attribute values and child tables come with one IN query per table, and the natural keys of the
 * entities it refers to (skus, url-key paths) with one more per referenced type. Every value leaves the reader
 * portable: codes, labels and references, never the source's ids.
 */
public final class ShopReader extends PagedIterator<Record> {

    /** An entity's own reading of a column (a category's parent from its path); null leaves it to the column's kind. */
    public interface ColumnHook {
        Object portable(TableShape shape, String column, StoredRow row, StoredRow parent);
    }

    private final SyncJob job;
    private final TableShape shape;
    private final Set<String> childReferenceFields;
    private final String dateColumn;
    private final List<Condition> passConditions;
    private final ColumnHook hook;
    private final ShopDatabase source;
    private final Retry retry;
    private final Iterator<List<Long>> idChunks;
    /** Below every id, 0 included: a customer group and a store have id 0. */
    public static final long BEFORE_EVERY_ID = -1;
    private long lastId;
    private long yielded;

    /**
     * @param passConditions what every row of the main table read must meet (a pass over some product types)
     * @param afterId        the id the reading starts after: {@link #BEFORE_EVERY_ID}, or where a resumed run goes on
     */
    public ShopReader(SyncJob job, TableShape shape, Set<String> childReferenceFields, String dateColumn,
                      List<Condition> passConditions, ColumnHook hook, Retry retry, long afterId) {
        this.lastId = afterId;
        this.job = job;
        this.hook = hook;
        this.shape = shape;
        this.childReferenceFields = childReferenceFields;
        this.dateColumn = dateColumn;
        this.passConditions = passConditions;
        this.source = job.source();
        this.retry = retry;
        List<Long> ids = new ArrayList<>();
        for (String id : job.spec().entityIds()) {
            ids.add(Long.parseLong(id));
        }
        this.idChunks = ids.isEmpty() ? null : Sql.chunks(new TreeSet<>(ids), job.spec().batchSize()).iterator();
    }

    @Override
    protected List<Record> nextPage() {
        JobSpec spec = job.spec();
        int pageSize = spec.batchSize();
        if (spec.limit() != null) {
            pageSize = (int) Math.min(pageSize, spec.limit() - yielded);
            if (pageSize <= 0) {
                return List.of();
            }
        }
        String id = shape.idColumn();
        TableQuery query = TableQuery.from(shape.table());
        if (idChunks != null) {
            if (!idChunks.hasNext()) {
                return List.of();
            }
            query = query.whereIn(id, idChunks.next());
        } else {
            query = query.where(id, Op.GT, lastId);
        }
        if (!spec.incrementIds().isEmpty()) {
            query = query.whereIn("increment_id", spec.incrementIds());
        }
        if (spec.dateFrom() != null) {
            query = query.where(dateColumn, Op.GE, DateValues.format(spec.dateFrom()));
        }
        if (spec.dateTo() != null) {
            query = query.where(dateColumn, Op.LE, DateValues.format(spec.dateTo()));
        }
        TableQuery page = query.where(passConditions).orderBy(id).limit(pageSize);
        List<Record> records = retry.read(shape.table() + " of the source " + (source.isRemote() ? "through " : "database ") + source.describe() + " after " + id + " " + lastId,
                () -> readPage(page));
        if (!records.isEmpty()) {
            lastId = Long.parseLong(records.get(records.size() - 1).sourceId());
            yielded += records.size();
        } else if (idChunks != null && idChunks.hasNext()) {
            // a chunk of requested ids none of which passed the filters: go on with the next chunk
            return nextPage();
        }
        return records;
    }

    private List<Record> readPage(TableQuery query) throws SQLException {
        Map<Long, StoredRow> rows = new LinkedHashMap<>();
        source.select(null, query, row -> {
            long id = Long.parseLong(row.get(shape.idColumn()));
            rows.put(id, new StoredRow(id, row));
        });
        RowLoader.complete(null, source, shape, rows, job.report()::warn);
        Map<String, java.util.Set<Long>> referenced = new HashMap<>();
        for (StoredRow row : rows.values()) {
            collectReferences(row, shape, referenced);
        }
        Map<String, Map<String, String>> naturalKeys = naturalKeys(referenced);
        List<Record> records = new ArrayList<>(rows.size());
        for (StoredRow row : rows.values()) {
            records.add(toRecord(row, shape, null, childReferenceFields, naturalKeys));
        }
        return records;
    }
    /**
     * The ids of the entities a row tree refers to (products, categories, orders), by entity type: in its reference
     * columns, in attribute values that are references (a category's landing page), in content directives.
     */
    private void collectReferences(StoredRow row, TableShape rowShape, Map<String, java.util.Set<Long>> referenced) {
        for (Map.Entry<String, RefSpec> declared : rowShape.references().entrySet()) {
            for (String id : declared.getValue().ids(row.column(declared.getKey()))) {
                addId(referenced, declared.getValue().entityType(), id);
            }
        }
        for (Map.Entry<String, ValueKind> declared : rowShape.columnKinds().entrySet()) {
            if (declared.getValue() == ValueKind.CONTENT || declared.getValue() == ValueKind.PATH) {
                for (TextWithRefs.Found found : TextWithRefs.find(declared.getValue(), row.column(declared.getKey()))) {
                    addId(referenced, found.entityType(), found.id());
                }
            } else if (declared.getValue() == ValueKind.RULE_CONDITIONS) {
                job.mapper().ruleConditionCategories(row.column(declared.getKey()))
                        .forEach(ref -> addId(referenced, ref.entityType(), ref.sourceId()));
            }
        }
        if (rowShape.hasValues()) {
            ShopMetadata shop = ShopMetadata.of(source);
            row.values().forEach((code, scoped) -> {
                RefSpec spec = shop.attribute(rowShape.entityTypeCode(), code).map(ValueMapper::referenceOf).orElse(null);
                if (spec != null) {
                    scoped.values().forEach(raw -> addId(referenced, spec.entityType(), raw));
                }
            });
        }
        for (TableShape child : rowShape.children()) {
            for (StoredRow childRow : row.children(child.name())) {
                collectReferences(childRow, child, referenced);
            }
        }
    }

    private static void addId(Map<String, java.util.Set<Long>> referenced, String entityType, String raw) {
        if (raw != null && raw.trim().matches("\\d{1,18}") && !"0".equals(raw.trim())) {
            referenced.computeIfAbsent(entityType, k -> new TreeSet<>()).add(Long.parseLong(raw.trim()));
        }
    }

    /** Natural keys (skus, url-key paths) of the referenced entities, one query per entity type. */
    private Map<String, Map<String, String>> naturalKeys(Map<String, java.util.Set<Long>> referenced) throws SQLException {
        Map<String, Map<String, String>> keys = new HashMap<>();
        for (Map.Entry<String, java.util.Set<Long>> type : referenced.entrySet()) {
            EntityHandler target = job.handlers().find(type.getKey()).orElse(null);
            keys.put(type.getKey(), target == null ? Map.of() : target.naturalKeysOf(job, source, null, type.getValue()));
        }
        return keys;
    }

    private Record toRecord(StoredRow row, TableShape rowShape, StoredRow parent, Set<String> references,
                            Map<String, Map<String, String>> naturalKeys) {
        String type = rowShape.hasValues() ? rowShape.entityTypeCode() : rowShape.name().isEmpty() ? job.handler().type() : rowShape.name();
        ShopMetadata shop = ShopMetadata.of(source);
        ValueMapper mapper = job.mapper();
        Record record = new Record(type, row.id() == null ? null : String.valueOf(row.id()),
                rowShape.table() + (row.id() == null ? "" : " " + rowShape.idColumn() + "=" + row.id()),
                row.columns().size() + row.values().size());
        record.complete(true);
        for (Map.Entry<String, String> column : row.columns().entrySet()) {
            String name = column.getKey();
            if (rowShape.isStructural(name)) {
                continue;
            }
            ShopMetadata.Attribute attribute = rowShape.hasValues()
                    ? shop.attribute(type, name).filter(ShopMetadata.Attribute::isStatic).orElse(null) : null;
            ValueKind kind = attribute != null ? ValueMapper.kindOfAttribute(attribute) : rowShape.kindOf(name);
            Object value = hook.portable(rowShape, name, row, parent);
            if (value == null && kind == ValueKind.NOT_COPIED) {
                continue;
            }
            if (value == null) {
                value = switch (kind) {
                    case OPTION_REF -> optionRef(row, parent, column.getValue());
                    case REFERENCE -> rowShape.references().get(name).of(column.getValue());
                    case CONTENT, PATH -> content(kind, column.getValue(), naturalKeys);
                    default -> mapper.toPortable(kind, column.getValue(), type, attribute, rowShape.table() + "." + name);
                };
            }
            record.put(name, withNaturalKey(value, naturalKeys));
        }
        for (Map.Entry<String, Map<Integer, String>> value : row.values().entrySet()) {
            String code = value.getKey();
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElseThrow();
            ValueKind kind = references.contains(code) ? ValueKind.CHILD : ValueMapper.kindOfAttribute(attribute);
            for (Map.Entry<Integer, String> scoped : value.getValue().entrySet()) {
                Object portable = switch (kind) {
                    case CHILD -> scoped.getValue();
                    case REFERENCE -> withNaturalKey(ValueMapper.referenceOf(attribute).of(scoped.getValue()), naturalKeys);
                    default -> mapper.toPortable(kind, scoped.getValue(), type, attribute, type + "." + code);
                };
                if (scoped.getKey() == 0) {
                    record.put(code, portable);
                } else {
                    String store = shop.store(scoped.getKey()).map(ShopMetadata.Store::code).orElse(null);
                    if (store == null) {
                        job.report().warn(type + "." + code + ": value for store id " + scoped.getKey()
                                + ", which the source shop does not have; not copied");
                        continue;
                    }
                    record.storeFields().computeIfAbsent(store, k -> new LinkedHashMap<>()).put(code, portable);
                }
            }
        }
        for (TableShape child : rowShape.children()) {
            record.completeChildren().add(child.name());
            for (StoredRow childRow : row.children(child.name())) {
                record.addChild(child.name(), toRecord(childRow, child, row, Set.of(), naturalKeys));
            }
        }
        return record;
    }

    private static Object withNaturalKey(Object value, Map<String, Map<String, String>> naturalKeys) {
        if (value instanceof Ref ref) {
            return ref.withNaturalKey(naturalKeys.getOrDefault(ref.entityType(), Map.of()).get(ref.sourceId()));
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Ref) {
            return list.stream().map(item -> withNaturalKey(item, naturalKeys)).toList();
        }
        if (value instanceof RuleConditions conditions) {
            return conditions.withRefs(ref -> (Ref) withNaturalKey(ref, naturalKeys));
        }
        return value;
    }

    /** A text whose directives (or a path whose segments) name entities by id: each id a reference, with its natural key. */
    private static Object content(ValueKind kind, String text, Map<String, Map<String, String>> naturalKeys) {
        List<TextWithRefs.Found> found = TextWithRefs.find(kind, text);
        if (found.isEmpty()) {
            return text;
        }
        List<TextWithRefs.Span> spans = new ArrayList<>();
        for (TextWithRefs.Found id : found) {
            Ref ref = new Ref(id.entityType(), id.id(), naturalKeys.getOrDefault(id.entityType(), Map.of()).get(id.id()),
                    Ref.Missing.EMPTY);
            spans.add(new TextWithRefs.Span(id.start(), id.end(), ref));
        }
        return new TextWithRefs(text, spans);
    }

    /** An option id in a flat row: its attribute is the row's attribute_id, else its parent row's. */
    private Object optionRef(StoredRow row, StoredRow parent, String raw) {
        String attributeId = row.column("attribute_id") != null ? row.column("attribute_id")
                : parent == null ? null : parent.column("attribute_id");
        ShopMetadata shop = ShopMetadata.of(source);
        ShopMetadata.Attribute attribute = attributeId == null ? null : shop.attributeById(Integer.parseInt(attributeId));
        if (attribute == null || raw == null) {
            return raw;
        }
        String label = shop.optionLabel(attribute, Long.parseLong(raw));
        return label == null ? raw : new OptionRef(new AttributeRef(attribute.entityTypeCode(), attribute.code()), label);
    }
}
