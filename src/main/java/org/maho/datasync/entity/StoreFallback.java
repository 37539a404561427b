package org.maho.datasync.entity;

import java.util.Optional;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;

/**
 * A record placed in a store view the destination lacks (an order of the German store, when the destination has
 * only the default one) goes to the default store view of the same website there, and the run says so: the record
 * is not lost for it, and text such as an order's store_name still names where it came from.
 */
public final class StoreFallback {

    private StoreFallback() {}

    /**
     * Replaces the record's store, and its children's, when the destination lacks it.
     *
     * @param what what the warning calls the records ("documents", "subscribers")
     */
    public static void apply(SyncJob job, Record record, String what) {
        if (!(record.get("store_id") instanceof String code)) {
            return;
        }
        replacement(job, code).ifPresent(store -> {
            job.report().warn(record.entityType() + ".store_id: store '" + code + "' does not exist on the destination;"
                    + " its " + what + " go to store '" + store.code() + "'");
            replace(record, code, store.code());
        });
    }

    /** Empty when the destination has the store; else the store its records go to. */
    private static Optional<ShopMetadata.Store> replacement(SyncJob job, String code) {
        ShopMetadata destination = ShopMetadata.of(job.destination());
        if (destination.storeByCode(code).isPresent()) {
            return Optional.empty();
        }
        ShopMetadata input = job.inputShop();
        Optional<ShopMetadata.Store> sameWebsite = input.storeByCode(code)
                .flatMap(store -> input.website(store.websiteId()))
                .flatMap(website -> destination.websiteByCode(website.code()))
                .flatMap(website -> destination.defaultStore(website.id()));
        if (sameWebsite.isPresent()) {
            return sameWebsite;
        }
        return destination.defaultWebsite().flatMap(website -> destination.defaultStore(website.id()));
    }

    private static void replace(Record record, String from, String to) {
        if (from.equals(record.get("store_id"))) {
            record.put("store_id", to);
        }
        record.allChildren().values().forEach(children -> children.forEach(child -> replace(child, from, to)));
    }
}
