package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.maho.datasync.db.SqlScript;

/** Creates the OpenMage tables DataSync touches, from the project's own DDL under schema/openmage. */
public final class ShopSchema {

    private static final List<String> SCRIPTS = List.of(
            "schema/openmage/01-core.sql",
            "schema/openmage/02-eav.sql",
            "schema/openmage/10-customer.sql",
            "schema/openmage/20-catalog.sql",
            "schema/openmage/30-sales.sql",
            "schema/openmage/40-content.sql",
            "schema/openmage/50-tax-reviews-tags.sql",
            "schema/openmage/60-rules.sql");
    private static final String VALUE_TABLES = "schema/openmage/eav-value-tables.sql.template";

    /** Entity tables and whether their value tables are store-scoped. */
    private static final List<Object[]> EAV_ENTITIES = List.of(
            new Object[] {"customer_entity", false},
            new Object[] {"customer_address_entity", false},
            new Object[] {"catalog_product_entity", true},
            new Object[] {"catalog_category_entity", true});

    private ShopSchema() {}

    public static void install(Connection connection) throws SQLException {
        for (String script : SCRIPTS) {
            SqlScript.run(connection, script);
        }
        String template = SqlScript.read(VALUE_TABLES);
        for (Object[] entity : EAV_ENTITIES) {
            String table = (String) entity[0];
            boolean scoped = (Boolean) entity[1];
            String ddl = template
                    .replace("${store_column}", scoped ? "\n  `store_id` smallint(5) unsigned NOT NULL DEFAULT 0," : "")
                    .replace("${store_key}", scoped ? ", `store_id`" : "")
                    .replace("${ENTITY}", table.toUpperCase(Locale.ROOT))
                    .replace("${entity}", table);
            try (Statement statement = connection.createStatement()) {
                for (String sql : SqlScript.split(ddl)) {
                    statement.execute(sql);
                }
            }
        }
    }
}
