package org.maho.datasync.entity.sales;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.RowView;
import org.maho.datasync.entity.StoreFallback;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.sink.RowRef;

/**
 * What orders, invoices, shipments and credit memos share: identity by increment id (unique across stores, so it
 * is kept as the source has it), the store by code, totals copied as they are (never added up again), the
 * destination's increment counters moved past what was written, and children that exist once per document (a
 * payment, a grid row).
 */
abstract class SalesDocumentHandler extends TableEntityHandler {

    private static final Pattern INCREMENT_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> DATES = Set.of("created_at", "updated_at");

    private final String counterType;
    private final Set<TableShape> onePerDocument;

    /**
     * @param counterType    the EAV entity type whose increment counters number these documents ("order")
     * @param onePerDocument children a document has at most one of, matched to the destination's one
     */
    protected SalesDocumentHandler(String type, TableShape shape, String counterType,
                                   Set<TableShape> onePerDocument, String... aliases) {
        super(type, shape, Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS, JobOption.INCREMENT_IDS), aliases);
        this.counterType = counterType;
        this.onePerDocument = Set.copyOf(onePerDocument);
    }

    /** The grid row repeats the document's own values for the admin's lists. */
    @Override
    public Set<String> notVerified() {
        return Set.of("grid");
    }

    /** The grid row follows from the document. */
    @Override
    public TrackedEntity tracked() {
        return tracking("LOWER(TRIM(ROW.increment_id))", "grid");
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String incrementId = record.text("increment_id");
        return incrementId == null || incrementId.isBlank() ? null : incrementId.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        return byIncrementId(destination, job.destination(), keys);
    }

    @Override
    public Map<String, String> naturalKeysOf(SyncJob job, ShopDatabase shop, Connection connection, Collection<Long> ids)
            throws SQLException {
        Map<String, String> keys = new HashMap<>();
        String id = shape().idColumn();
        shop.select(connection, TableQuery.from(shape().table()).columns(id, "increment_id").whereIn(id, ids), row -> {
            if (row.get("increment_id") != null) {
                keys.put(row.get(id), row.get("increment_id").trim().toLowerCase(Locale.ROOT));
            }
        });
        return keys;
    }

    private Map<String, Long> byIncrementId(Connection connection, ShopDatabase shop, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(connection, "SELECT " + shape().idColumn() + ", increment_id FROM " + shop.table(shape().table())
                + " WHERE increment_id IN ", "", List.of(), keys,
                row -> found.put(row.getString(2).trim().toLowerCase(Locale.ROOT), row.getLong(1)));
        return found;
    }

    @Override
    protected final void validateRecord(SyncJob job, Record record) {
        String incrementId = record.text("increment_id");
        if (incrementId == null || incrementId.isBlank()) {
            record.reject("increment_id", "is missing");
        } else if (!INCREMENT_ID.matcher(incrementId.trim()).matches()) {
            record.reject("increment_id", "'" + incrementId + "' may hold only letters, digits, '-' and '_'");
        }
        requireAmountNotNegative(record, "grand_total");
        for (String date : DATES) {
            Object value = record.get(date);
            if (value instanceof String text && !text.startsWith("0000") && DateValues.parse(text) == null) {
                record.reject(date, "'" + text + "' is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
            }
        }
        validateDocument(job, record);
        StoreFallback.apply(job, record, "documents");
        if (record.complete() && shape().child("grid").isPresent() && record.children("grid").isEmpty()) {
            job.report().warn(type() + " " + record.text("increment_id") + ": the source has no grid row for it; it is missing"
                    + " from the admin's list until the grid is rebuilt");
        }
    }

    /** The document type's own rules. */
    protected abstract void validateDocument(SyncJob job, Record record);

    static void requireAmountNotNegative(Record record, String field) {
        Object value = record.get(field);
        if (value == null || value instanceof RawValue) {
            return;
        }
        try {
            if (new java.math.BigDecimal(value.toString().trim()).signum() < 0) {
                record.reject(field, "'" + value + "' is negative");
            }
        } catch (NumberFormatException e) {
            record.reject(field, "'" + value + "' is not a number");
        }
    }

    @Override
    protected String childKey(TableShape child, RowView row) {
        if (onePerDocument.contains(child)) {
            return "";
        }
        return super.childKey(child, row);
    }

    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        if (shape == shape()) {
            String now = DateValues.format(LocalDateTime.now(ZoneOffset.UTC).withNano(0));
            columns.putIfAbsent("created_at", now);
            columns.putIfAbsent("updated_at", columns.get("created_at"));
        }
    }

    /** The counters move in the batch's transaction: a batch that rolls back leaves them as they were. */
    @Override
    public void written(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        List<String> incrementIds = new ArrayList<>();
        for (Record record : records) {
            String incrementId = record.text("increment_id");
            if (incrementId != null) {
                incrementIds.add(incrementId.trim());
            }
        }
        IncrementCounters.advance(job, destination, counterType, incrementIds);
    }
}
