package org.maho.datasync.tracker;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.job.CopyMode;
import org.maho.datasync.job.Deletion;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.SyncPlan;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;

/**
 * One incremental run: the tracker's pending changes, type by type in dependency order, each type's changed entities
 * synced through the same pipeline as {@code sync} (one job per type, selected by id), the entities the source no
 * longer has mirrored as deletions, and each change acknowledged only after the destination committed it, at the
 * revision that was read. A change that fails is counted, and parked after {@code maxAttempts}.
 */
public final class IncrementalSync {

    /** Tracker types of the original PHP module that name a part of an entity: the entity they belong to. */
    private record LegacyPart(String type, String owner, String table, String idColumn, String ownerColumn) {}

    private static final List<LegacyPart> LEGACY_PARTS = List.of(
            new LegacyPart("customer_address", "customer", "customer_address_entity", "entity_id", "parent_id"),
            new LegacyPart("order_comment", "order", "sales_flat_order_status_history", "entity_id", "parent_id"));

    /** What a run is asked to do. */
    /** @param copy how every job copies ({@code --anonymize}, {@code --keep-ids}) */
    public record Options(String sourceSystem, List<String> types, boolean markSynced, Integer limitPerType, boolean dryRun,
                          JobSpec.StockMode stockMode, int verbosity, Integer batchSize, java.util.function.BooleanSupplier stopRequested,
                          CopyMode copy) {

        /** @param batchSize records per transaction; null for each entity type's configured size */
        public Options(String sourceSystem, List<String> types, boolean markSynced, Integer limitPerType, boolean dryRun,
                       JobSpec.StockMode stockMode, int verbosity, Integer batchSize) {
            this(sourceSystem, types, markSynced, limitPerType, dryRun, stockMode, verbosity, batchSize, () -> false, CopyMode.PLAIN);
        }
    }

    /** How deletions are mirrored: per configuration, hard or soft per entity type, or not at all. */
    public record DeletePolicy(boolean enabled, Deletion.Mode mode, Set<String> softTypes, Set<String> skipTypes) {
        Deletion.Mode modeFor(String type) {
            if (!enabled || skipTypes.contains(type)) {
                return Deletion.Mode.SKIP;
            }
            return mode == Deletion.Mode.SOFT || softTypes.contains(type) ? Deletion.Mode.SOFT : mode;
        }
    }

    /** What one entity type's changes came to. */
    /** @param acknowledgedChanges when each acknowledged change was made, for the service's latency histogram */
    public record TypeRun(String type, int changes, SyncJob job, int acknowledged, int failed, int parked,
                          List<java.time.LocalDateTime> acknowledgedChanges) {}

    private final DataSync dataSync;
    private final ConnectionSettings source;
    private final ConnectionSettings destination;
    private final DeletePolicy deletes;
    private final int maxAttempts;
    private Consumer<String> beforeAcknowledging = type -> { };

    public IncrementalSync(DataSync dataSync, ConnectionSettings source, ConnectionSettings destination, DeletePolicy deletes,
                           int maxAttempts) {
        this.dataSync = dataSync;
        this.source = source;
        this.destination = destination;
        this.deletes = deletes;
        this.maxAttempts = maxAttempts;
    }

    /** An incremental sync with the delete policy and attempts of config/application.properties. */
    public static IncrementalSync configured(DataSync dataSync, ConnectionSettings source, ConnectionSettings destination) {
        Settings settings = dataSync.settings();
        DeletePolicy policy = new DeletePolicy(settings.flag("datasync.delete.enabled"),
                Deletion.Mode.valueOf(settings.text("datasync.delete.mode").toUpperCase(Locale.ROOT)),
                settings.list("datasync.delete.soft-types"), settings.list("datasync.delete.skip-types"));
        return new IncrementalSync(dataSync, source, destination, policy, settings.number("datasync.incremental.max-attempts"));
    }

    /** Runs after a type's changes are synced and before they are acknowledged (a test makes a change there). */
    public IncrementalSync beforeAcknowledging(Consumer<String> hook) {
        beforeAcknowledging = hook;
        return this;
    }

    /** Runs every type with pending changes; stops after a type whose job failed, since the ones after depend on it. */
    public List<TypeRun> run(Options options) throws SQLException {
        ShopDatabase shop = dataSync.database("source", source);
        TrackerTable tracker = new TrackerTable(shop);
        if (!tracker.exists()) {
            throw new IllegalStateException("The source " + source.describe() + " has no change tracker: run"
                    + " 'datasync tracker install' against it first");
        }
        List<String> types = TrackedEntities.types().stream().filter(type -> selected(type, options)).toList();
        List<TypeRun> runs = new ArrayList<>();
        Map<String, Pending> pending = new HashMap<>();
        // every type's changes as one snapshot, read before any type runs: a change made together with one of an
        // earlier type (a stock item with its new product) is never seen by its own type without the other
        List<String> read = new ArrayList<>(types);
        LEGACY_PARTS.stream().filter(part -> types.contains(part.owner())).forEach(part -> read.add(part.type()));
        Map<String, List<TrackerTable.Change>> snapshot = pendingChanges(tracker, read, options);
        SyncPlan.of(dataSync.handlers(), types).run(type -> {
            Pending changes = pending(shop, snapshot, TrackedEntities.find(type).orElseThrow(), options);
            pending.put(type, changes);
            return changes == null ? null : changes.spec();
        }, spec -> {
            TypeRun run = acknowledge(tracker, pending.get(spec.entityType()), dataSync.sync(spec, destination), options);
            runs.add(run);
            return run.job();
        }, options.stopRequested());
        return runs;
    }

