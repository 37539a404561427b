package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.source.magento2.Magento2Classes;

/**
 * The attributes of a generated OpenMage shop in a Magento 2 install, and their values, as Magento's migration tool moves
 * them: an attribute Magento 2 lacks is created with the Magento 2 classes its models became (Magento's class map), its
 * properties, labels and options; options Magento 2's attribute of the same code lacks are added; values move to
 * Magento 2's attribute and option ids, by code and label.
 */
final class Magento2Eav {

    /** Columns of eav_attribute both shops have, models included. */
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("attribute_code", "attribute_model", "backend_model", "backend_type",
            "backend_table", "frontend_model", "frontend_input", "frontend_label", "frontend_class", "source_model", "is_required",
            "is_user_defined", "default_value", "is_unique", "note");
    private static final List<String> MODEL_COLUMNS = List.of("attribute_model", "backend_model", "frontend_model", "source_model");
    private static final List<String> BACKEND_TYPES = List.of("varchar", "int", "decimal", "datetime", "text");
    /**
     * Product attributes Magento's migration tool does not move (the "ignore" group of eav-attribute-groups.xml.dist) that
     * Magento 2 lacks: their values stay behind.
     */
    private static final List<String> NOT_MOVED = List.of("msrp_enabled", "group_price", "is_recurring", "recurring_profile");

    private final Connection connection;
    private final String openMage;
    private final ShopSql sql;

    Magento2Eav(Connection connection, String openMage, ShopSql sql) {
        this.connection = connection;
        this.openMage = openMage;
        this.sql = sql;
    }

