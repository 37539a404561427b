package org.maho.datasync.source.openmage;

import java.util.List;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.db.TableQuery.Op;
import org.maho.datasync.job.SyncJob;

/**
 * Simple, virtual and downloadable products first, then the composite ones, so that a configurable, grouped or bundle
 * product finds its children written. With --limit, one pass by id (a composite whose child comes later waits for it).
 */
final class ProductReading implements OpenMageReading {

    private static final List<String> COMPOSITE = List.of("configurable", "grouped", "bundle");

    @Override
    public List<List<Condition>> passes(SyncJob job) {
        return job.spec().limit() != null ? List.of(List.of()) : List.of(
                List.of(new Condition("type_id", Op.NOT_IN, COMPOSITE)), List.of(new Condition("type_id", Op.IN, COMPOSITE)));
    }
}
