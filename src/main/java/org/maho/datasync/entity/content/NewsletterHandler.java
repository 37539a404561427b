package org.maho.datasync.entity.content;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.StoreFallback;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.sink.RowRef;

/**
 * Newsletter subscribers, identified by email and store (the table has no unique key). A subscriber's customer comes
 * through the registry, else by email and website; a guest subscriber stays a guest (customer_id 0), and so does one
 * whose customer the destination lacks, with a warning. The status (subscribed, not active, unsubscribed,
 * unconfirmed) is kept.
 */
public final class NewsletterHandler extends TableEntityHandler {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Set<String> STATUSES = Set.of("1", "2", "3", "4");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final TableShape SUBSCRIBER = TableShape.flatEntity("newsletter_subscriber", "subscriber_id")
            .ref("customer_id", "customer", Ref.Missing.ZERO);

    public NewsletterHandler() {
        super("newsletter", SUBSCRIBER, Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS), "newsletter_subscriber", "subscriber", "subscribers");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("store", "customer");
    }

    @Override
    public TrackedEntity tracked() {
        return tracking("CONCAT(LOWER(TRIM(ROW.subscriber_email)), '|', (SELECT LOWER(code) FROM ${core_store}"
                + " WHERE store_id = ROW.store_id))");
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String email = record.text("subscriber_email");
        Object store = record.get("store_id");
        return email == null || store == null ? null : (email.trim() + "|" + store).toLowerCase(Locale.ROOT);
    }

    @Override
    public String rewriteNaturalKey(String naturalKey, FieldRewrite rewrite) {
        return rewrite.firstPart(naturalKey, "subscriber_email");
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> emails = new LinkedHashSet<>();
        for (String key : keys) {
            emails.add(key.substring(0, key.lastIndexOf('|')));
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT subscriber_id, subscriber_email, store_id FROM " + job.destination().table(SUBSCRIBER.table())
                + " WHERE subscriber_email IN ", " ORDER BY subscriber_id", List.of(), emails, row -> {
                    String store = shop.store(row.getInt(3)).map(ShopMetadata.Store::code).orElse(row.getString(3));
                    found.putIfAbsent((row.getString(2).trim() + "|" + store).toLowerCase(Locale.ROOT), row.getLong(1));
                });
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String email = record.text("subscriber_email");
        if (email == null || email.isBlank()) {
            record.reject("subscriber_email", "is missing");
        } else if (!EMAIL.matcher(email.trim()).matches()) {
            record.reject("subscriber_email", "'" + email + "' is not a valid email address");
        }
        String status = record.text("subscriber_status");
        if (status != null && !STATUSES.contains(status.trim())) {
            record.reject("subscriber_status", "'" + status + "' is not a status (1 subscribed, 2 not active, 3 unsubscribed,"
                    + " 4 unconfirmed)");
        }
        Object changed = record.get("change_status_at");
        if (changed instanceof String text && DateValues.parse(text) == null) {
            record.reject("change_status_at", "'" + text + "' is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
        }
        StoreFallback.apply(job, record, "subscribers");
    }

    /** A new subscriber needs a confirmation code, as OpenMage gives one. */
    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        byte[] code = new byte[16];
        RANDOM.nextBytes(code);
        columns.putIfAbsent("subscriber_confirm_code", HexFormat.of().formatHex(code));
        columns.putIfAbsent("subscriber_status", "1");
    }

    /** A subscriber deleted at the source is unsubscribed: no newsletter goes to an address the source let go. */
    @Override
    public boolean retireTargets(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        for (List<Long> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            Sql.update(destination, "UPDATE " + job.destination().table(SUBSCRIBER.table()) + " SET subscriber_status = 3"
                    + " WHERE subscriber_id IN (" + Sql.placeholders(chunk.size()) + ")", chunk);
        }
        return true;
    }

}
