package org.maho.datasync.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.RunLock;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.CopyMode;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.SyncPlan;
import org.maho.datasync.tracker.ChangeTracker;
import org.maho.datasync.tracker.IncrementalSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code datasync run} does on its schedules (service-routes/schedules.camel.yaml): an incremental run, and
 * full syncs of the configured entity types. Each run takes the destination's run lock, so it never overlaps another
 * run, the service's or a cron job's. When the service stops, a run in flight stops after its batch in flight; what
 * it did not acknowledge is synced by the next run.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger("datasync.service");

    /** The service's connections, known once the command line has read them. */
    /** @param copy how every run copies ({@code --anonymize}, {@code --keep-ids}) */
    public record Setup(DataSync dataSync, ConnectionSettings source, ConnectionSettings destination, String sourceSystem,
                        CopyMode copy) {}

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Alerts alerts;

    public SyncService(Alerts alerts) {
        this.alerts = alerts;
    }

    /** The alerts route's lag watch: the oldest pending change against datasync.alerts.lag-seconds. */
    public void watchLag() {
        Setup current = setup;
        if (current == null || stopping.get()) {
            return;
        }
        ShopDatabase source = current.dataSync().database("source", current.source());
        try (java.sql.Connection connection = source.connection()) {
            if (!source.hasTable(ChangeTracker.TABLE)) {
                return;
            }
            // only the oldest pending change's age: the lag, nothing of the parked list the status reads
            long lag = ChangeTracker.pending(connection).stream().mapToLong(ChangeTracker.Pending::oldestAgeSeconds).max().orElse(0);
            alerts.lag(lag, current.dataSync().settings().number("datasync.alerts.lag-seconds"));
        } catch (java.sql.SQLException | RuntimeException e) {
            // the health check says the source is unreachable; a run that fails for it raises its own alert
        }
    }
    private volatile Setup setup;
    private volatile ServiceMetrics metrics;

    public void attach(Setup value, ServiceMetrics meters) {
        setup = value;
        metrics = meters;
    }

    Setup setup() {
        return setup;
    }

    /** Lets a run in flight end after its batch in flight, and starts no other. */
    public void stop() {
        stopping.set(true);
        onDemand.shutdown();
    }

    /** The run in flight: what it is, why it runs, since when. */
    public record RunInFlight(String command, String cause, java.time.Instant startedAt) {}

    private final java.util.concurrent.ExecutorService onDemand = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "datasync-on-demand");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.atomic.AtomicReference<String> queued = new java.util.concurrent.atomic.AtomicReference<>();
    /** One run at a time in this service, whoever asked: the poll, a schedule, the console, a wake. */
    private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();
    private volatile RunInFlight inFlight;
    private volatile boolean incrementalPaused;

    /** A paused incremental schedule stops the poll and the wakes too: nothing syncs on its own until it is resumed. */
    void pauseIncremental(boolean paused) {
        incrementalPaused = paused;
    }

    boolean incrementalPaused() {
        return incrementalPaused;
    }

    /** The tracker poll found pending changes (routes/service/tracker-poll.camel.yaml): sync them now. */
    public void drain() {
        if (!incrementalPaused) {
            incrementalFor("schedule");
        }
    }

    /**
     * POST /api/wake: the shop committed a change; an incremental run starts at once, or right after the one in flight
     * (wakes that arrive meanwhile are that one run).
     *
     * @return false when the incremental schedule is paused
     */
    public boolean wake() {
        if (incrementalPaused) {
            return false;
        }
        runSoon("wake", () -> {
            if (!incrementalPaused) {
                incrementalFor("webhook");
            }
        });
        return true;
    }

    public RunInFlight inFlight() {
        return inFlight;
    }

    /**
     * Runs {@code run} soon, on the service's own thread for runs asked for (console, API), so that the request returns at
     * once; a run asked for while another waits its turn is the same request and is not queued twice.
     *
     * @return false when one is waiting already
     */
    public boolean runSoon(String what, Runnable run) {
        if (!queued.compareAndSet(null, what)) {
            return false;
        }
        onDemand.execute(() -> {
            queued.set(null);
            run.run();
        });
        return true;
    }

    /** The scheduled incremental run (the routes call it by name: one method of each name). */
    public void incremental() {
        if (!incrementalPaused) {
            incrementalFor("schedule");
        }
    }

    /** @param cause schedule, console or webhook, as the run history names it */
    public void incrementalFor(String cause) {
        Setup current = setup;
        if (current == null || stopping.get()) {
            return;
        }
        DataSync dataSync = current.dataSync();
        String command = "incremental " + current.sourceSystem();
        running.lock();
        try (RunLock lock = RunLock.acquire(dataSync.database("destination", current.destination()), "the service's incremental run", 0)) {
            inFlight = new RunInFlight(command, cause, java.time.Instant.now());
            long history = dataSync.runStarted(current.destination(), command, cause, current.sourceSystem());
            List<IncrementalSync.TypeRun> runs;
            try {
                runs = IncrementalSync.configured(dataSync, current.source(), current.destination())
                        .run(new IncrementalSync.Options(current.sourceSystem(), List.of(), true, null, false,
                                JobSpec.StockMode.INCLUDE, 0, null, stopping::get, current.copy()));
            } catch (Exception e) {
                dataSync.runFinished(current.destination(), history, List.of(), ShopDatabase.rootMessage(e));
                throw e;
            }
            metrics.recorded(runs.stream().map(IncrementalSync.TypeRun::job).toList());
            runs.forEach(run -> metrics.acknowledged(run.acknowledgedChanges()));
            if (runs.isEmpty()) {
                dataSync.runDiscarded(current.destination(), history);
                LOG.debug("incremental: no pending changes");
                return;
            }
            dataSync.runFinished(current.destination(), history, runs.stream().map(IncrementalSync.TypeRun::job).toList(), null);
            List<String> summary = new ArrayList<>();
            for (IncrementalSync.TypeRun run : runs) {
                if (run.parked() > 0) {
                    alerts.parked(run.type(), run.parked(), command);
                }
                if (run.job().failed()) {
                    alerts.runFailed(command, cause, run.type() + ": " + run.job().failureMessage());
                }
                summary.add(String.format(Locale.ROOT, "%s %d changes, %d acknowledged, %d failed, %d parked%s", run.type(),
                        run.changes(), run.acknowledged(), run.failed(), run.parked(), run.job().failed()
                                ? " (stopped: " + ShopDatabase.rootMessage(run.job().failure()) + ")" : ""));
            }
            LOG.info("incremental: {}", String.join("; ", summary));
        } catch (RunLock.HeldException e) {
            LOG.warn("incremental run skipped: {}", e.getMessage());
        } catch (Exception e) {
            metrics.failedRun();
            LOG.error("incremental run failed: {}", ShopDatabase.rootMessage(e));
            alerts.runFailed(command, cause, ShopDatabase.rootMessage(e));
        } finally {
            inFlight = null;
            running.unlock();
        }
    }

    /** One CSV file of the inbox, imported as 'sync <entity> -f <file>' would, with its line in the run history. */
    SyncJob importCsv(String entity, java.nio.file.Path file) {
        Setup current = setup;
        if (current == null || stopping.get()) {
            throw new IllegalStateException("the service is stopping");
        }
        DataSync dataSync = current.dataSync();
        String sourceSystem = dataSync.settings().text("datasync.inbox.source-system");
        String command = "sync " + entity + " " + sourceSystem + " -f " + file.getFileName();
        running.lock();
        try (RunLock lock = RunLock.acquire(dataSync.database("destination", current.destination()), "the service's inbox", 60)) {
            inFlight = new RunInFlight(command, "inbox", java.time.Instant.now());
            long history = dataSync.runStarted(current.destination(), command, "inbox", sourceSystem);
            SyncJob job = dataSync.sync(new JobSpec().entityType(entity).sourceSystem(sourceSystem).adapter("csv").file(file)
                    .skipInvalid(true).stopRequested(stopping::get).rewrite(current.copy().rewrite()), current.destination());
            dataSync.runFinished(current.destination(), history, List.of(job), null);
            metrics.recorded(List.of(job));
            if (job.failed()) {
                alerts.runFailed(command, "inbox", job.failureMessage());
            }
            return job;
        } finally {
            inFlight = null;
            running.unlock();
        }
    }

    /** The full syncs of datasync.schedule.full.entities, in dependency order ("all": every entity type). */
    public void fullSync() {
        Setup current = setup;
        if (current == null) {
            return;
        }
        fullSyncOf(List.of(current.dataSync().settings().text("datasync.schedule.full.entities").split("\\s*,\\s*")), "schedule");
    }

    /**
     * Full syncs of the named entity types, in dependency order ("all": every one).
     *
     * @param cause schedule or console, as the run history names it
     */
    public void fullSyncOf(List<String> named, String cause) {
        Setup current = setup;
        if (current == null || stopping.get()) {
            return;
        }
        DataSync dataSync = current.dataSync();
        List<String> lower = named.stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> entities = new ArrayList<>();
        for (String type : EntityHandlers.IN_DEPENDENCY_ORDER) {
            if ((lower.contains("all") || lower.contains(type)) && !entities.contains(type)) {
                entities.add(type);
            }
        }
        String command = "sync " + String.join(",", lower) + " " + current.sourceSystem();
        running.lock();
        try (RunLock lock = RunLock.acquire(dataSync.database("destination", current.destination()), "the service's full sync", 0)) {
            inFlight = new RunInFlight(command, cause, java.time.Instant.now());
            long history = dataSync.runStarted(current.destination(), command, cause, current.sourceSystem());
            List<SyncJob> jobs = SyncPlan.of(dataSync.handlers(), entities).run(type -> current.copy().applyTo(new JobSpec().entityType(type)
                    .sourceSystem(current.sourceSystem()).adapter("openmage").source(current.source()).skipInvalid(true)
                    .stopRequested(stopping::get)), dataSync.settings().typesAtOnce(), spec -> {
                SyncJob job = dataSync.sync(spec, current.destination());
                LOG.info("full sync {}: {} read, {} written, {} invalid{}", spec.entityType(), job.report().read(),
                        job.report().processed() - job.report().count(org.maho.datasync.model.Outcome.UNCHANGED),
                        job.report().count(org.maho.datasync.model.Outcome.INVALID),
                        job.failed() ? ", stopped: " + ShopDatabase.rootMessage(job.failure()) : "");
                return job;
            }, stopping::get);
            dataSync.runFinished(current.destination(), history, jobs, null);
            metrics.recorded(jobs);
            jobs.stream().filter(SyncJob::failed).findFirst().ifPresent(job -> alerts.runFailed(command, cause,
                    job.handler().type() + ": " + job.failureMessage()));
        } catch (RunLock.HeldException e) {
            LOG.warn("full sync skipped: {}", e.getMessage());
        } catch (Exception e) {
            metrics.failedRun();
            LOG.error("full sync failed: {}", ShopDatabase.rootMessage(e));
            alerts.runFailed(command, cause, ShopDatabase.rootMessage(e));
        } finally {
            inFlight = null;
            running.unlock();
        }
    }
}
