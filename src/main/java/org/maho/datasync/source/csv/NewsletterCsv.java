package org.maho.datasync.source.csv;

import java.util.Locale;
import java.util.Map;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * The original tool's newsletter_subscribers.csv (which it could not import): subscriber_id is the source id, store_id
 * the destination's store id or code, customer_id the source id of a customer synced before. Columns the table does
 * not have (the subscriber's names) are reported, not copied.
 */
final class NewsletterCsv {

    private NewsletterCsv() {}

    static Record toRecord(CsvRow row, SyncJob job) {
        Record subscriber = new Record("newsletter", row.get("subscriber_id"), row.origin());
        ShopMetadata shop = ShopMetadata.of(job.destination());
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (value == null || value.isEmpty() || "subscriber_id".equals(column) || "customer_id".equals(column)) {
                continue;
            }
            switch (column) {
                case "store_id", "store", "store_code" ->
                        CsvValues.reference(subscriber, "store_id", value, id -> shop.store(id).map(ShopMetadata.Store::code), "store");
                case "change_status_at" -> {
                    String normalized = DateValues.normalize(value);
                    subscriber.put(column, normalized != null ? normalized : value);
                }
                default -> subscriber.put(column, value);
            }
        }
        if (subscriber.get("store_id") == null) {
            shop.defaultWebsite().flatMap(w -> shop.defaultStore(w.id())).ifPresent(s -> subscriber.put("store_id", s.code()));
        }
        String customerId = row.get("customer_id");
        if (customerId != null && !"0".equals(customerId.trim())) {
            subscriber.put("customer_id", new Ref("customer", customerId.trim(), customerKey(subscriber, shop), Ref.Missing.ZERO));
        }
        return subscriber;
    }

    /** The customer with the subscriber's email in the store's website, when the registry does not know the id. */
    private static String customerKey(Record subscriber, ShopMetadata shop) {
        String email = subscriber.text("subscriber_email");
        String website = shop.storeByCode(String.valueOf(subscriber.get("store_id"))).flatMap(s -> shop.website(s.websiteId()))
                .map(ShopMetadata.Website::code).orElse(null);
        return email == null || website == null ? null : (email.trim() + "|" + website).toLowerCase(Locale.ROOT);
    }
}
