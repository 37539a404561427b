package org.maho.datasync.tracker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.TrackedEntity;

/**
 * Every entity type the change tracker follows, as each entity declares it ({@link EntityHandler#tracked}): its tables
 * come from the entity's shape, its natural key's SQL stands beside the entity's own. An incremental run syncs them in
 * the entity types' dependency order ({@link org.maho.datasync.job.SyncPlan}). Stores, configuration, attributes,
 * attribute sets, groups and tax classes change rarely and are not tracked: a full {@code sync} moves them.
 */
public final class TrackedEntities {

    public static final List<TrackedEntity> ALL = tracked(new EntityHandlers());

    private TrackedEntities() {}

    private static List<TrackedEntity> tracked(EntityHandlers handlers) {
        return handlers.runsInOrder(EntityHandlers.IN_DEPENDENCY_ORDER).stream().distinct()
                .map(type -> handlers.find(type).orElseThrow().tracked()).filter(Objects::nonNull).toList();
    }

    public static Optional<TrackedEntity> find(String type) {
        return ALL.stream().filter(entity -> entity.type().equals(type)).findFirst();
    }

    public static List<String> types() {
        return ALL.stream().map(TrackedEntity::type).toList();
    }
}
