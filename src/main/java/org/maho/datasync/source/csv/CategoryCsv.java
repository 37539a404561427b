package org.maho.datasync.source.csv;

import java.util.Map;
import java.util.Set;
import org.maho.datasync.entity.catalog.CategoryHandler;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * The original tool's categories.csv: {@code entity_id,parent_id,name,description,url_key,is_active,
 * include_in_menu,position,meta_title,meta_description}, and any other category attribute by code.
 * {@code parent_id} is the file's own id of the parent, whose line may come later; 0, 1 and 2 (a shop's tree
 * root and default root category) mean the destination's default root category.
 */
final class CategoryCsv {

    private static final Set<String> ROOT_PARENTS = Set.of("0", "1", "2");

    private CategoryCsv() {}

    static Record toRecord(CsvRow row, SyncJob job) {
        Record record = new Record(CategoryHandler.ENTITY_TYPE, row.get("entity_id"), row.origin());
        String parent = row.get("parent_id");
        if (parent == null || ROOT_PARENTS.contains(parent)) {
            Long root = CategoryHandler.defaultRoot(job);
            String key = root == null ? null : CategoryHandler.destinationTree(job).key(root);
            record.put("parent_id", new Ref("category", null, key, Ref.Missing.INVALID));
        } else {
            record.put("parent_id", new Ref("category", parent, null, Ref.Missing.INVALID));
        }
        for (Map.Entry<String, String> cell : row.values().entrySet()) {
            String column = cell.getKey();
            if (!column.equals("entity_id") && !column.equals("parent_id") && cell.getValue() != null && !cell.getValue().isEmpty()) {
                record.put(column, cell.getValue());
            }
        }
        if (record.get("url_key") == null && record.get("name") != null) {
            record.put("url_key", CategoryHandler.slug(record.text("name")));
        }
        return record;
    }
}
