package org.maho.datasync.source.woocommerce;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maho.datasync.db.DatabaseUnavailableException;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.model.PhpSerialized;

/**
 * A WordPress database as WooCommerce keeps its shop there: posts and their meta, users and theirs, terms, options.
 * Its tables are named with the shop's prefix ({@code --db-prefix}); WordPress cannot run without one, so none given
 * means its default, {@code wp_}.
 */
final class WordPress {

    static final String DEFAULT_PREFIX = "wp_";

    private final ShopDatabase database;
    private final String prefix;

    WordPress(ShopDatabase database) {
        this.database = database;
        this.prefix = database.settings().tablePrefix().isEmpty() ? DEFAULT_PREFIX : "";
        if (!hasTable("posts") || !hasTable("postmeta")) {
            String given = database.settings().tablePrefix().isEmpty() ? DEFAULT_PREFIX : database.settings().tablePrefix();
            throw new IllegalStateException(describe() + " has no WordPress tables named with the prefix '" + given + "' (no "
                    + given + "posts): give the shop's table prefix ($table_prefix in wp-config.php) with --db-prefix");
        }
    }

    /** A query on one of the shop's tables, by its name without the prefix ("posts"). */
    TableQuery from(String table) {
        return TableQuery.from(prefix + table);
    }

    boolean hasTable(String table) {
        return database.hasTable(prefix + table);
    }

    String describe() {
        return database.settings().describe();
    }

    /** Every row a query reads, in order. */
    List<Map<String, String>> rows(TableQuery query) {
        List<Map<String, String>> rows = new ArrayList<>();
        try {
            database.select(null, query, rows::add);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read " + query.table() + " of the WordPress database "
                    + describe() + ": " + ShopDatabase.rootMessage(e), e);
        }
        return rows;
    }

    /** The meta of these objects (posts, users, order items) by object id, each key's first value. */
    Map<String, Map<String, String>> meta(String table, String idColumn, Collection<String> ids) {
        Map<String, Map<String, String>> meta = new HashMap<>();
        if (ids.isEmpty()) {
            return meta;
        }
        for (Map<String, String> row : rows(from(table).columns(idColumn, "meta_key", "meta_value").whereIn(idColumn, ids)
                .orderBy("usermeta".equals(table) ? "umeta_id" : "meta_id"))) {
            meta.computeIfAbsent(row.get(idColumn), id -> new LinkedHashMap<>()).putIfAbsent(row.get("meta_key"), row.get("meta_value"));
        }
        return meta;
    }

    Map<String, Map<String, String>> postMeta(Collection<String> postIds) {
        return meta("postmeta", "post_id", postIds);
    }

    /** One option of the shop ({@code wp_options}), if it is set. */
    Optional<String> option(String name) {
        return rows(from("options").columns("option_value").where("option_name", TableQuery.Op.EQ, name)).stream()
                .map(row -> row.get("option_value")).findFirst();
    }

    /** Posts of one type, a page of them after the id {@code after}, by id. */
    List<Map<String, String>> posts(String type, long after, int limit) {
        return rows(from("posts").where("post_type", TableQuery.Op.EQ, type).where("ID", TableQuery.Op.GT, after)
                .orderBy("ID").limit(limit));
    }

    /** Posts by their parent, of one type (a variable product's variations, an order's refunds), by id. */
    List<Map<String, String>> children(String type, Collection<String> parents) {
        if (parents.isEmpty()) {
            return List.of();
        }
        return rows(from("posts").where("post_type", TableQuery.Op.EQ, type).whereIn("post_parent", parents).orderBy("ID"));
    }

    /** The terms these objects belong to, by object id: each as its term taxonomy id. */
    Map<String, List<String>> termsOf(Collection<String> objectIds) {
        Map<String, List<String>> terms = new HashMap<>();
        if (!objectIds.isEmpty()) {
            for (Map<String, String> row : rows(from("term_relationships").whereIn("object_id", objectIds).orderBy("term_order"))) {
                terms.computeIfAbsent(row.get("object_id"), id -> new ArrayList<>()).add(row.get("term_taxonomy_id"));
            }
        }
        return terms;
    }

    /** Every term of the shop with its taxonomy: categories, attribute values, product types, visibility flags. */
    Terms terms() {
        Map<String, Map<String, String>> names = new HashMap<>();
        for (Map<String, String> row : rows(from("terms").columns("term_id", "name", "slug"))) {
            names.put(row.get("term_id"), row);
        }
        Map<String, String> order = new HashMap<>();
        if (hasTable("termmeta")) {
            for (Map<String, String> row : rows(from("termmeta").columns("term_id", "meta_value").where("meta_key", TableQuery.Op.EQ, "order"))) {
                order.put(row.get("term_id"), row.get("meta_value"));
            }
        }
        Map<String, Terms.Term> byTaxonomyId = new LinkedHashMap<>();
        for (Map<String, String> row : rows(from("term_taxonomy").orderBy("term_taxonomy_id"))) {
            Map<String, String> term = names.get(row.get("term_id"));
            if (term != null) {
                byTaxonomyId.put(row.get("term_taxonomy_id"), new Terms.Term(row.get("term_taxonomy_id"), row.get("term_id"),
                        row.get("taxonomy"), term.get("name"), term.get("slug"), row.get("parent"), row.get("description"),
                        order.get(row.get("term_id"))));
            }
        }
        return new Terms(byTaxonomyId);
    }

    /** A PHP-serialized meta value as a map, list entries by position; empty when it is none or not an array. */
    static Map<?, ?> array(String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return Map.of();
        }
        try {
            return PhpSerialized.parse(serialized) instanceof Map<?, ?> map ? map : Map.of();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** A serialized array's values as text, in order (a grouped product's children, a gallery's ids). */
    static List<String> list(String serialized) {
        List<String> values = new ArrayList<>();
        for (Object value : array(serialized).values()) {
            if (value != null) {
                values.add(value.toString());
            }
        }
        return values;
    }
}
