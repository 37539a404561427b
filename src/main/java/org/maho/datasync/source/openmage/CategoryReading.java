package org.maho.datasync.source.openmage;

import java.util.List;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.db.TableQuery.Op;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.CategoryTree;
import org.maho.datasync.model.Ref;
import org.maho.datasync.model.StoredRow;
import org.maho.datasync.model.TableShape;

/**
 * Categories below the tree root (level 0 is every shop's own). A category's parent comes from its path, which the
 * shop's tree is built from: old shops' parent_id can disagree with it.
 */
final class CategoryReading implements OpenMageReading {

    @Override
    public List<List<Condition>> passes(SyncJob job) {
        return List.of(List.of(new Condition("level", Op.GT, List.of(0))));
    }

    @Override
    public Object portableColumn(SyncJob job, TableShape shape, String column, StoredRow row, StoredRow parent) {
        if (!shape.name().isEmpty() || !"parent_id".equals(column)) {
            return null;
        }
        CategoryTree source = CategoryTree.of(job.source(), job::cached);
        CategoryTree.Node node = source.node(row.id());
        long parentId = node == null ? Long.parseLong(row.column("parent_id")) : node.parentByPath();
        if (node != null && node.parentId() != parentId) {
            job.report().warn("category: parent_id and path disagree at the source (entity_id " + row.id()
                    + "); the path's parent " + parentId + " is used");
        }
        return new Ref("category", String.valueOf(parentId), source.key(parentId), Ref.Missing.INVALID);
    }
}
