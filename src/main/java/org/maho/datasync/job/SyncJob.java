package org.maho.datasync.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.mapping.ValueMapper;
import org.maho.datasync.registry.Registry;

/**
 * One run of one entity type: what was asked, the shops it reads and writes, and what happened so far.
 * The routes carry it as an exchange property; every bean reads it from there.
 */
public final class SyncJob {

    public static final String PROPERTY = "datasyncJob";
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final String id = UUID.randomUUID().toString();
    private final JobSpec spec;
    private final EntityHandler handler;
    private final ShopDatabase source;
    private final ShopDatabase destination;
    private final Registry registry;
    private final EntityReport report;
    private final Path deadLetterFile;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final EntityHandlers handlers;
    private volatile ResolvedReferences references = new ResolvedReferences(100_000);
    private volatile Passes passes = new Passes();
    private final java.util.Map<String, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ValueMapper mapper;
    private Settings settings;
    private ShopDatabase sourceDatabase;
    private org.maho.datasync.registry.Checkpoints checkpoints;

    /** @param deadLetterDirectory where this run's dead-letter file goes, named by time, entity and run */
    public SyncJob(JobSpec spec, EntityHandlers handlers, EntityHandler handler, ShopDatabase source,
                   ShopDatabase destination, Registry registry, Path deadLetterDirectory) {
        this.spec = spec;
        this.handlers = handlers;
        this.handler = handler;
        this.source = source;
        this.destination = destination;
        this.registry = registry;
        this.deadLetterFile = deadLetterDirectory.resolve(LocalDateTime.now().format(RUN_STAMP) + "-" + handler.type()
                + "-" + id.substring(0, 8) + ".jsonl");
        this.report = new EntityReport(handler.type(), spec.dryRun());
    }

    public String id() {
        return id;
    }

    /** A job of the same entity type that only reads {@code shop} as {@code spec} says (a look before writing). */
    public SyncJob reading(JobSpec spec, ShopDatabase shop) {
        return new SyncJob(spec, handlers, handler, shop, destination, registry, deadLetterFile.getParent()).settings(settings);
    }

    public JobSpec spec() {
        return spec;
    }

    public EntityHandler handler() {
        return handler;
    }

    /** The application's settings, which some entity types' rules follow (the config paths never copied). */
    public Settings settings() {
        return settings;
    }

    public SyncJob settings(Settings value) {
        settings = value;
        return this;
    }

    /** Where the destination keeps the checkpoints of a resumable command ({@link JobSpec#resume}); null without. */
    public org.maho.datasync.registry.Checkpoints checkpoints() {
        return checkpoints;
    }

    public SyncJob checkpoints(org.maho.datasync.registry.Checkpoints value) {
        checkpoints = value;
        return this;
    }

    /** Every entity handler, for references to other entity types. */
    public EntityHandlers handlers() {
        return handlers;
    }

    /** Destination ids of the references this run resolved. */
    public ResolvedReferences references() {
        return references;
    }

    /** Something a handler computes once per run (a category tree's paths), by name. */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, java.util.function.Supplier<T> compute) {
        return (T) cache.computeIfAbsent(key, k -> compute.get());
    }

    /** Forgets a cached value, after the run changed what it was computed from. */
    public void forget(String key) {
        cache.remove(key);
    }

    /** Records that wait for another record of this run, and the passes that give them their turn. */
    public Passes passes() {
        return passes;
    }

    /** The source shop's database, holding OpenMage's tables; null for a file or a shop of another kind. */
    public ShopDatabase source() {
        return source;
    }

    /** The database the adapter reads: the source shop's, or a shop of another kind (a WordPress database); null for a file. */
    public ShopDatabase sourceDatabase() {
        return sourceDatabase != null ? sourceDatabase : source;
    }

    public SyncJob sourceDatabase(ShopDatabase value) {
        sourceDatabase = value;
        return this;
    }

    public ShopDatabase destination() {
        return destination;
    }

    public Registry registry() {
        return registry;
    }

    public EntityReport report() {
        return report;
    }

    /** The run's dead-letter file; it exists only once a record was dead-lettered. */
    public Path deadLetterFile() {
        return deadLetterFile;
    }

    /** The shop whose ids the input uses: the source database, or for CSV files the destination itself. */
    public ShopMetadata inputShop() {
        return source != null ? ShopMetadata.of(source) : ShopMetadata.of(destination);
    }

    public ValueMapper mapper() {
        ValueMapper current = mapper;
        if (current == null) {
            synchronized (this) {
                if (mapper == null) {
                    mapper = new ValueMapper(inputShop(), ShopMetadata.of(destination), report::warn, new ValueMapper.References() {
                        @Override
                        public Long resolve(org.maho.datasync.model.Ref ref) {
                            return references.get(ref);
                        }

                        @Override
                        public boolean later(org.maho.datasync.model.Ref ref) {
                            return references.isLater(ref);
                        }
                    });
                }
                current = mapper;
            }
        }
        return current;
    }

    /**
     * Lets go of what the run needed while it ran (the references it resolved, the records it saw, cached lookups),
     * keeping its report: a whole sync holds every finished job for its final report, and these held a later type's
     * heap, up to a hundred thousand entries each.
     */
    public void release() {
        references = new ResolvedReferences(0);
        passes = new Passes();
        cache.clear();
        mapper = null;
    }

    /** Records the first failure; the reading loop stops at its next record. */
    public void fail(Throwable error) {
        failure.compareAndSet(null, error);
    }

    public Throwable failure() {
        return failure.get();
    }

    public boolean failed() {
        return failure.get() != null;
    }

    /** Why the job stopped, as the report and the run history say it; null when it did not. */
    public String failureMessage() {
        Throwable shown = failure.get();
        if (shown == null) {
            return null;
        }
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        if (shown instanceof org.apache.camel.CamelExecutionException && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }
}
