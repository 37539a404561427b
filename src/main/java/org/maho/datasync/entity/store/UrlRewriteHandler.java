package org.maho.datasync.entity.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Custom URL rewrites (a shop's own redirects, kept for search engines), by store view and request path, with the
 * product, category and CMS page their id path and target name by id mapped to the destination's. System rewrites
 * are never read: the destination's indexer makes its own from its catalog, and the report says how many were left.
 */
public final class UrlRewriteHandler extends TableEntityHandler {

    public static final TableShape REWRITE = TableShape.flatEntity("core_url_rewrite", "url_rewrite_id")
            .kind("id_path", ValueKind.PATH).kind("target_path", ValueKind.PATH)
            .ref("category_id", "category", Ref.Missing.EMPTY).ref("product_id", "product", Ref.Missing.EMPTY);

    public UrlRewriteHandler() {
        super("urlrewrite", REWRITE, Set.of(JobOption.ENTITY_IDS), "core_url_rewrite");
    }

    @Override
    public Set<String> needsWritten() {
        return Set.of("store", "category", "product", "cms_page");
    }

    /** store code|request path, as a request path is unique per store view. */
    @Override
    public String naturalKey(SyncJob job, Record record) {
        String path = record.text("request_path");
        Object store = record.get("store_id");
        return path == null || store == null ? null : key(store.toString(), path);
    }

    private static String key(String store, String path) {
        return (store + "|" + path.trim()).toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> paths = new LinkedHashSet<>();
        keys.forEach(key -> paths.add(key.substring(key.indexOf('|') + 1)));
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT url_rewrite_id, store_id, request_path FROM " + job.destination().table("core_url_rewrite")
                + " WHERE request_path IN ", "", List.of(), paths, row -> {
                    String store = shop.store(row.getInt(2)).map(ShopMetadata.Store::code).orElse(null);
                    if (store != null) {
                        found.put(key(store, row.getString(3)), row.getLong(1));
                    }
                });
        found.keySet().retainAll(keys);
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.text("request_path") == null || record.text("request_path").isBlank()) {
            record.reject("request_path", "is missing");
        }
        if (record.get("store_id") == null) {
            record.reject("store_id", "a rewrite belongs to a store view");
        }
    }

    /** Says how many system rewrites the source has, which the destination's indexer makes again. */
    @Override
    public void finish(SyncJob job, Connection destination) throws SQLException {
        if (job.source() == null) {
            return;
        }
        long system = job.source().count(TableQuery.from("core_url_rewrite").where("is_system", TableQuery.Op.EQ, 1));
        if (system > 0) {
            job.report().note(system + " system rewrites at the source were not copied: the destination's indexer (\"Catalog URL"
                    + " Rewrites\") makes its own from its catalog");
        }
    }
}
