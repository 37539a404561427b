package org.maho.datasync.source.openmage;

import java.util.Collections;
import java.util.List;
import org.maho.datasync.job.SyncJob;

/**
 * Simple, virtual and downloadable products first, then the composite ones, so that a configurable, grouped or bundle
 * product finds its children written. With --limit, one pass by id (a composite whose child comes later waits for it).
 */
final class ProductReading implements OpenMageReading {

    private static final String COMPOSITE = "type_id IN ('configurable', 'grouped', 'bundle')";

    @Override
    public List<String> passes(SyncJob job) {
        return job.spec().limit() != null ? Collections.singletonList(null) : List.of("NOT " + COMPOSITE, COMPOSITE);
    }
}
