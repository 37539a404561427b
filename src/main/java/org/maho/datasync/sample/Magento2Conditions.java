package org.maho.datasync.sample;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maho.datasync.model.PhpSerialized;
import org.maho.datasync.source.magento2.Magento2Classes;

/**
 * A price rule's conditions and actions as a Magento 2 shop made of a generated OpenMage shop keeps them: JSON where
 * OpenMage keeps PHP-serialized data, each condition's type the Magento 2 class Magento's class map names for
 * OpenMage's alias, and the ids a condition compares with Magento 2's: options (by label, {@link Magento2Eav}'s
 * option_map), attribute sets by name, regions by country and code. Categories keep their ids (the catalog moves
 * with its ids).
 */
final class Magento2Conditions {

    private final ShopSql sql;
    private final Map<String, String> options = new HashMap<>();
    private final Map<String, String> sets = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final Set<String> withOptions = new HashSet<>();

    Magento2Conditions(ShopSql sql, String openMage) throws SQLException {
        this.sql = sql;
        sql.rows("SELECT old_id, new_id FROM option_map").forEach(row -> options.put(text(row.get("old_id")), text(row.get("new_id"))));
        sql.rows("SELECT o.attribute_set_id old_id, n.attribute_set_id new_id FROM " + openMage + "eav_attribute_set o JOIN "
                + openMage + "eav_entity_type t ON t.entity_type_id = o.entity_type_id JOIN eav_entity_type u ON u.entity_type_code ="
                + " t.entity_type_code JOIN eav_attribute_set n ON n.entity_type_id = u.entity_type_id AND n.attribute_set_name ="
                + " o.attribute_set_name").forEach(row -> sets.put(text(row.get("old_id")), text(row.get("new_id"))));
        sql.rows("SELECT o.region_id old_id, r.region_id new_id FROM " + openMage + "directory_country_region o JOIN"
                + " directory_country_region r ON r.country_id = o.country_id AND r.code = o.code")
                .forEach(row -> regions.put(text(row.get("old_id")), text(row.get("new_id"))));
        sql.rows("SELECT DISTINCT a.attribute_code FROM " + openMage + "eav_attribute a JOIN " + openMage + "eav_attribute_option o ON"
                + " o.attribute_id = a.attribute_id").forEach(row -> withOptions.add(text(row.get("attribute_code"))));
    }

    /** Rewrites one column of a rule table, copied as OpenMage keeps it, as Magento 2 keeps it. */
    void rewrite(String table, String column) throws SQLException {
        List<Object[]> rewritten = new ArrayList<>();
        for (Map<String, Object> row : sql.rows("SELECT rule_id, " + column + " value FROM " + table + " WHERE " + column
                + " IS NOT NULL AND " + column + " <> ''")) {
            Object conditions = PhpSerialized.parse(row.get("value").toString());
            rewritten.add(new Object[] {PhpToJson.jsonOf(asMagento2(conditions)), row.get("rule_id")});
        }
        sql.update("UPDATE " + table + " SET " + column + " = ? WHERE rule_id = ?", rewritten);
    }

    @SuppressWarnings("unchecked")
    private Object asMagento2(Object value) {
        if (!(value instanceof Map<?, ?> array)) {
            return value;
        }
        Map<Object, Object> node = (Map<Object, Object>) array;
        Object type = node.get("type");
        if (type instanceof String alias) {
            node.put("type", Magento2Classes.magento2Class(alias).orElse(alias));
        }
        Object attribute = node.get("attribute");
        if (attribute instanceof String code && node.containsKey("value")) {
            Map<String, String> ids = switch (code) {
                case "attribute_set_id" -> sets;
                case "region_id" -> regions;
                default -> withOptions.contains(code) ? options : null;
            };
            if (ids != null) {
                node.put("value", mapped(node.get("value"), ids));
            }
        }
        node.replaceAll((key, child) -> key.equals("conditions") || key.equals("actions") ? asMagento2List(child) : child);
        return node;
    }

    @SuppressWarnings("unchecked")
    private Object asMagento2List(Object value) {
        if (value instanceof Map<?, ?> list) {
            ((Map<Object, Object>) list).replaceAll((index, child) -> asMagento2(child));
        }
        return value;
    }

    /** A condition's value, an id, ids separated by commas, or a list of ids, with each id mapped. */
    @SuppressWarnings("unchecked")
    private static Object mapped(Object value, Map<String, String> ids) {
        if (value instanceof Map<?, ?> list) {
            ((Map<Object, Object>) list).replaceAll((index, id) -> id == null ? null : ids.getOrDefault(text(id).trim(), text(id).trim()));
            return list;
        }
        if (value == null) {
            return null;
        }
        List<String> mapped = new ArrayList<>();
        for (String id : text(value).split(",")) {
            mapped.add(ids.getOrDefault(id.trim(), id.trim()));
        }
        return String.join(text(value).contains(", ") ? ", " : ",", mapped);
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }
}
