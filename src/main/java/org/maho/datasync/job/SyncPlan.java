package org.maho.datasync.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one place that decides how several entity types sync together, for {@code sync all}, the service's full syncs,
 * the incremental run and the demo: which types run, in dependency order (a type that refers to one written after it
 * runs again once that one is written), which of them may run at once (a type beside the others once the types it
 * needs are written: customers beside products, shipments beside invoices), that products leave their stock to the
 * stock type when both run, and that nothing more starts after a type failed, since the ones after it may depend on it.
 */
public final class SyncPlan {

    /** Runs one job of the plan. */
    public interface Runner {
        SyncJob run(JobSpec spec);
    }

    private final EntityHandlers handlers;
    private final List<String> types;
    private final boolean withStock;

    private SyncPlan(EntityHandlers handlers, List<String> types, boolean withStock) {
        this.handlers = handlers;
        this.types = List.copyOf(types);
        this.withStock = withStock;
    }

    /** The plan for the given entity types, in any order. */
    public static SyncPlan of(EntityHandlers handlers, Collection<String> types) {
        return new SyncPlan(handlers, handlers.runsInOrder(types), types.contains("stock"));
    }

    /** The runs, in order: a type that is revisited is there twice. */
    public List<String> types() {
        return types;
    }

    /**
     * Every run's job at once, before any runs (so that a bad option is reported before anything is written).
     *
     * @param specFor the job of one type, as the caller sets it up (source, options)
     */
    public List<JobSpec> jobs(Function<String, JobSpec> specFor) {
        List<JobSpec> jobs = new ArrayList<>();
        for (String type : types) {
            jobs.add(withStockRule(specFor.apply(type)));
        }
        return jobs;
    }

    /**
     * Runs the types, each job made just before it runs, until one fails or {@code stop} says so; returns the jobs that
     * ran, in the plan's order.
     *
     * @param specFor the job of one type; null leaves the type out (an incremental run's type without pending changes)
     * @param lanes   how many types may run at once, each once the types it needs are written (1: one after another)
     */
    public List<SyncJob> run(Function<String, JobSpec> specFor, int lanes, Runner runner, BooleanSupplier stop) {
        return run(types, step -> {
            JobSpec spec = specFor.apply(types.get(step));
            return spec == null ? null : withStockRule(spec);
        }, handlers, lanes, runner, stop);
    }

    /** Runs jobs made beforehand ({@link #jobs}) with the same rules. */
    public static List<SyncJob> run(List<JobSpec> jobs, EntityHandlers handlers, int lanes, Runner runner, BooleanSupplier stop) {
        return run(jobs.stream().map(JobSpec::entityType).toList(), jobs::get, handlers, lanes, runner, stop);
    }

    /**
     * The one loop. A step starts once a lane is free and every earlier step it waits for ({@link #waitsFor}) has
     * finished, the first such step in plan order first; after a failure or a stop nothing more starts, and the steps
     * running finish. With one lane that is the plan's order, on the caller's thread.
     */
    private static List<SyncJob> run(List<String> types, IntFunction<JobSpec> specAt, EntityHandlers handlers, int lanes,
                                     Runner runner, BooleanSupplier stop) {
        int count = types.size();
        SyncJob[] ran = new SyncJob[count];
        boolean[] started = new boolean[count];
        boolean[] finished = new boolean[count];
        ExecutorService threads = lanes > 1 ? Executors.newFixedThreadPool(lanes, laneThreads()) : null;
        CompletionService<Integer> completions = threads == null ? null : new ExecutorCompletionService<>(threads);
        int running = 0;
        boolean failed = false;
        RuntimeException thrown = null;
        try {
            while (true) {
                int next;
                while (!failed && thrown == null && running < lanes && !stop.getAsBoolean()
                        && (next = nextReady(types, handlers, started, finished)) >= 0) {
                    started[next] = true;
                    JobSpec spec = specAt.apply(next);
                    if (spec == null) {
                        finished[next] = true;
                    } else if (threads == null) {
                        ran[next] = runner.run(spec);
                        finished[next] = true;
                        failed = ran[next].failed();
                    } else {
                        int step = next;
                        completions.submit(() -> {
                            ran[step] = runner.run(spec);
                            return step;
                        });
                        running++;
                    }
                }
                if (running == 0) {
                    break;
                }
                Future<Integer> done = completions.take();
                running--;
                try {
                    int step = done.get();
                    finished[step] = true;
                    failed |= ran[step].failed();
                } catch (ExecutionException e) {
                    // the others finish first: a type half written is worse than a late error
                    if (thrown == null) {
                        thrown = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while entity types were syncing", e);
        } finally {
            if (threads != null) {
                threads.shutdownNow();
            }
        }
        if (thrown != null) {
            throw thrown;
        }
        List<SyncJob> done = new ArrayList<>();
        for (SyncJob job : ran) {
            if (job != null) {
                done.add(job);
            }
        }
        return done;
    }

    /** The first step not started whose every earlier step it waits for has finished; -1 if none is ready now. */
    private static int nextReady(List<String> types, EntityHandlers handlers, boolean[] started, boolean[] finished) {
        for (int step = 0; step < types.size(); step++) {
            if (!started[step] && readyToStart(step, types, handlers, finished)) {
                return step;
            }
        }
        return -1;
    }

    private static boolean readyToStart(int step, List<String> types, EntityHandlers handlers, boolean[] finished) {
        for (int earlier = 0; earlier < step; earlier++) {
            if (!finished[earlier] && waitsFor(handlers, types.get(step), types.get(earlier))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a run of {@code type} waits for an earlier run of {@code earlier}: of its own type, of a type it needs
     * written ({@link EntityHandler#needsWritten}), or of any type when it does not say what it needs.
     */
    static boolean waitsFor(EntityHandlers handlers, String type, String earlier) {
        Set<String> needs = handlers.find(type).map(EntityHandler::needsWritten).orElse(null);
        return needs == null || needs.contains(earlier) || type.equals(earlier);
    }

    private static ThreadFactory laneThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "datasync-type-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stock comes last, set-based, on its own: products leave it alone when the stock type runs too. */
    private JobSpec withStockRule(JobSpec spec) {
        if (withStock && "product".equals(spec.entityType()) && spec.stockMode() == JobSpec.StockMode.INCLUDE) {
            spec.stockMode(JobSpec.StockMode.EXCLUDE);
        }
        return spec;
    }
}
