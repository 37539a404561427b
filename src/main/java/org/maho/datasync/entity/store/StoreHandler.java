package org.maho.datasync.entity.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.DestinationForm;
import org.maho.datasync.model.ChildRef;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;

/**
 * The shop's structure: a website by code, with its store groups and their store views. Ids are never copied; a
 * website or store view with the same code is the same one. A group has no code: it is the destination group that
 * holds one of its store views, else the one of the same name. The destination's own groups and views stay. A
 * group's root category is the destination's category of the same url-key path; before the categories are synced it
 * is left as it is, and {@code sync all} links it once they are ({@link #revisitAfter}).
 */
public final class StoreHandler extends TableEntityHandler {

    public static final TableShape STORES = TableShape.child("stores", "core_store", "store_id", "group_id")
            .keys("code").ancestor("website_id", 2).deletion(TableShape.Deletion.NONE);
    /** Matched by the destination group id {@link #beforePlan} found for it. */
    public static final TableShape GROUPS = TableShape.child("groups", "core_store_group", "group_id", "website_id")
            .keys("group_id").ref("root_category_id", "category", Ref.Missing.EMPTY).deletion(TableShape.Deletion.NONE)
            .with(STORES);
    public static final TableShape WEBSITE = TableShape.flatEntity("core_website", "website_id").with(GROUPS);

    public StoreHandler() {
        super("store", WEBSITE, Set.of(), "stores", "website", "websites");
    }

    @Override
    public List<String> revisitAfter() {
        return List.of("category");
    }

    /** The shop's structure: a clean install has its own, so a source id is kept only where it is free. */
    @Override
    public KeptIds keptIds() {
        return KeptIds.WHERE_FREE;
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        String code = record.text("code");
        return code == null ? null : code.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        Sql.queryIn(destination, "SELECT website_id, code FROM " + job.destination().table(WEBSITE.table()) + " WHERE code IN ",
                "", List.of(), keys, row -> found.put(row.getString(2).toLowerCase(Locale.ROOT), row.getLong(1)));
        return found;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        requireCode(record, "website");
        for (Record group : record.children(GROUPS.name())) {
            if (group.text("name") == null || group.text("name").isBlank()) {
                record.reject("groups.name", "a store group needs a name");
            }
            Object root = group.get("root_category_id");
            if (!(root instanceof Ref ref) || job.references().get(ref) == null) {
                if (root != null) {
                    job.report().warn("store: the root category " + root + " of group '" + group.text("name") + "' is not on the"
                            + " destination yet; the group keeps its own until the categories are synced (sync all links it)");
                }
                group.fields().remove("root_category_id");
            }
            for (Record store : group.children(STORES.name())) {
                requireCode(store, "store");
                store.problems().forEach(problem -> record.reject("stores." + problem.field(), problem.reason()));
            }
        }
    }

    private static void requireCode(Record record, String what) {
        String code = record.text("code");
        if (code == null || code.isBlank()) {
            record.reject("code", "a " + what + " needs a code");
        } else if (!code.matches("[a-z][a-z0-9_]{0,31}")) {
            record.reject("code", "'" + code + "' is not a " + what + " code (a lower-case letter, then letters, digits or"
                    + " underscores, at most 32 characters)");
        }
    }

    /**
     * Finds each source group's destination group: the one holding the group's default store view, else any of its
     * views, else the website's group of the same name; the match goes into the mapped row as its key.
     */
    @Override
    protected void beforePlan(SyncJob job, Connection destination, List<Record> records) throws SQLException {
        Map<Long, Map<Long, String>> namesByWebsite = new HashMap<>();
        Map<String, Long> groupOfStore = new HashMap<>();
        List<Long> websites = records.stream().map(Record::targetId).filter(id -> id != null).toList();
        if (websites.isEmpty()) {
            return;
        }
        Sql.queryIn(destination, "SELECT g.website_id, g.group_id, g.name, s.code FROM " + job.destination().table(GROUPS.table())
                + " g LEFT JOIN " + job.destination().table(STORES.table()) + " s ON s.group_id = g.group_id WHERE g.website_id IN ",
                "", List.of(), websites, row -> {
                    namesByWebsite.computeIfAbsent(row.getLong(1), k -> new LinkedHashMap<>()).put(row.getLong(2), row.getString(3));
                    if (row.getString(4) != null) {
                        groupOfStore.put(row.getString(4).toLowerCase(Locale.ROOT), row.getLong(2));
                    }
                });
        for (Record website : records) {
            Map<Long, String> names = namesByWebsite.getOrDefault(website.targetId(), Map.of());
            Set<Long> taken = new HashSet<>();
            for (Record group : website.children(GROUPS.name())) {
                Long match = null;
                for (String code : storeCodes(group)) {
                    Long candidate = groupOfStore.get(code);
                    if (candidate != null && names.containsKey(candidate) && !taken.contains(candidate)) {
                        match = candidate;
                        break;
                    }
                }
                if (match == null) {
                    for (Map.Entry<Long, String> named : names.entrySet()) {
                        if (named.getValue() != null && named.getValue().equalsIgnoreCase(group.text("name"))
                                && !taken.contains(named.getKey())) {
                            match = named.getKey();
                            break;
                        }
                    }
                }
                if (match != null) {
                    taken.add(match);
                    group.mapped(DestinationForm.class).columns().put(GROUPS.idColumn(), String.valueOf(match));
                }
            }
        }
    }

    /** The group's store codes, its default store's first. */
    private static List<String> storeCodes(Record group) {
        List<String> codes = new ArrayList<>();
        String defaultStore = group.get("default_store_id") instanceof ChildRef ref ? ref.value() : null;
        for (Record store : group.children(STORES.name())) {
            String code = store.text("code");
            if (code != null) {
                if (store.sourceId() != null && store.sourceId().equals(defaultStore)) {
                    codes.add(0, code.toLowerCase(Locale.ROOT));
                } else {
                    codes.add(code.toLowerCase(Locale.ROOT));
                }
            }
        }
        return codes;
    }
}
