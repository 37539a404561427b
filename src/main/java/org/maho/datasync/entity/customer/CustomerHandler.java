package org.maho.datasync.entity.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.RowView;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.RawValue;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.sink.RowRef;

/**
 * Customers with their addresses. Natural key: email and website. Addresses are children matched by the
 * registry, else by content; default_billing and default_shipping point at the destination's address ids.
 */
public final class CustomerHandler extends TableEntityHandler {

    public static final TableShape ADDRESSES = TableShape.child("addresses", "customer_address_entity", "entity_id", "parent_id")
            .withValues("customer_address").registered("customer_address");
    public static final TableShape CUSTOMER = TableShape.eavEntity("customer", "customer_entity").with(ADDRESSES);

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Set<String> DATE_FIELDS = Set.of("dob", "created_at", "updated_at");
    private static final String ZERO_DATE = "0000-00-00 00:00:00";

    public CustomerHandler() {
        super("customer", CUSTOMER, Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS));
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("store", "customergroup", "customerattribute", "addressattribute");
    }

    @Override
    public Map<String, String> childReferenceFields() {
        return Map.of("default_billing", ADDRESSES.name(), "default_shipping", ADDRESSES.name());
    }

    @Override
    public TrackedEntity tracked() {
        return tracking("CONCAT(LOWER(TRIM(ROW.email)), '|', IFNULL((SELECT LOWER(code) FROM ${core_website}"
                + " WHERE website_id = ROW.website_id), ''))");
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String email = record.text("email");
        Object website = record.get("website_id");
        if (email == null || (website == null && !record.complete())) {
            return null;
        }
        // a customer whose website was deleted at the source has none: found by email alone, among those without one
        return key(email, website == null ? null : website.toString());
    }

    @Override
    public String rewriteNaturalKey(String naturalKey, FieldRewrite rewrite) {
        return rewrite.firstPart(naturalKey, "email");
    }

    private static String key(String email, String website) {
        return (email.trim() + "|" + (website == null ? "" : website)).toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> emails = new LinkedHashSet<>();
        for (String key : keys) {
            emails.add(key.substring(0, key.lastIndexOf('|')));
        }
        Map<String, Long> found = new HashMap<>();
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Sql.queryIn(destination, "SELECT entity_id, email, website_id FROM " + job.destination().table(CUSTOMER.table())
                + " WHERE email IN ", "", List.of(), emails, row -> {
                    String website = row.getString(3) == null ? null
                            : shop.website(row.getInt(3)).map(ShopMetadata.Website::code).orElse(row.getString(3));
                    found.put(key(row.getString(2), website), row.getLong(1));
                });
        return found;
    }

    /** email|website code of source customers, for the orders and subscribers that refer to them. */
    @Override
    public Map<String, String> naturalKeysOf(SyncJob job, ShopDatabase shop, Connection connection, Collection<Long> ids)
            throws SQLException {
        Map<String, String> keys = new HashMap<>();
        ShopMetadata metadata = ShopMetadata.of(shop);
        shop.select(connection, TableQuery.from(CUSTOMER.table()).columns("entity_id", "email", "website_id").whereIn("entity_id", ids), row -> {
            String websiteId = row.get("website_id");
            String website = websiteId == null ? null
                    : metadata.website(Integer.parseInt(websiteId)).map(ShopMetadata.Website::code).orElse(null);
            if (row.get("email") != null && (website != null || websiteId == null)) {
                keys.put(row.get("entity_id"), key(row.get("email"), website));
            }
        });
        return keys;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        String email = record.text("email");
        if (email == null || email.isBlank()) {
            record.reject("email", "is missing");
        } else if (!EMAIL.matcher(email.trim()).matches()) {
            record.reject("email", "'" + email + "' is not a valid email address");
        }
        requireText(record, "firstname");
        requireText(record, "lastname");
        if (record.get("website_id") == null && record.complete()) {
            job.report().warn("customer.website_id: the customer's website was deleted at the source; copied without one, as the"
                    + " source has it (its orders come with it)");
        } else if (record.get("website_id") == null) {
            record.reject("website_id", "is missing");
        }
        validateDates(record);
        fallBackToWebsiteStore(job, record);
        requireStoreOfWebsite(job, record);
    }

    /** A customer's store is the admin store or one of its website's. */
    private static void requireStoreOfWebsite(SyncJob job, Record record) {
        Object store = record.get("store_id");
        Object website = record.get("website_id");
        if (store == null || website == null || store instanceof RawValue || website instanceof RawValue) {
            return;
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        ShopMetadata.Store destinationStore = shop.storeByCode(store.toString()).orElse(null);
        ShopMetadata.Website destinationWebsite = shop.websiteByCode(website.toString()).orElse(null);
        if (destinationStore != null && destinationWebsite != null && destinationStore.id() != 0
                && destinationStore.websiteId() != destinationWebsite.id()) {
            record.reject("store_id", "store '" + store + "' belongs to website '"
                    + shop.website(destinationStore.websiteId()).map(ShopMetadata.Website::code).orElse("?")
                    + "', not to the customer's website '" + website + "'");
        }
    }

    @Override
    protected void validateChild(SyncJob job, TableShape child, Record address) {
        String country = address.text("country_id");
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            address.reject("country_id", "'" + country + "' is not a two-letter country code");
        }
        validateDates(address);
    }

    private static void requireText(Record record, String field) {
        String value = record.text(field);
        if (value == null || value.isBlank()) {
            record.reject(field, "is missing");
        }
    }

    private static void validateDates(Record record) {
        for (String field : DATE_FIELDS) {
            Object value = record.get(field);
            if (value != null && !(value instanceof RawValue) && !ZERO_DATE.equals(value.toString())
                    && DateValues.parse(value.toString()) == null) {
                record.reject(field, "'" + value + "' is not a date (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)");
            }
        }
    }

    /**
     * A customer's store is where the account was created. When the destination lacks that store view, the
     * account goes to its website's default store, and the run says so: the customer is not lost for it.
     */
    private static void fallBackToWebsiteStore(SyncJob job, Record record) {
        Object store = record.get("store_id");
        Object website = record.get("website_id");
        if (store == null || store instanceof RawValue || website == null) {
            return;
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        if (shop.storeByCode(store.toString()).isPresent()) {
            return;
        }
        shop.websiteByCode(website.toString()).flatMap(w -> shop.defaultStore(w.id())).ifPresent(fallback -> {
            job.report().warn("customer.store_id: store '" + store + "' does not exist on the destination;"
                    + " its customers are assigned to the website's default store '" + fallback.code() + "'");
            record.put("store_id", fallback.code());
        });
    }

    /** An address has no key: two are the same when their content is. */
    @Override
    protected String childKey(TableShape child, RowView address) {
        StringBuilder key = new StringBuilder();
        for (String field : List.of("firstname", "lastname", "company", "street", "city", "postcode", "country_id", "telephone")) {
            String value = address.get(field);
            key.append(value == null ? "" : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).append('|');
        }
        return key.toString();
    }

    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        String now = DateValues.format(LocalDateTime.now(ZoneOffset.UTC).withNano(0));
        columns.putIfAbsent("created_at", now);
        columns.putIfAbsent("updated_at", columns.get("created_at"));
    }

    /** A customer deleted at the source is deactivated: the account and its orders' link stay, the login goes. */
    @Override
    public boolean retireTargets(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        for (List<Long> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            Sql.update(destination, "UPDATE " + job.destination().table(CUSTOMER.table()) + " SET is_active = 0 WHERE entity_id IN ("
                    + Sql.placeholders(chunk.size()) + ")", chunk);
        }
        return true;
    }
}
