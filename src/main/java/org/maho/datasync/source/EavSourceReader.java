package org.maho.datasync.source;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.maho.datasync.db.Retry;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.eav.EavLoader;
import org.maho.datasync.eav.EavRow;
import org.maho.datasync.eav.EavShape;
import org.maho.datasync.eav.ShopMetadata;
import org.maho.datasync.eav.ValueKind;
import org.maho.datasync.eav.ValueMapper;
import org.maho.datasync.pipeline.JobSpec;
import org.maho.datasync.pipeline.Record;
import org.maho.datasync.pipeline.SyncJob;

/**
 * Reads EAV entities from a source shop by pages of primary keys ({@code WHERE entity_id > ? ORDER BY
 * entity_id LIMIT n}); each page's attribute values and children come with one IN query per table. Every
 * value leaves the reader portable: codes and labels, never the source's ids.
 */
public final class EavSourceReader extends PagedIterator<Record> {

    /** A child entity read with its parent: a customer's addresses. */
    public record Child(String name, EavShape shape) {}

    private final SyncJob job;
    private final EavShape shape;
    private final List<Child> children;
    private final Set<String> childReferenceFields;
    private final String dateColumn;
    private final ShopDatabase source;
    private final Retry retry;
    private final Iterator<List<Long>> idChunks;
    private long lastId;
    private long yielded;

    public EavSourceReader(SyncJob job, EavShape shape, List<Child> children, Set<String> childReferenceFields,
                           String dateColumn, Retry retry) {
        this.job = job;
        this.shape = shape;
        this.children = children;
        this.childReferenceFields = childReferenceFields;
        this.dateColumn = dateColumn;
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
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (idChunks != null) {
            if (!idChunks.hasNext()) {
                return List.of();
            }
            List<Long> chunk = idChunks.next();
            where.append(EavShape.ID).append(" IN (").append(Sql.placeholders(chunk.size())).append(")");
            params.addAll(chunk);
        } else {
            where.append(EavShape.ID).append(" > ?");
            params.add(lastId);
        }
        if (spec.dateFrom() != null) {
            where.append(" AND ").append(dateColumn).append(" >= ?");
            params.add(DateValues.format(spec.dateFrom()));
        }
        if (spec.dateTo() != null) {
            where.append(" AND ").append(dateColumn).append(" <= ?");
            params.add(DateValues.format(spec.dateTo()));
        }
        String sql = "SELECT * FROM " + source.table(shape.table()) + " WHERE " + where + " ORDER BY " + EavShape.ID
                + " LIMIT " + pageSize;
        List<Record> page = retry.read(shape.table() + " after " + EavShape.ID + " " + lastId, () -> {
            try (Connection connection = source.connection()) {
                return readPage(connection, sql, params);
            }
        });
        if (!page.isEmpty()) {
            lastId = Long.parseLong(page.get(page.size() - 1).sourceId());
            yielded += page.size();
        } else if (idChunks != null && idChunks.hasNext()) {
            // a chunk of requested ids none of which passed the date filter: go on with the next chunk
            return nextPage();
        }
        return page;
    }

    private List<Record> readPage(Connection connection, String sql, List<Object> params) throws java.sql.SQLException {
        Map<Long, EavRow> rows = new java.util.LinkedHashMap<>();
        Sql.query(connection, sql, params, row -> rows.put(row.getLong(EavShape.ID), new EavRow(row.getLong(EavShape.ID), Sql.rowAsText(row))));
        EavLoader.loadValues(connection, source, shape, rows);
        List<Record> records = new ArrayList<>(rows.size());
        for (EavRow row : rows.values()) {
            records.add(toRecord(row, shape, childReferenceFields));
        }
        for (Child child : children) {
            Map<Long, List<EavRow>> byParent = EavLoader.childrenByParent(connection, source, child.shape(), rows.keySet());
            Map<Long, EavRow> all = new java.util.LinkedHashMap<>();
            byParent.values().forEach(list -> list.forEach(r -> all.put(r.id(), r)));
            EavLoader.loadValues(connection, source, child.shape(), all);
            for (Record record : records) {
                for (EavRow childRow : byParent.getOrDefault(Long.parseLong(record.sourceId()), List.of())) {
                    record.addChild(child.name(), toRecord(childRow, child.shape(), Set.of()));
                }
            }
        }
        return records;
    }

    private Record toRecord(EavRow row, EavShape rowShape, Set<String> references) {
        String type = rowShape.entityTypeCode();
        ShopMetadata shop = source.metadata();
        ValueMapper mapper = job.mapper();
        Record record = new Record(type, String.valueOf(row.id()), rowShape.table() + " entity_id=" + row.id());
        record.complete(true);
        for (Map.Entry<String, String> column : row.columns().entrySet()) {
            String name = column.getKey();
            if (name.equals(EavShape.ID) || name.equals("entity_type_id") || name.equals(rowShape.parentColumn())) {
                continue;
            }
            ShopMetadata.Attribute attribute = shop.attribute(type, name).filter(ShopMetadata.Attribute::isStatic).orElse(null);
            ValueKind kind = attribute != null ? ValueMapper.kindOfAttribute(attribute) : ValueMapper.kindOfColumn(name);
            record.put(name, mapper.toPortable(kind, column.getValue(), type, attribute, type + "." + name));
        }
        for (Map.Entry<String, Map<Integer, String>> value : row.values().entrySet()) {
            String code = value.getKey();
            ShopMetadata.Attribute attribute = shop.attribute(type, code).orElseThrow();
            ValueKind kind = references.contains(code) ? ValueKind.CHILD : ValueMapper.kindOfAttribute(attribute);
            for (Map.Entry<Integer, String> scoped : value.getValue().entrySet()) {
                Object portable = kind == ValueKind.CHILD ? scoped.getValue()
                        : mapper.toPortable(kind, scoped.getValue(), type, attribute, type + "." + code);
                if (scoped.getKey() == 0) {
                    record.put(code, portable);
                } else {
                    String store = shop.store(scoped.getKey()).map(ShopMetadata.Store::code).orElse(null);
                    if (store == null) {
                        job.report().warn(type + "." + code + ": value for store id " + scoped.getKey()
                                + ", which the source shop does not have; not copied");
                        continue;
                    }
                    record.storeFields().computeIfAbsent(store, k -> new java.util.LinkedHashMap<>()).put(code, portable);
                }
            }
        }
        return record;
    }
}
