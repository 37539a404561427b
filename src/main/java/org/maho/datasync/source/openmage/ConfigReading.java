package org.maho.datasync.source.openmage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.ScopeRef;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/**
 * Configuration values, their scope a website or store view by code. The paths {@code datasync.config.never} and
 * {@code datasync.config.exclude} name are left out as they are read: neither synced nor compared, and said.
 */
final class ConfigReading implements OpenMageReading {

    @Override
    public Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        if (!"scope_id".equals(column)) {
            return null;
        }
        String scope = row.column("scope");
        ShopMetadata shop = ShopMetadata.of(job.source());
        int id = Integer.parseInt(row.column("scope_id"));
        return switch (scope == null ? "" : scope) {
            case "websites" -> new ScopeRef(scope, shop.website(id).map(ShopMetadata.Website::code).orElse("#" + id));
            case "stores" -> new ScopeRef(scope, shop.store(id).map(ShopMetadata.Store::code).orElse("#" + id));
            default -> new ScopeRef(scope, null);
        };
    }

    @Override
    public Record whenRead(SyncJob job, Record record) {
        String path = record.text("path");
        List<Pattern> never = job.cached("config:never", () -> patterns(job.settings().configNever()));
        List<Pattern> excluded = job.cached("config:exclude", () -> patterns(job.settings().configExclude()));
        if (path != null && matches(never, path)) {
            job.report().warn("config " + path + ": never copied, it must differ between shops (datasync.config.never)");
            return null;
        }
        if (path != null && matches(excluded, path)) {
            job.report().warn("config " + path + ": left out by datasync.config.exclude");
            return null;
        }
        return record;
    }

    /** Comma-separated path patterns; {@code *} matches within one segment of a path. */
    private static List<Pattern> patterns(String setting) {
        List<Pattern> patterns = new ArrayList<>();
        if (setting == null) {
            return patterns;
        }
        for (String glob : setting.split(",")) {
            String trimmed = glob.trim();
            if (!trimmed.isEmpty()) {
                StringBuilder regex = new StringBuilder();
                for (String part : trimmed.split("\\*", -1)) {
                    regex.append(regex.length() == 0 ? "" : "[^/]*").append(Pattern.quote(part));
                }
                patterns.add(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
            }
        }
        return patterns;
    }

    private static boolean matches(List<Pattern> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }
}
