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
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.ScopeRef;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.model.ValueKind;

/**
 * Configuration values (core_config_data) by scope and path, the scope a website or store view by code. Paths that
 * must differ between two shops are never copied: {@code datasync.config.never} (base URLs, the cookie domain,
 * credentials, which the shop stores encrypted with its own key) and {@code datasync.config.exclude} (a user's own
 * list); the run says how many were left out, path by path. The destination's own paths stay.
 */
public final class ConfigHandler extends TableEntityHandler {

    public static final TableShape CONFIG = TableShape.flatEntity("core_config_data", "config_id").kind("scope_id", ValueKind.SCOPE);

    public ConfigHandler() {
        super("config", CONFIG, Set.of(JobOption.ENTITY_IDS), "core_config_data");
    }

    /** scope|code|path: "default||general/locale/code", "stores|german|general/locale/code". */
    /** The shop's structure: a clean install has its own, so a source id is kept only where it is free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String path = record.text("path");
        if (path == null || !(record.get("scope_id") instanceof ScopeRef scope)) {
            return null;
        }
        return key(scope.scope(), scope.code(), path);
    }

    private static String key(String scope, String code, String path) {
        return (scope + "|" + (code == null ? "" : code) + "|" + path).toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Set<String> paths = new LinkedHashSet<>();
        for (String key : keys) {
            paths.add(key.substring(key.indexOf('|', key.indexOf('|') + 1) + 1));
        }
        ShopMetadata shop = ShopMetadata.of(job.destination());
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT config_id, scope, scope_id, path FROM " + job.destination().table(CONFIG.table())
                + " WHERE path IN ", "", List.of(), paths, row -> {
                    String scope = row.getString(2);
                    int id = row.getInt(3);
                    String code = switch (scope == null ? "" : scope) {
                        case "websites" -> shop.website(id).map(ShopMetadata.Website::code).orElse("#" + id);
                        case "stores" -> shop.store(id).map(ShopMetadata.Store::code).orElse("#" + id);
                        default -> null;
                    };
                    found.put(key(scope, code, row.getString(4)), row.getLong(1));
                });
        found.keySet().retainAll(keys);
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.text("path") == null || record.text("path").isBlank()) {
            record.reject("path", "is missing");
        }
        if (record.get("scope_id") instanceof ScopeRef scope && scope.code() != null && scope.code().startsWith("#")) {
            record.reject("scope_id", scope.scope() + " id " + scope.code().substring(1) + " does not exist in the source shop");
        }
    }
}
