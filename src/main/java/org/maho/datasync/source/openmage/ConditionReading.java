package org.maho.datasync.source.openmage;

import java.util.List;
import java.util.function.Function;
import org.maho.datasync.db.TableQuery.Condition;
import org.maho.datasync.job.SyncJob;

/** A reading of only some rows of the main table (an entity type's attributes, the categories below the tree root). */
record ConditionReading(Function<SyncJob, Condition> condition) implements OpenMageReading {

    @Override
    public List<List<Condition>> passes(SyncJob job) {
        return List.of(List.of(condition.apply(job)));
    }
}
