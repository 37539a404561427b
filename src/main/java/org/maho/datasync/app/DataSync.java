package org.maho.datasync.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.EntityHandler;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.Resume;
import org.maho.datasync.job.Resumption;
import org.maho.datasync.job.RunOutcome;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.mapping.ShopMetadata;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.pipeline.DeadLetters;
import org.maho.datasync.pipeline.IdConflicts;
import org.maho.datasync.registry.Checkpoints;
import org.maho.datasync.registry.Registry;
import org.maho.datasync.registry.RunHistory;
import org.maho.datasync.source.SourceAdapter;
import org.maho.datasync.source.SourceAdapters;

/**
 * The application: a camel-main context with the shipped routes (each replaced by a file of the same name in
 * {@code <home>/routes}, see {@link EditableRoutesCollector}) and the settings of
 * {@code <home>/config/application.properties}, and the shop databases it syncs between. The CLI and the
 * tests run jobs through it; a job is a message sent to {@code direct:sync}.
 */
public final class DataSync implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("datasync");

    private final Path home;
    private final Main main;
    private final EntityHandlers handlers = new EntityHandlers();
    // the service's schedules, its console and its health checks ask from their own threads
    private final Map<String, ShopDatabase> databases = new java.util.concurrent.ConcurrentHashMap<>();
    /** Source databases as an adapter of another schema reads them (views of the pools above, closed with them). */
    private final Map<String, ShopDatabase> sourceViews = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Registry> registries = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Checkpoints> checkpoints = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, RunHistory> histories = new java.util.concurrent.ConcurrentHashMap<>();
    /** The job running now, for those who watch it (the service's console); jobs run one at a time. */
    private final List<SyncJob> inFlight = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Settings settings;

    private DataSync(Path home, Main main) {
        this.home = home;
        this.main = main;
        this.settings = new Settings(key -> main.getCamelContext().getPropertiesComponent().resolveProperty(key),
                prefix -> main.getCamelContext().getPropertiesComponent().loadProperties(key -> key.startsWith(prefix))
                        .stringPropertyNames());
    }

    public static DataSync start(Path home) {
        return start(home, Map.of());
    }

    /** @param overrides settings that win over config/application.properties (tests, the CLI) */
    public static DataSync start(Path home, Map<String, String> overrides) {
        return start(home, overrides, null, null);
    }

    /**
     * @param moreRoutes the setting that names more routes to load ({@code datasync.service.routes}: the schedules of
     *                   {@code datasync run}), or null
     * @param moreBeans  the beans those routes call, or null
     */
    public static DataSync start(Path home, Map<String, String> overrides, String moreRoutes, CamelConfiguration moreBeans) {
        Path config = home.resolve("config/application.properties").toAbsolutePath();
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("Missing " + config + ": run DataSync from its installation directory");
        }
        Main main = new Main();
        main.setRoutesCollector(new EditableRoutesCollector(home.resolve("routes")));
        main.setPropertyPlaceholderLocations("file:" + config);
        // where config/application.properties finds the routes (camel.main.routes-include-pattern)
        main.addOverrideProperty("datasync.home", home.toAbsolutePath().normalize().toString());
        overrides.forEach(main::addOverrideProperty);
        if (moreRoutes != null) {
            main.addOverrideProperty("camel.main.routes-include-pattern", "{{datasync.routes}},{{" + moreRoutes + "}}");
        }
        main.configure().addConfiguration(new DataSyncBeans());
        if (moreBeans != null) {
            main.configure().addConfiguration(moreBeans);
        }
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the Camel context: " + e.getMessage(), e);
        }
        return new DataSync(home, main);
    }

    public org.apache.camel.CamelContext camelContext() {
        return main.getCamelContext();
    }

    public EntityHandlers handlers() {
        return handlers;
    }

    /** The settings of config/application.properties and its overrides. */
    public Settings settings() {
        return settings;
    }

    public ShopDatabase database(String role, ConnectionSettings connection) {
        return databases.computeIfAbsent(role + "|" + key(connection),
                k -> ShopDatabase.open(role, connection, settings.poolSize(), settings.lockWaitTimeoutSeconds()));
    }

    /** The source database as the adapter reads it, one per adapter and database, so its metadata is read once a command. */
    private ShopDatabase sourceDatabase(SourceAdapter adapter, ConnectionSettings connection) {
        ShopDatabase database = database("source", connection);
        return sourceViews.computeIfAbsent(adapter.name() + "|" + key(connection), k -> adapter.shopDatabase(database, settings));
    }

    /**
     * The shop an adapter reads: its database, or the shop behind its agent; null for a file or a web API.
     *
     * @param database where an adapter of {@link SourceAdapter.Input#DATABASE} reads
     * @param agent    where an adapter of {@link SourceAdapter.Input#AGENT} reads
     */
    public ShopDatabase sourceShop(SourceAdapter adapter, ConnectionSettings database, AgentEndpoint agent) {
        return switch (adapter.input()) {
            case DATABASE -> sourceDatabase(adapter, database);
            case AGENT -> sourceViews.computeIfAbsent(adapter.name() + "|" + agent.url(), k -> adapter.remoteShop(agent, settings));
            case FILE, API -> null;
        };
    }

    /**
     * Runs one entity type's sync and returns the job with its report; a failure is in the job, never thrown,
     * so the caller reports what was done before it.
     */
    public SyncJob sync(JobSpec spec, ConnectionSettings destinationSettings) {
        SyncJob job = job(spec, destinationSettings);
        EntityHandler handler = job.handler();
        ShopDatabase destination = job.destination();
        ShopDatabase source = job.source();
        Registry registry = job.registry();
        Path deadLetters = job.deadLetterFile().getParent();
        Resume resume = spec.resume();
        if (resume != null && resume.done()) {
            // the command's first line lists the steps the interrupted run finished
            job.report().finish();
            return job;
        }
        if (resume != null && resume.after() != null) {
            job.report().note("resumed after " + resume.after() + ", where the run interrupted at "
                    + DateValues.format(resume.interruptedAt()) + " UTC had committed every record before it;"
                    + " only the records after it were read");
        }
        try {
            DeadLetters.requireWritable(deadLetters);
            if (!spec.dryRun()) {
                registry.ensureTable();
            }
            // an earlier job of this application may have added attributes, options or sets
            ShopMetadata.reload(destination);
            ShopMetadata.of(destination);
            if (source != null) {
                ShopMetadata.of(source);
            }
            inFlight.add(job);
            main.getCamelTemplate().sendBody("direct:sync", job);
            if (resume != null && !job.failed()) {
                job.checkpoints().done(resume.runKey(), resume.step(), handler.type(), resume.command());
            }
        } catch (Exception e) {
            job.fail(e);
        } finally {
            inFlight.remove(job);
        }
        job.report().finish();
        job.release();
        return job;
    }

    /** The job a spec describes, with its shops, registry and settings; not run. */
    private SyncJob job(JobSpec spec, ConnectionSettings destinationSettings) {
        // product --stock only is a stock sync: the products' stock items and nothing else
        String type = "product".equals(spec.entityType()) && spec.stockMode() == JobSpec.StockMode.ONLY ? "stock" : spec.entityType();
        EntityHandler handler = handlers.find(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown entity type " + spec.entityType()));
        ShopDatabase destination = database("destination", destinationSettings);
        SourceAdapter adapter = SourceAdapters.installed().get(spec.adapter());
        // a shop's metadata and tables are read; a file or a web API has no shop database of its own
        ShopDatabase read = spec.file() != null || spec.api() != null ? null : sourceShop(adapter, spec.source(), spec.agent());
        ShopDatabase source = adapter.readsOpenMageSchema() ? read : null;
        if (!spec.batchSizeChosen()) {
            spec.batchSize(batchSize(handler.type()));
        }
        return new SyncJob(spec, handlers, handler, source, destination, registry(destination, spec.sourceSystem()),
                deadLetterDirectory()).settings(settings).checkpoints(checkpoints(destination)).sourceDatabase(read);
    }

    /**
     * What stands in the way of {@code --keep-ids} on the destination, for every job of a command: its rows of its own at
     * the source's ids, described; empty when the command may run.
     */
    public List<String> idConflicts(List<JobSpec> specs, ConnectionSettings destinationSettings) {
        List<String> conflicts = new java.util.ArrayList<>();
        for (JobSpec spec : specs) {
            conflicts.addAll(IdConflicts.of(job(spec, destinationSettings)));
        }
        return conflicts;
    }

    /** The jobs running now, the first started first; empty between runs. */
    public List<SyncJob> jobsInFlight() {
        return List.copyOf(inFlight);
    }

    /**
     * Gives the jobs of a command that reads a shop database whole their checkpoints, so that an interrupted run of it
     * goes on where it was; jobs that cannot resume (a dry run, a file, --limit, --entity-ids) are left as they are and
     * null is returned.
     *
     * @param command the command as messages name it ("sync all live")
     * @param restart drop the checkpoints of an interrupted run and read everything again
     */
    public Resumption resumption(String command, java.util.List<JobSpec> jobs, ConnectionSettings destinationSettings,
                                 boolean restart) {
        boolean resumable = jobs.stream().allMatch(spec -> !spec.dryRun() && spec.limit() == null
                && spec.entityIds().isEmpty() && SourceAdapters.installed().get(spec.adapter()).resumes());
        if (!resumable) {
            return null;
        }
        return Resumption.start(command, jobs, checkpoints(database("destination", destinationSettings)), restart,
                settings.resumeMaxAge());
    }

    /**
     * A run that writes the destination starts its line in the destination's run history ({@code datasync_run}); the
     * caller holds the destination's lock. Returns the run's id for {@link #runFinished}.
     *
     * @param cause command, schedule, console or webhook
     */
    public long runStarted(ConnectionSettings destinationSettings, String command, String cause, String sourceSystem) {
        try {
            return runHistory(destinationSettings).started(command, cause, sourceSystem, settings.historyKeepDays());
        } catch (RuntimeException e) {
            // the history records a run; it is never the reason one stops or reports another failure than its own
            LOG.warn("The run history could not be written: {}", ShopDatabase.rootMessage(e));
            return 0;
        }
    }

    /**
     * The run's outcome and its counts per entity type, as its report has them.
     *
     * @param failure why the run stopped outside its jobs (no tracker on the source), or null
     */
    public void runFinished(ConnectionSettings destinationSettings, long runId, java.util.List<SyncJob> jobs, String failure) {
        if (runId == 0) {
            return;
        }
        java.util.List<RunHistory.EntityCounts> counts = jobs.stream().map(job -> {
            org.maho.datasync.job.EntityReport report = job.report();
            return new RunHistory.EntityCounts(report.entityType(), report.read(), report.count(Outcome.CREATED),
                    report.count(Outcome.UPDATED), report.count(Outcome.UNCHANGED), report.count(Outcome.SKIPPED),
                    report.count(Outcome.INVALID), report.deleted(), report.seconds(), report.recordsPerSecond(), job.failed());
        }).toList();
        String message = failure != null ? failure : jobs.stream().filter(SyncJob::failed).findFirst()
                .map(job -> job.handler().type() + ": " + job.failureMessage()).orElse(null);
        RunOutcome outcome = failure != null ? RunOutcome.FAILED : RunOutcome.of(jobs);
        try {
            runHistory(destinationSettings).finished(runId, outcome.label(), message, counts);
        } catch (RuntimeException e) {
            // a destination lost at the end: the next run marks this one interrupted
            LOG.warn("The run history could not be written: {}", ShopDatabase.rootMessage(e));
        }
    }

    /** A run that found nothing to do (an incremental run without pending changes) leaves no line. */
    public void runDiscarded(ConnectionSettings destinationSettings, long runId) {
        if (runId == 0) {
            return;
        }
        try {
            runHistory(destinationSettings).discard(runId);
        } catch (RuntimeException e) {
            LOG.warn("The run history could not be written: {}", ShopDatabase.rootMessage(e));
        }
    }

    /** The destination's run history, for those who read it (the service's console). */
    public RunHistory runHistory(ConnectionSettings destinationSettings) {
        ShopDatabase destination = database("destination", destinationSettings);
        return histories.computeIfAbsent(key(destination.settings()), k -> new RunHistory(destination));
    }

    private Checkpoints checkpoints(ShopDatabase destination) {
        return checkpoints.computeIfAbsent(key(destination.settings()), k -> new Checkpoints(destination));
    }

    /** One database's tables: its server, name and table prefix. */
    private static String key(ConnectionSettings connection) {
        return connection.describe() + "|" + connection.tablePrefix();
    }

    /** The registry of one source system on one destination, shared by every job of this application. */
    public Registry registry(ShopDatabase destination, String sourceSystem) {
        return registries.computeIfAbsent(destination.settings().describe() + "|" + sourceSystem,
                k -> new Registry(destination, sourceSystem, settings.registryCacheSize()));
    }

    /** Where rejected records go, one JSON-lines file per job. */
    public Path deadLetterDirectory() {
        return home.resolve(settings.deadLetterDirectory());
    }

    /** Compares a source shop database with the destination, as records in codes and natural keys. */
    public org.maho.datasync.verify.Verifier verifier(ConnectionSettings sourceSettings, ConnectionSettings destinationSettings,
                                                      String sourceSystem) {
        return verifier("openmage", sourceSettings, destinationSettings, sourceSystem);
    }

    /** The same, the source read by the named database adapter (magento2). */
    public org.maho.datasync.verify.Verifier verifier(String adapterName, ConnectionSettings sourceSettings,
                                                      ConnectionSettings destinationSettings, String sourceSystem) {
        return verifier(adapterName, sourceSettings, null, destinationSettings, sourceSystem);
    }

    /** The same, the source read by the named adapter from its database or through its agent ({@link #sourceShop}). */
    public org.maho.datasync.verify.Verifier verifier(String adapterName, ConnectionSettings sourceSettings, AgentEndpoint agent,
                                                      ConnectionSettings destinationSettings, String sourceSystem) {
        SourceAdapter adapter = SourceAdapters.installed().get(adapterName);
        ShopDatabase destination = database("destination", destinationSettings);
        ShopDatabase source = sourceShop(adapter, sourceSettings, agent);
        return new org.maho.datasync.verify.Verifier(handlers, adapter.name(), source, destination, registry(destination, sourceSystem),
                deadLetterDirectory(), settings);
    }

    /** datasync.batch-size.<entity type>, else datasync.batch-size: wide records (orders) do better in smaller batches. */
    public int batchSize(String entityType) {
        return settings.batchSize(entityType);
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            // stopping is best effort
        }
        databases.values().forEach(ShopDatabase::close);
        databases.clear();
        sourceViews.clear();
    }
}
