package org.maho.datasync.source.openmage;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.maho.datasync.job.SyncJob;

/** A reading of only some rows of the main table (an entity type's attributes, the categories below the tree root). */
record ConditionReading(Function<SyncJob, String> condition) implements OpenMageReading {

    @Override
    public List<String> passes(SyncJob job) {
        return Collections.singletonList(condition.apply(job));
    }
}
