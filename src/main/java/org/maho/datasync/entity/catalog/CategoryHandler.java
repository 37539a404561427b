package org.maho.datasync.entity.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.entity.TableEntityHandler;
import org.maho.datasync.job.JobOption;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.CategoryTree;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.TableShape;
import org.maho.datasync.sink.RowRef;

/**
 * Categories with their whole tree. A category is identified by the registry, else by its url-key path under its
 * root category, which is matched by name. Its parent is resolved like any reference (a parent written later
 * in the run is waited for); {@code path}, {@code level} and {@code children_count} are computed for the
 * destination's ids, never copied.
 */
public final class CategoryHandler extends TableEntityHandler {

    public static final String ENTITY_TYPE = "catalog_category";
    public static final TableShape CATEGORY = TableShape.eavEntity(ENTITY_TYPE, "catalog_category_entity")
            .ref("parent_id", "category", Ref.Missing.INVALID);
    private static final Set<String> DERIVED = Set.of("path", "level", "children_count");
    private static final String MOVED = "category:existing";

    /** The tree root (level 0) is every shop's own: never synced, every root category hangs from it. */
    public CategoryHandler() {
        super("category", CATEGORY, Set.of(JobOption.DATE_FILTER, JobOption.ENTITY_IDS));
    }

    public static CategoryTree destinationTree(SyncJob job) {
        return CategoryTree.of(job.destination(), job::cached);
    }

    /** The url-key path from the root category, as the category handler keys a category. */
    private static final String PATH_SQL = "(SELECT GROUP_CONCAT(LOWER(TRIM(IF(c.level = 1 OR u.value IS NULL"
            + " OR TRIM(u.value) = '', n.value, u.value))) ORDER BY c.level SEPARATOR '/') FROM ${catalog_category_entity} c"
            + " LEFT JOIN ${catalog_category_entity_varchar} n ON n.entity_id = c.entity_id AND n.store_id = 0"
            + " AND n.attribute_id = ${attribute:catalog_category:name}"
            + " LEFT JOIN ${catalog_category_entity_varchar} u ON u.entity_id = c.entity_id AND u.store_id = 0"
            + " AND u.attribute_id = ${attribute:catalog_category:url_key}"
            + " WHERE FIND_IN_SET(c.entity_id, REPLACE(ROW.path, '/', ',')) AND c.level >= 1)";

    @Override
    public TrackedEntity tracked() {
        return tracking(PATH_SQL);
    }

    @Override
    public String naturalKey(SyncJob job, Record record) {
        if (!(record.get("parent_id") instanceof Ref parent)) {
            return null;
        }
        String parentKey = parent.naturalKey();
        if (parentKey == null) {
            Long id = job.references().get(parent);
            parentKey = id == null ? null : destinationTree(job).key(id);
        }
        if (parentKey == null) {
            return null;
        }
        String segment = CategoryTree.segment(parentKey.isEmpty(), record.text("name"), record.text("url_key"));
        return segment == null ? null : parentKey.isEmpty() ? segment : parentKey + "/" + segment;
    }

    @Override
    public Map<String, Long> findByNaturalKeys(SyncJob job, Connection destination, Collection<String> keys) {
        CategoryTree tree = destinationTree(job);
        Map<String, Long> found = new HashMap<>();
        for (String key : keys) {
            Long id = tree.idOf(key);
            if (id != null) {
                found.put(key, id);
            }
        }
        return found;
    }

    @Override
    public Map<String, String> naturalKeysOf(SyncJob job, ShopDatabase shop, Connection connection, Collection<Long> ids) {
        CategoryTree tree = CategoryTree.of(shop, job::cached);
        Map<String, String> keys = new HashMap<>();
        for (Long id : ids) {
            String key = tree.key(id);
            if (key != null) {
                keys.put(String.valueOf(id), key);
            }
        }
        return keys;
    }

    @Override
    protected void validateRecord(SyncJob job, Record record) {
        if (record.text("name") == null || record.text("name").isBlank()) {
            record.reject("name", "is missing");
        }
        if (record.get("parent_id") == null) {
            record.reject("parent_id", "is missing");
        }
        for (String date : List.of("created_at", "updated_at")) {
            Object value = record.get(date);
            if (value != null && DateValues.parse(value.toString()) == null) {
                record.reject(date, "'" + value + "' is not a date");
            }
        }
    }

    @Override
    protected boolean mayUpdateColumn(SyncJob job, TableShape shape, String column) {
        return !DERIVED.contains(column);
    }

    /** The tree's columns are the destination's own; url_path follows from the url keys. */
    @Override
    public Set<String> notVerified() {
        return Set.of("path", "level", "children_count", "url_path");
    }

