package org.maho.datasync.tracker;

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
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ChangeLog;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.db.TableQuery;
import org.maho.datasync.job.CopyMode;
import org.maho.datasync.job.Deletion;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.SyncPlan;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.model.Record;
import org.maho.datasync.source.SourceAdapters;

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
    /** Where the source agent answers, when the source is read through it; null: the source database. */
    private AgentEndpoint agent;

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

    /** The adapter that reads the source: openmage, or the source agent's. */
    private org.maho.datasync.source.SourceAdapter adapter() {
        return SourceAdapters.installed().get(agent == null ? "openmage" : "agent");
    }

    /** Reads the source and its tracker through the source agent ({@code -a agent}) instead of its database. */
    public IncrementalSync through(AgentEndpoint endpoint) {
        agent = endpoint;
        return this;
    }

    /** Runs after a type's changes are synced and before they are acknowledged (a test makes a change there). */
    public IncrementalSync beforeAcknowledging(Consumer<String> hook) {
        beforeAcknowledging = hook;
        return this;
    }

    /** Runs every type with pending changes; stops after a type whose job failed, since the ones after depend on it. */
    public List<TypeRun> run(Options options) throws SQLException {
        ShopDatabase shop = dataSync.sourceShop(adapter(), source, agent);
        ChangeLog tracker = shop.remote(ChangeLog.class).orElseGet(() -> new TrackerTable(shop));
        if (!tracker.exists()) {
            throw new IllegalStateException("The source (" + shop.describe() + ") has no change tracker: run"
                    + " 'datasync tracker install' against it first");
        }
        List<String> types = TrackedEntities.types().stream().filter(type -> selected(type, options)).toList();
        List<TypeRun> runs = new ArrayList<>();
        Map<String, Pending> pending = new HashMap<>();
        // every type's changes as one snapshot, read before any type runs: a change made together with one of an
        // earlier type (a stock item with its new product) is never seen by its own type without the other
        List<String> read = new ArrayList<>(types);
        LEGACY_PARTS.stream().filter(part -> types.contains(part.owner())).forEach(part -> read.add(part.type()));
        Map<String, List<ChangeLog.Change>> snapshot = pendingChanges(tracker, read, options);
        SyncPlan.of(dataSync.handlers(), types).run(type -> {
            Pending changes = pending(shop, snapshot, TrackedEntities.find(type).orElseThrow(), options);
            pending.put(type, changes);
            return changes == null ? null : changes.spec();
        }, 1, spec -> { // one type after another: few records per type, acknowledged in the plan's order
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
    private record Pending(TrackedEntity entity, List<ChangeLog.Change> changes, Map<Long, List<ChangeLog.Change>> byEntity,
                           List<ChangeLog.Change> ownerless, Map<Long, List<String>> present, List<Deletion> deletions,
                           Map<Deletion, List<ChangeLog.Change>> changesOfDeletion, Map<String, Record> outcomes, JobSpec spec) {}

    private static Map<String, List<ChangeLog.Change>> pendingChanges(ChangeLog tracker, List<String> types, Options options) {
        try {
            return tracker.pending(types, options.limitPerType());
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the pending changes", e);
        }
    }

    /** A type's pending changes and the job that syncs them; null when it has none. */
    private Pending pending(ShopDatabase shop, Map<String, List<ChangeLog.Change>> snapshot, TrackedEntity entity,
                            Options options) {
        try {
            return read(shop, snapshot, entity, options);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the pending " + entity.type() + " changes", e);
        }
    }

    private Pending read(ShopDatabase shop, Map<String, List<ChangeLog.Change>> snapshot, TrackedEntity entity,
                         Options options) throws SQLException {
        List<ChangeLog.Change> changes = new ArrayList<>(snapshot.getOrDefault(entity.type(), List.of()));
        // the changes of the entity's tracked entity id, and the ids of the entities the source still has
        Map<Long, List<ChangeLog.Change>> byEntity = new LinkedHashMap<>();
        changes.forEach(change -> byEntity.computeIfAbsent(change.entityId(), k -> new ArrayList<>()).add(change));
        // a part deleted since names no owner: its owner's own change, if any, carries the news
        List<ChangeLog.Change> ownerless = new ArrayList<>();
        for (LegacyPart part : LEGACY_PARTS) {
            if (part.owner().equals(entity.type())) {
                List<ChangeLog.Change> partChanges = snapshot.getOrDefault(part.type(), List.of());
                changes.addAll(partChanges);
                Map<Long, Long> owners = ownersOf(shop, part, partChanges);
                for (ChangeLog.Change change : partChanges) {
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
        Map<Deletion, List<ChangeLog.Change>> changesOfDeletion = new HashMap<>();
        for (Map.Entry<Long, List<ChangeLog.Change>> changed : byEntity.entrySet()) {
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
        JobSpec spec = new JobSpec().entityType(entity.type()).sourceSystem(options.sourceSystem())
                .adapter(adapter().name()).source(source).agent(agent).entityIds(toSync).skipReading(toSync.isEmpty()).deletions(deletions)
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
    private TypeRun acknowledge(ChangeLog tracker, Pending pending, SyncJob job, Options options) {
        try {
            return settle(tracker, pending, job, options);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Acknowledging the " + pending.entity().type() + " changes", e);
        }
    }

    private TypeRun settle(ChangeLog tracker, Pending pending, SyncJob job, Options options) throws SQLException {
        TrackedEntity entity = pending.entity();
        List<ChangeLog.Change> changes = pending.changes();
        Map<Long, List<ChangeLog.Change>> byEntity = pending.byEntity();
        Map<Long, List<String>> present = pending.present();
        Map<String, Record> outcomes = pending.outcomes();
        if (job.failed() || options.dryRun() || !options.markSynced()) {
            return new TypeRun(entity.type(), changes.size(), job, 0, 0, 0, List.of());
        }
        List<ChangeLog.Change> done = new ArrayList<>(pending.ownerless());
        Map<ChangeLog.Change, String> failures = new LinkedHashMap<>();
        for (Map.Entry<Long, List<ChangeLog.Change>> changed : byEntity.entrySet()) {
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
                done.stream().map(ChangeLog.Change::changedAt).filter(java.util.Objects::nonNull).toList());
    }

    private static void settle(List<ChangeLog.Change> changes, String failure, List<ChangeLog.Change> done,
                               Map<ChangeLog.Change, String> failures) {
        for (ChangeLog.Change change : changes) {
            if (failure == null) {
                done.add(change);
            } else {
                failures.put(change, failure);
            }
        }
    }

    /** The natural key a deleted entity had, from whichever of its changes captured it. */
    private static String identifier(List<ChangeLog.Change> changes) {
        for (ChangeLog.Change change : changes) {
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
        String id = entity.idColumn();
        shop.select(null, TableQuery.from(entity.table()).columns(id, handlerId).whereIn(id, new LinkedHashSet<>(ids)),
                row -> present.computeIfAbsent(Long.valueOf(row.get(id)), k -> new ArrayList<>()).add(row.get(handlerId)));
        return present;
    }

    /** The entities that the original module's part changes (an address, an order comment) belong to, by part id. */
    private static Map<Long, Long> ownersOf(ShopDatabase shop, LegacyPart part, List<ChangeLog.Change> changes)
            throws SQLException {
        Map<Long, Long> ownerOf = new HashMap<>();
        if (changes.isEmpty()) {
            return ownerOf;
        }
        shop.select(null, TableQuery.from(part.table()).columns(part.idColumn(), part.ownerColumn())
                        .whereIn(part.idColumn(), changes.stream().map(ChangeLog.Change::entityId).distinct().toList()),
                row -> ownerOf.put(Long.valueOf(row.get(part.idColumn())),
                        row.get(part.ownerColumn()) == null ? 0L : Long.valueOf(row.get(part.ownerColumn()))));
        return ownerOf;
    }
}
