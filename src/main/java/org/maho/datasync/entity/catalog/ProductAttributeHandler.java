package org.maho.datasync.entity.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.entity.AttributeHandler;
import org.maho.datasync.job.SyncJob;

/**
 * Product attribute definitions (see {@link AttributeHandler}), and the attributes of product links (a grouped
 * link's qty, a related link's position) by link type code and attribute code: a link attribute the destination
 * lacks (an old shop's related-product qty) is created, so that the links' values have a place.
 */
public final class ProductAttributeHandler extends AttributeHandler {

    public ProductAttributeHandler() {
        super("productattribute", "catalog_product", CATALOG, List.of(), "product_attribute", "attribute");
    }

    @Override
    public void finish(SyncJob job, Connection destination) throws SQLException {
        String table = "catalog_product_link_attribute";
        if (job.source() == null || !job.source().hasTable(table) || !job.destination().hasTable(table)) {
            return;
        }
        String query = "SELECT t.code, a.product_link_attribute_code, a.data_type FROM %s a JOIN %s t ON t.link_type_id = a.link_type_id";
        List<String[]> wanted = new ArrayList<>();
        java.util.Map<String, String> typeCodes = new java.util.HashMap<>();
        job.source().select(null, TableQuery.from("catalog_product_link_type").columns("link_type_id", "code"),
                row -> typeCodes.put(row.get("link_type_id"), row.get("code")));
        job.source().select(null, TableQuery.from(table).columns("link_type_id", "product_link_attribute_code", "data_type"), row -> {
            if (typeCodes.containsKey(row.get("link_type_id"))) {
                wanted.add(new String[] {typeCodes.get(row.get("link_type_id")), row.get("product_link_attribute_code"), row.get("data_type")});
            }
        });
        Set<String> present = new HashSet<>();
        Sql.query(destination, String.format(query, job.destination().table(table), job.destination().table("catalog_product_link_type")),
                List.of(), row -> present.add(row.getString(1) + "|" + row.getString(2)));
        for (String[] attribute : wanted) {
            if (present.contains(attribute[0] + "|" + attribute[1])) {
                continue;
            }
            int created = Sql.update(destination, "INSERT INTO " + job.destination().table(table)
                    + " (link_type_id, product_link_attribute_code, data_type) SELECT link_type_id, ?, ? FROM "
                    + job.destination().table("catalog_product_link_type") + " WHERE code = ?",
                    List.of(attribute[1], attribute[2], attribute[0]));
            if (created > 0) {
                job.report().warn("productattribute: product link attribute " + attribute[0] + "." + attribute[1]
                        + " created on the destination, which lacked it");
            }
        }
    }
}