    /** Each batch sees the categories the batches before it wrote; existing ones may move, so {@link #finish} checks them. */
    @Override
    protected void beforePlan(SyncJob job, Connection destination, List<Record> records) {
        job.forget(CategoryTree.cacheKey(job.destination()));
        Set<Long> existing = job.cached(MOVED, HashSet::new);
        for (Record record : records) {
            if (record.targetId() != null) {
                existing.add(record.targetId());
            }
        }
    }

    @Override
    protected void newRowDefaults(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref, List<RowRef> ancestors) {
        CategoryTree.Node parent = destinationTree(job).node(Long.parseLong(String.valueOf(columns.get("parent_id"))));
        // the path ends with the row's own id: the parent's path until the insert gives the id (see afterInsert)
        columns.put("path", parent.path());
        columns.put("level", parent.level() + 1);
        columns.put("children_count", 0);
        columns.putIfAbsent("position", 0);
        columns.putIfAbsent("attribute_set_id", ShopMetadata.of(job.destination()).requireEntityType(ENTITY_TYPE).defaultAttributeSetId());
        String now = DateValues.format(LocalDateTime.now(ZoneOffset.UTC).withNano(0));
        columns.putIfAbsent("created_at", now);
        columns.putIfAbsent("updated_at", now);
    }

    @Override
    protected Map<String, Object> afterInsert(SyncJob job, TableShape shape, Map<String, Object> columns, RowRef ref) {
        String parentPath = (String) columns.get("path");
        return Map.of("path", (org.maho.datasync.sink.Deferred) () -> parentPath + "/" + ref.requireId());
    }

    /**
     * After the run: the categories it found existing may have moved to another parent, so their paths and levels,
     * and their descendants', follow their parent_id; and every category's children count is recounted.
     */
    @Override
    public void finish(SyncJob job, Connection destination) throws SQLException {
        CategoryTree tree = CategoryTree.load(job.destination(), destination);
        Map<Long, String[]> changes = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        Map<Long, Integer> levels = new HashMap<>();
        for (CategoryTree.Node node : tree.nodes()) {
            paths.put(node.id(), node.path());
            levels.put(node.id(), node.level());
        }
        Set<Long> moved = job.cached(MOVED, HashSet::new);
        for (CategoryTree.Node node : tree.nodes()) {
            // nodes come by level: a parent's path is final before its children's
            if (moved.contains(node.id()) || moved.contains(node.parentId()) && changes.containsKey(node.parentId())) {
                CategoryTree.Node parent = tree.node(node.parentId());
                if (parent == null) {
                    continue;
                }
                String path = paths.get(parent.id()) + "/" + node.id();
                int level = levels.get(parent.id()) + 1;
                if (!path.equals(node.path()) || level != node.level()) {
                    paths.put(node.id(), path);
                    levels.put(node.id(), level);
                    changes.put(node.id(), new String[] {path, String.valueOf(level)});
                    moved.addAll(tree.descendants(node.id()));
                }
            }
        }
        Map<Long, Integer> counts = new HashMap<>();
        for (Map.Entry<Long, String> path : paths.entrySet()) {
            for (String ancestor : path.getValue().split("/")) {
                long id = Long.parseLong(ancestor);
                if (id != path.getKey()) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        try (PreparedStatement statement = destination.prepareStatement("UPDATE "
                + job.destination().table("catalog_category_entity") + " SET path = ?, level = ?, children_count = ? WHERE entity_id = ?")) {
            for (CategoryTree.Node node : tree.nodes()) {
                int count = counts.getOrDefault(node.id(), 0);
                if (changes.containsKey(node.id()) || count != node.childrenCount()) {
                    statement.setString(1, paths.get(node.id()));
                    statement.setInt(2, levels.get(node.id()));
                    statement.setInt(3, count);
                    statement.setLong(4, node.id());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
        job.forget(CategoryTree.cacheKey(job.destination()));
    }

    /** A category deleted at the source is deactivated: its products keep their other categories. */
    @Override
    public boolean retireTargets(SyncJob job, Connection destination, Collection<Long> ids) throws SQLException {
        setIntValue(job, destination, ENTITY_TYPE, "is_active", 0, ids);
        return true;
    }

    /** A url key as the shop makes one from a name: lower case, letters and digits, dashes between. */
    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The destination's default root category: the default website's default store group's root. */
    public static Long defaultRoot(SyncJob job) {
        ShopMetadata shop = ShopMetadata.of(job.destination());
        return shop.defaultWebsite().flatMap(w -> shop.storeGroup(w.defaultGroupId()))
                .map(ShopMetadata.StoreGroup::rootCategoryId).orElse(null);
    }
}