    private static boolean selected(String type, Options options) {
        if (options.types() != null && !options.types().isEmpty() && !options.types().contains(type)) {
            return false;
        }
        // excluded stock changes stay pending for a later run that includes them
        return switch (options.stockMode()) {
            case ONLY -> "stock".equals(type);
            case EXCLUDE -> !"stock".equals(type);
            default -> true;
        };
    }

    /** One type's pending changes, as they were read, and the job that syncs them. */
    private record Pending(TrackedEntity entity, List<TrackerTable.Change> changes, Map<Long, List<TrackerTable.Change>> byEntity,
                           List<TrackerTable.Change> ownerless, Map<Long, List<String>> present, List<Deletion> deletions,
                           Map<Deletion, List<TrackerTable.Change>> changesOfDeletion, Map<String, Record> outcomes, JobSpec spec) {}

    private static Map<String, List<TrackerTable.Change>> pendingChanges(TrackerTable tracker, List<String> types, Options options) {
        try {
            return tracker.pending(types, options.limitPerType());
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the pending changes", e);
        }
    }

    /** A type's pending changes and the job that syncs them; null when it has none. */
    private Pending pending(ShopDatabase shop, Map<String, List<TrackerTable.Change>> snapshot, TrackedEntity entity,
                            Options options) {
        try {
            return read(shop, snapshot, entity, options);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the pending " + entity.type() + " changes", e);
        }
    }

    private Pending read(ShopDatabase shop, Map<String, List<TrackerTable.Change>> snapshot, TrackedEntity entity,
                         Options options) throws SQLException {
        List<TrackerTable.Change> changes = new ArrayList<>(snapshot.getOrDefault(entity.type(), List.of()));
        // the changes of the entity's tracked entity id, and the ids of the entities the source still has
        Map<Long, List<TrackerTable.Change>> byEntity = new LinkedHashMap<>();
        changes.forEach(change -> byEntity.computeIfAbsent(change.entityId(), k -> new ArrayList<>()).add(change));
        // a part deleted since names no owner: its owner's own change, if any, carries the news
        List<TrackerTable.Change> ownerless = new ArrayList<>();
        for (LegacyPart part : LEGACY_PARTS) {
            if (part.owner().equals(entity.type())) {
                List<TrackerTable.Change> partChanges = snapshot.getOrDefault(part.type(), List.of());
                changes.addAll(partChanges);
                Map<Long, Long> owners = ownersOf(shop, part, partChanges);
                for (TrackerTable.Change change : partChanges) {
                    Long owner = owners.get(change.entityId());
                    if (owner == null) {
                        ownerless.add(change);
                    } else {
                        byEntity.computeIfAbsent(owner, k -> new ArrayList<>()).add(change);
                    }
                }
            }
        }
        if (changes.isEmpty()) {
            return null;
        }
        Map<Long, List<String>> present = presentAtSource(shop, entity, byEntity.keySet());
        List<String> toSync = new ArrayList<>();
        List<Deletion> deletions = new ArrayList<>();
        Map<Deletion, List<TrackerTable.Change>> changesOfDeletion = new HashMap<>();
        for (Map.Entry<Long, List<TrackerTable.Change>> changed : byEntity.entrySet()) {
            List<String> sourceIds = present.get(changed.getKey());
            if (sourceIds != null) {
                toSync.addAll(sourceIds);
            } else if (entity.identifier() != null) {
                // whatever its action says, an entity the source no longer has was deleted
                Deletion deletion = new Deletion(String.valueOf(changed.getKey()), identifier(changed.getValue()));
                deletions.add(deletion);
                changesOfDeletion.put(deletion, changed.getValue());
            }
        }
        Map<String, Record> outcomes = new ConcurrentHashMap<>();
        JobSpec spec = new JobSpec().entityType(entity.type()).sourceSystem(options.sourceSystem()).adapter("openmage")
                .source(source).entityIds(toSync).skipReading(toSync.isEmpty()).deletions(deletions)
                .deletionMode(deletes.modeFor(entity.type())).skipInvalid(true).dryRun(options.dryRun())
                .verbosity(options.verbosity())
                .stockMode(options.stockMode() == JobSpec.StockMode.EXCLUDE ? JobSpec.StockMode.EXCLUDE : JobSpec.StockMode.INCLUDE)
                .recordListener(record -> outcomes.put(record.sourceId(), record)).stopRequested(options.stopRequested());
        options.copy().applyTo(spec);
        if (options.batchSize() != null) {
            spec.batchSize(options.batchSize());
        }
        return new Pending(entity, changes, byEntity, ownerless, present, deletions, changesOfDeletion, outcomes, spec);
    }

