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
import org.maho.datasync.db.TableQuery;

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
            try {
                return load(shop, null);
            } catch (SQLException e) {
                throw org.maho.datasync.db.SqlErrors.wrap("Reading the category tree of the " + shop.role(), e);
            }
        });
    }

    /** Loads a shop's tree on a connection of the caller's (a transaction that changed it), or as the shop reads itself (null). */
    public static CategoryTree load(ShopDatabase shop, Connection connection) throws SQLException {
        CategoryTree tree = new CategoryTree();
        ShopMetadata metadata = ShopMetadata.of(shop);
        int name = metadata.attribute("catalog_category", "name").map(ShopMetadata.Attribute::id).orElse(-1);
        int urlKey = metadata.attribute("catalog_category", "url_key").map(ShopMetadata.Attribute::id).orElse(-1);
        // the name and url key each category has at store 0
        Map<Long, String[]> labels = new HashMap<>();
        shop.select(connection, TableQuery.from("catalog_category_entity_varchar").columns("entity_id", "attribute_id", "value")
                .whereIn("attribute_id", List.of(name, urlKey)).where("store_id", TableQuery.Op.EQ, 0), row -> {
                    String[] pair = labels.computeIfAbsent(Long.valueOf(row.get("entity_id")), k -> new String[2]);
                    pair[Integer.parseInt(row.get("attribute_id")) == name ? 0 : 1] = row.get("value");
                });
        List<Node> read = new ArrayList<>();
        shop.select(connection, TableQuery.from("catalog_category_entity")
                .columns("entity_id", "parent_id", "path", "level", "children_count"), row -> {
                    long id = Long.parseLong(row.get("entity_id"));
                    String[] pair = labels.getOrDefault(id, new String[2]);
                    read.add(new Node(id, Long.parseLong(row.get("parent_id")), row.get("path"), Integer.parseInt(row.get("level")),
                            Integer.parseInt(row.get("children_count")), pair[0], pair[1]));
                });
        read.sort(java.util.Comparator.comparingInt(Node::level).thenComparingLong(Node::id));
        read.forEach(node -> tree.nodes.put(node.id(), node));
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