    /** Creates what the attributes of these entity types need, and maps every attribute and option id (temporary tables). */
    void attributes(List<String> entityTypes) throws SQLException {
        sql.execute("CREATE TEMPORARY TABLE attribute_map (old_id INT UNSIGNED PRIMARY KEY, new_id INT UNSIGNED NOT NULL, created TINYINT NOT NULL)");
        sql.execute("CREATE TEMPORARY TABLE option_map (old_id INT UNSIGNED PRIMARY KEY, new_id INT UNSIGNED NOT NULL)");
        String types = "'" + String.join("', '", entityTypes) + "'";
        Object lastBefore = sql.rows("SELECT MAX(attribute_id) id FROM eav_attribute").get(0).get("id");
        List<Map<String, Object>> missing = sql.rows("SELECT a.*, t.entity_type_code FROM " + openMage + "eav_attribute a JOIN " + openMage
                + "eav_entity_type t ON t.entity_type_id = a.entity_type_id WHERE t.entity_type_code IN (" + types + ") AND NOT EXISTS"
                + " (SELECT 1 FROM eav_attribute b JOIN eav_entity_type u ON u.entity_type_id = b.entity_type_id WHERE u.entity_type_code"
                + " = t.entity_type_code AND b.attribute_code = a.attribute_code) AND NOT (t.entity_type_code = 'catalog_product' AND"
                + " a.attribute_code IN ('" + String.join("', '", NOT_MOVED) + "'))");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eav_attribute (entity_type_id, "
                + String.join(", ", ATTRIBUTE_COLUMNS) + ") SELECT entity_type_id" + ", ?".repeat(ATTRIBUTE_COLUMNS.size())
                + " FROM eav_entity_type WHERE entity_type_code = ?")) {
            for (Map<String, Object> attribute : missing) {
                int i = 1;
                for (String column : ATTRIBUTE_COLUMNS) {
                    Object value = attribute.get(column);
                    insert.setObject(i++, MODEL_COLUMNS.contains(column) && value != null
                            ? Magento2Classes.magento2Class(value.toString()).orElse(null) : value);
                }
                insert.setObject(i, attribute.get("entity_type_code"));
                insert.executeUpdate();
            }
        }
        sql.execute("INSERT INTO attribute_map SELECT a.attribute_id, b.attribute_id, b.attribute_id > " + lastBefore + " FROM " + openMage + "eav_attribute a JOIN " + openMage + "eav_entity_type t ON"
                + " t.entity_type_id = a.entity_type_id JOIN eav_entity_type u ON u.entity_type_code = t.entity_type_code JOIN"
                + " eav_attribute b ON b.entity_type_id = u.entity_type_id AND b.attribute_code = a.attribute_code WHERE"
                + " t.entity_type_code IN (" + types + ")");
        for (String properties : List.of("catalog_eav_attribute", "customer_eav_attribute")) {
            List<String> shared = new ArrayList<>(sql.columns(openMage, properties));
            shared.retainAll(sql.columns("", properties));
            shared.remove("attribute_id");
            sql.execute("INSERT INTO " + properties + " (attribute_id, " + String.join(", ", shared) + ") SELECT m.new_id, s."
                    + String.join(", s.", shared) + " FROM " + openMage + properties + " s JOIN attribute_map m ON m.old_id = s.attribute_id"
                    + " WHERE m.created = 1");
        }
        sql.execute("INSERT INTO eav_attribute_label (attribute_id, store_id, value) SELECT m.new_id, l.store_id, l.value FROM " + openMage
                + "eav_attribute_label l JOIN attribute_map m ON m.old_id = l.attribute_id WHERE m.created = 1");
        sql.execute("INSERT INTO customer_form_attribute (form_code, attribute_id) SELECT f.form_code, m.new_id FROM " + openMage
                + "customer_form_attribute f JOIN attribute_map m ON m.old_id = f.attribute_id WHERE m.created = 1");
        options();
    }

    /**
     * The attribute sets of an entity type by name, with their groups by name and their attributes: those Magento 2 lacks
     * are added (a group's code made of its name, as Magento 2's are).
     */
    void sets(String entityType) throws SQLException {
        String type = "(SELECT entity_type_id FROM eav_entity_type WHERE entity_type_code = '" + entityType + "')";
        String oldType = "(SELECT entity_type_id FROM " + openMage + "eav_entity_type WHERE entity_type_code = '" + entityType + "')";
        sql.execute("INSERT INTO eav_attribute_set (entity_type_id, attribute_set_name, sort_order) SELECT " + type + ", o.attribute_set_name,"
                + " o.sort_order FROM " + openMage + "eav_attribute_set o WHERE o.entity_type_id = " + oldType + " AND NOT EXISTS (SELECT 1"
                + " FROM eav_attribute_set n WHERE n.entity_type_id = " + type + " AND n.attribute_set_name = o.attribute_set_name)");
        String setByName = "eav_attribute_set n JOIN " + openMage + "eav_attribute_set o ON o.attribute_set_name = n.attribute_set_name"
                + " AND o.entity_type_id = " + oldType + " AND n.entity_type_id = " + type;
        sql.execute("INSERT INTO eav_attribute_group (attribute_set_id, attribute_group_name, sort_order, attribute_group_code) SELECT"
                + " n.attribute_set_id, g.attribute_group_name, g.sort_order, TRIM(BOTH '-' FROM LOWER(REGEXP_REPLACE(g.attribute_group_name,"
                + " '[^A-Za-z0-9]+', '-'))) FROM " + setByName + " JOIN " + openMage + "eav_attribute_group g ON g.attribute_set_id ="
                + " o.attribute_set_id WHERE NOT EXISTS (SELECT 1 FROM eav_attribute_group x WHERE x.attribute_set_id = n.attribute_set_id"
                + " AND x.attribute_group_name = g.attribute_group_name)");
        sql.execute("INSERT IGNORE INTO eav_entity_attribute (entity_type_id, attribute_set_id, attribute_group_id, attribute_id, sort_order)"
                + " SELECT n.entity_type_id, n.attribute_set_id, x.attribute_group_id, m.new_id, e.sort_order FROM " + setByName + " JOIN "
                + openMage + "eav_entity_attribute e ON e.attribute_set_id = o.attribute_set_id JOIN " + openMage + "eav_attribute_group g ON"
                + " g.attribute_group_id = e.attribute_group_id JOIN eav_attribute_group x ON x.attribute_set_id = n.attribute_set_id AND"
                + " x.attribute_group_name = g.attribute_group_name JOIN attribute_map m ON m.old_id = e.attribute_id");
    }

    /** An entity's attribute set as Magento 2's set of the same name, as an expression over the OpenMage row {@code s}. */
    String setByName(String entityType) {
        return "COALESCE((SELECT n.attribute_set_id FROM eav_attribute_set n JOIN eav_entity_type t ON t.entity_type_id = n.entity_type_id"
                + " AND t.entity_type_code = '" + entityType + "' JOIN " + openMage + "eav_attribute_set o ON o.attribute_set_name ="
                + " n.attribute_set_name WHERE o.attribute_set_id = s.attribute_set_id), s.attribute_set_id)";
    }

    /** Each option of the generated shop as the option of Magento 2's attribute with its admin label, added where it lacks one. */
    private void options() throws SQLException {
        List<Map<String, Object>> options = sql.rows("SELECT o.option_id, m.new_id, o.sort_order, v.value FROM " + openMage
                + "eav_attribute_option o JOIN attribute_map m ON m.old_id = o.attribute_id JOIN " + openMage + "eav_attribute_option_value"
                + " v ON v.option_id = o.option_id AND v.store_id = 0 ORDER BY o.option_id");
        for (Map<String, Object> option : options) {
            List<Map<String, Object>> same = sql.rows("SELECT o.option_id FROM eav_attribute_option o JOIN eav_attribute_option_value v ON"
                    + " v.option_id = o.option_id AND v.store_id = 0 WHERE o.attribute_id = " + option.get("new_id") + " AND v.value = "
                    + quoted(option.get("value")));
            long id;
            if (same.isEmpty()) {
                sql.execute("INSERT INTO eav_attribute_option (attribute_id, sort_order) VALUES (" + option.get("new_id") + ", "
                        + option.get("sort_order") + ")");
                id = sql.lastInsertId();
                sql.execute("INSERT INTO eav_attribute_option_value (option_id, store_id, value) SELECT " + id + ", store_id, value FROM "
                        + openMage + "eav_attribute_option_value WHERE option_id = " + option.get("option_id"));
            } else {
                id = ((Number) same.get(0).get("option_id")).longValue();
            }
            sql.execute("INSERT INTO option_map VALUES (" + option.get("option_id") + ", " + id + ")");
        }
    }

    /**
     * Copies the values of an entity table's attributes that Magento 2 keeps in value tables (not its static columns),
     * option ids as Magento 2's.
     */
    void values(String entityTable, boolean scoped) throws SQLException {
        String store = scoped ? "store_id, " : "";
        for (String type : BACKEND_TYPES) {
            // an option id where the attribute has options of its own (not a source model's values, such as a yes/no)
            String value = type.equals("int") ? "IF(EXISTS (SELECT 1 FROM " + openMage + "eav_attribute_option x WHERE x.attribute_id ="
                    + " v.attribute_id), COALESCE((SELECT o.new_id FROM option_map o WHERE o.old_id = v.value), v.value), v.value)" : "v.value";
            sql.execute("DELETE FROM " + entityTable + "_" + type);
            sql.execute("INSERT INTO " + entityTable + "_" + type + " (attribute_id, " + store + "entity_id, value) SELECT m.new_id, "
                    + (scoped ? "v.store_id, " : "") + "v.entity_id, " + value + " FROM " + openMage + entityTable + "_" + type + " v JOIN"
                    + " attribute_map m ON m.old_id = v.attribute_id JOIN eav_attribute a ON a.attribute_id = m.new_id AND a.backend_type = '"
                    + type + "'");
        }
        // a multiselect's value lists its options' ids
        List<Map<String, Object>> lists = sql.rows("SELECT v.value_id, v.value FROM " + entityTable + "_varchar v JOIN eav_attribute a ON"
                + " a.attribute_id = v.attribute_id AND a.frontend_input = 'multiselect' WHERE v.value <> ''");
        Map<String, String> optionIds = new HashMap<>();
        sql.rows("SELECT old_id, new_id FROM option_map").forEach(row -> optionIds.put(row.get("old_id").toString(), row.get("new_id").toString()));
        List<Object[]> rewritten = new ArrayList<>();
        for (Map<String, Object> list : lists) {
            List<String> ids = new ArrayList<>();
            for (String id : list.get("value").toString().split(",")) {
                ids.add(optionIds.getOrDefault(id.trim(), id.trim()));
            }
            rewritten.add(new Object[] {String.join(",", ids), list.get("value_id")});
        }
        sql.update("UPDATE " + entityTable + "_varchar SET value = ? WHERE value_id = ?", rewritten);
    }

    private static String quoted(Object text) {
        return "'" + text.toString().replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
