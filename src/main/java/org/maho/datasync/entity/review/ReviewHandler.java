package org.maho.datasync.entity.review;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;
import org.maho.datasync.sink.RowRef;

/**
 * Product reviews (the only ones the reader reads: OpenMage writes no others): the review with its status, its text and author (a customer through the registry, else by email and
 * website; a guest's stays a guest's), the store views it is shown in, and its rating votes. The summaries OpenMage
 * shows (review_entity_summary, rating_option_vote_aggregated) are computed again on the destination, not copied.
 *
 * <p>Natural key: the product's sku, the author (the customer's email|website, else the nickname), the title and the
 * time it was written. {@code entity_id} and {@code status_id} are rows OpenMage's install script writes with fixed
 * ids (1 product, 1 approved, 2 pending, 3 not approved), the same in every shop, and so are copied as they are.
 */
public final class ReviewHandler extends TableEntityHandler {

    /** An IPv4 or IPv6 literal: the only text turned into an address, so that no name is ever looked up. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}");

    public static final TableShape DETAIL = TableShape.child("detail", "review_detail", "detail_id", "review_id")
            .registered("review_detail").ref("customer_id", "customer", Ref.Missing.EMPTY);
    public static final TableShape STORES = TableShape.child("stores", "review_store", null, "review_id").keys("store_id");
    /** remote_ip_long is remote_ip in binary (PHP's inet_pton): made from it on the destination, never read. */
    public static final TableShape VOTES = TableShape.child("votes", "rating_option_vote", "vote_id", "review_id")
            .keys("rating_id")
            .ref("option_id", RatingHandler.OPTION, Ref.Missing.INVALID)
            .ref("rating_id", "rating", Ref.Missing.INVALID)
            .ref("entity_pk_value", "product", Ref.Missing.INVALID)
            .ref("customer_id", "customer", Ref.Missing.EMPTY)
            .kind("remote_ip_long", ValueKind.NOT_COPIED);
    public static final TableShape REVIEW = TableShape.flatEntity("review", "review_id")
            .ref("entity_pk_value", "product", Ref.Missing.INVALID)
            .with(DETAIL, STORES, VOTES);

    public ReviewHandler() {
        super("review", REVIEW, Set.of(JobOption.ENTITY_IDS));
    }

    /** {@link #naturalKey} in SQL, on the review row being deleted (its detail is still there, before the delete). */
    @Override
    public TrackedEntity tracked() {
        String detail = "FROM ${review_detail} d WHERE d.review_id = ROW.review_id LIMIT 1";
        return tracking("CONCAT_WS('|', IFNULL((SELECT LOWER(TRIM(p.sku)) FROM ${catalog_product_entity} p"
                + " WHERE p.entity_id = ROW.entity_pk_value), ''), IFNULL(IFNULL((SELECT CONCAT(LOWER(TRIM(c.email)), '|',"
                + " IFNULL(LOWER(w.code), '')) FROM ${review_detail} d JOIN ${customer_entity} c ON c.entity_id = d.customer_id"
                + " LEFT JOIN ${core_website} w ON w.website_id = c.website_id WHERE d.review_id = ROW.review_id LIMIT 1),"
                + " (SELECT LOWER(TRIM(d.nickname)) " + detail + ")), ''), IFNULL((SELECT LOWER(TRIM(d.title)) " + detail + "), ''),"
                + " IFNULL(DATE_FORMAT(ROW.created_at, '%Y-%m-%d %H:%i:%s'), ''))");
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        Object product = record.get("entity_pk_value");
        String sku = product instanceof Ref ref ? ref.naturalKey() : null;
        List<Record> details = record.children(DETAIL.name());
        if (sku == null || details.isEmpty()) {
            return null;
        }
        Record detail = details.get(0);
        Object customer = detail.get("customer_id");
        String author = customer instanceof Ref ref && ref.naturalKey() != null ? ref.naturalKey() : detail.text("nickname");
        return key(sku, author, detail.text("title"), record.text("created_at"));
    }

    private static String key(String sku, String author, String title, String createdAt) {
        return String.join("|", lower(sku), lower(author), lower(title), createdAt == null ? "" : createdAt.trim());
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Reviews of the keys' products, keyed as {@link #naturalKey} keys a record. */
    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> skus = new LinkedHashSet<>();
        for (String key : keys) {
            skus.add(key.substring(0, key.indexOf('|')));
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT r.review_id, p.sku, c.email, c.website_id, d.nickname, d.title,"
                + " DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s') FROM " + job.destination().table("review") + " r JOIN "
                + job.destination().table("catalog_product_entity") + " p ON p.entity_id = r.entity_pk_value JOIN "
                + job.destination().table("review_detail") + " d ON d.review_id = r.review_id LEFT JOIN "
                + job.destination().table("customer_entity") + " c ON c.entity_id = d.customer_id WHERE p.sku IN ", "",
                List.of(), skus, row -> {
                    String author = row.getString(3) == null ? row.getString(5) : row.getString(3) + "|"
                            + (row.getString(4) == null ? "" : shop.website(row.getInt(4)).map(ShopMetadata.Website::code).orElse(""));
                    found.putIfAbsent(key(row.getString(2), author, row.getString(6), row.getString(7)), row.getLong(1));
                });
        found.keySet().retainAll(keys);
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.get("entity_pk_value") == null) {
            record.reject("entity_pk_value", "a review needs its product");
        }
        if (record.children(DETAIL.name()).isEmpty()) {
            record.reject("detail", "a review needs its title, text and nickname");
        }
    }

    /** A vote's remote_ip_long is its remote_ip in binary, as OpenMage stores it (inet_pton). */
    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        if (shape == VOTES && columns.get("remote_ip") instanceof String ip && IP_LITERAL.matcher(ip.trim()).matches()) {
            try {
                columns.put("remote_ip_long", InetAddress.getByName(ip.trim()).getAddress());
            } catch (UnknownHostException e) {
                // not an address after all: the column stays empty, as OpenMage leaves it for one it cannot read
            }
        }
    }

    /** The summaries follow from every review and vote: computed again once the run's reviews are written. */
    @Override
    public void finish(SyncJob job, Connection destination) throws SQLException {
        ReviewSummaries.recompute(job, destination);
    }
}