    /** Acknowledges what the job committed, at the revision read; counts and parks what failed. */
    private TypeRun acknowledge(TrackerTable tracker, Pending pending, SyncJob job, Options options) {
        try {
            return settle(tracker, pending, job, options);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Acknowledging the " + pending.entity().type() + " changes", e);
        }
    }

    private TypeRun settle(TrackerTable tracker, Pending pending, SyncJob job, Options options) throws SQLException {
        TrackedEntity entity = pending.entity();
        List<TrackerTable.Change> changes = pending.changes();
        Map<Long, List<TrackerTable.Change>> byEntity = pending.byEntity();
        Map<Long, List<String>> present = pending.present();
        Map<String, Record> outcomes = pending.outcomes();
        if (job.failed() || options.dryRun() || !options.markSynced()) {
            return new TypeRun(entity.type(), changes.size(), job, 0, 0, 0, List.of());
        }
        List<TrackerTable.Change> done = new ArrayList<>(pending.ownerless());
        Map<TrackerTable.Change, String> failures = new LinkedHashMap<>();
        for (Map.Entry<Long, List<TrackerTable.Change>> changed : byEntity.entrySet()) {
            List<String> sourceIds = present.get(changed.getKey());
            if (sourceIds == null) {
                continue;
            }
            String failure = null;
            for (String sourceId : sourceIds) {
                Record record = outcomes.get(sourceId);
                // an entity the handler does not sync (the tree's root category) has nothing to wait for
                if (record != null && record.outcome() == Outcome.INVALID) {
                    failure = String.valueOf(record.problems());
                }
            }
            settle(changed.getValue(), failure, done, failures);
        }
        if (entity.identifier() == null) {
            // a stock item gone with its product: nothing to mirror
            byEntity.forEach((id, owned) -> {
                if (!present.containsKey(id)) {
                    done.addAll(owned);
                }
            });
        }
        for (Deletion deletion : pending.deletions()) {
            boolean failed = deletion.outcome() == null || deletion.outcome() == Deletion.Outcome.FAILED;
            settle(pending.changesOfDeletion().get(deletion), failed ? String.valueOf(deletion.reason()) : null, done, failures);
        }
        beforeAcknowledging.accept(entity.type());
        int acknowledged = tracker.markSynced(done);
        int parked = tracker.recordFailures(failures, maxAttempts);
        return new TypeRun(entity.type(), changes.size(), job, acknowledged, failures.size(), parked,
                done.stream().map(TrackerTable.Change::changedAt).filter(java.util.Objects::nonNull).toList());
    }

    private static void settle(List<TrackerTable.Change> changes, String failure, List<TrackerTable.Change> done,
                               Map<TrackerTable.Change, String> failures) {
        for (TrackerTable.Change change : changes) {
            if (failure == null) {
                done.add(change);
            } else {
                failures.put(change, failure);
            }
        }
    }

    /** The natural key a deleted entity had, from whichever of its changes captured it. */
    private static String identifier(List<TrackerTable.Change> changes) {
        for (TrackerTable.Change change : changes) {
            if (change.identifier() != null && !change.identifier().isBlank()) {
                return change.identifier().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * Of the changed entities, those the source has, with the ids the entity's handler reads them by (a product's stock
     * items for a stock change); absent ones were deleted.
     */
    private static Map<Long, List<String>> presentAtSource(ShopDatabase shop, TrackedEntity entity, Collection<Long> ids)
            throws SQLException {
        Map<Long, List<String>> present = new HashMap<>();
        if (ids.isEmpty()) {
            return present;
        }
        String handlerId = "stock".equals(entity.type()) ? "item_id" : entity.idColumn();
        try (Connection connection = shop.connection()) {
            Sql.queryIn(connection, "SELECT " + entity.idColumn() + ", " + handlerId + " FROM " + shop.table(entity.table())
                    + " WHERE " + entity.idColumn() + " IN ", "", List.of(), new LinkedHashSet<>(ids),
                    row -> present.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(row.getString(2)));
        }
        return present;
    }

    /** The entities that the original module's part changes (an address, an order comment) belong to, by part id. */
    private static Map<Long, Long> ownersOf(ShopDatabase shop, LegacyPart part, List<TrackerTable.Change> changes)
            throws SQLException {
        Map<Long, Long> ownerOf = new HashMap<>();
        if (changes.isEmpty()) {
            return ownerOf;
        }
        try (Connection connection = shop.connection()) {
            Sql.queryIn(connection, "SELECT " + part.idColumn() + ", " + part.ownerColumn() + " FROM " + shop.table(part.table())
                    + " WHERE " + part.idColumn() + " IN ", "", List.of(),
                    changes.stream().map(TrackerTable.Change::entityId).distinct().toList(),
                    row -> ownerOf.put(row.getLong(1), row.getLong(2)));
        }
        return ownerOf;
    }
}
