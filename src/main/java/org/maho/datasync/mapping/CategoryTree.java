package org.maho.datasync.mapping;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;

/**
 * One shop's category tree: each category's place ({@code path}, level) and its natural key, the path of
 * url keys from its root category, whose own segment is its name (root categories are matched by name):
 * "root catalog/electronics/cameras". The tree root (level 0) has the empty key. Categories are few, so the
 * whole tree is read at once.
 */
public final class CategoryTree {

    public record Node(long id, long parentId, String path, int level, int childrenCount, String name, String urlKey) {
        /** The parent by path, which a shop's tree is built from; parent_id can disagree in old shops. */
        public long parentByPath() {
            String[] ids = path.split("/");
            return ids.length < 2 ? 0 : Long.parseLong(ids[ids.length - 2]);
        }
    }

    private final Map<Long, Node> nodes = new LinkedHashMap<>();
    private final Map<Long, String> keys = new HashMap<>();
    private final Map<String, Long> idsByKey = new HashMap<>();

    /** Where a run keeps what it computed once: a job's cache. */
    public interface Cache {
        <T> T cached(String key, java.util.function.Supplier<T> compute);
    }

    /** The key a shop's tree is cached by, to forget it once a run changed the tree. */
    public static String cacheKey(ShopDatabase shop) {
        return "category-tree:" + shop.role();
    }

    /** A shop's tree, loaded once per run. */
    public static CategoryTree of(ShopDatabase shop, Cache cache) {
        return cache.cached(cacheKey(shop), () -> {
            try (Connection connection = shop.connection()) {
                return load(shop, connection);
            } catch (SQLException e) {
                throw org.maho.datasync.db.SqlErrors.wrap("Reading the category tree of the " + shop.role(), e);
            }
        });
    }

    /** Loads a shop's tree on a connection of the caller's (a transaction that changed it). */
    public static CategoryTree load(ShopDatabase shop, Connection connection) throws SQLException {
        CategoryTree tree = new CategoryTree();
        ShopMetadata metadata = ShopMetadata.of(shop);
        int name = metadata.attribute("catalog_category", "name").map(ShopMetadata.Attribute::id).orElse(-1);
        int urlKey = metadata.attribute("catalog_category", "url_key").map(ShopMetadata.Attribute::id).orElse(-1);
        String values = shop.table("catalog_category_entity_varchar");
        Sql.query(connection, "SELECT e.entity_id, e.parent_id, e.path, e.level, e.children_count,"
                + " (SELECT v.value FROM " + values + " v WHERE v.entity_id = e.entity_id AND v.attribute_id = ? AND v.store_id = 0),"
                + " (SELECT v.value FROM " + values + " v WHERE v.entity_id = e.entity_id AND v.attribute_id = ? AND v.store_id = 0)"
                + " FROM " + shop.table("catalog_category_entity") + " e ORDER BY e.level, e.entity_id", List.of(name, urlKey), row ->
                tree.nodes.put(row.getLong(1), new Node(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
                        row.getInt(5), row.getString(6), row.getString(7))));
        for (Node node : tree.nodes.values()) {
            String key = tree.keyOf(node);
            if (key != null) {
                tree.keys.put(node.id(), key);
                tree.idsByKey.putIfAbsent(key, node.id());
            }
        }
        return tree;
    }

    private String keyOf(Node node) {
        if (node.level() == 0) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String id : node.path().split("/")) {
            Node step = nodes.get(Long.parseLong(id));
            if (step == null) {
                return null;
            }
            if (step.level() == 0) {
                continue;
            }
            String segment = segment(step.level() == 1, step.name(), step.urlKey());
            if (segment == null) {
                return null;
            }
            key.append(key.length() == 0 ? "" : "/").append(segment);
        }
        return key.toString();
    }

    /** A root category is known by its name, any other by its url key (its name when it has none). */
    public static String segment(boolean root, String name, String urlKey) {
        String segment = root || urlKey == null || urlKey.isBlank() ? name : urlKey;
        return segment == null ? null : segment.trim().toLowerCase(Locale.ROOT);
    }

    public Node node(long id) {
        return nodes.get(id);
    }

    public String key(long id) {
        return keys.get(id);
    }

    public Long idOf(String key) {
        return idsByKey.get(key);
    }

    public Collection<Node> nodes() {
        return nodes.values();
    }

    /** Ids below the given category, at any depth. */
    public List<Long> descendants(long id) {
        Node top = nodes.get(id);
        List<Long> below = new ArrayList<>();
        if (top == null) {
            return below;
        }
        for (Node node : nodes.values()) {
            if (node.path().startsWith(top.path() + "/")) {
                below.add(node.id());
            }
        }
        return below;
    }
}
