package org.maho.datasync.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The one place that decides how several entity types sync together, for {@code sync all}, the service's full syncs,
 * the incremental run and the demo: which types run, in dependency order (a type that refers to one written after it
 * runs again once that one is written), that products leave their stock to the stock type when both run, and that
 * the run stops after the first type that failed, since the ones after it depend on it.
 */
public final class SyncPlan {

    /** Runs one job of the plan. */
    public interface Runner {
        SyncJob run(JobSpec spec);
    }

    private final List<String> types;
    private final boolean withStock;

    private SyncPlan(List<String> types, boolean withStock) {
        this.types = List.copyOf(types);
        this.withStock = withStock;
    }

    /** The plan for the given entity types, in any order. */
    public static SyncPlan of(EntityHandlers handlers, Collection<String> types) {
        return new SyncPlan(handlers.runsInOrder(types), types.contains("stock"));
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
     * Runs the types in order, each job made just before it runs, until one fails or {@code stop} says so; returns the
     * jobs that ran.
     *
     * @param specFor the job of one type; null leaves the type out (an incremental run's type without pending changes)
     */
    public List<SyncJob> run(Function<String, JobSpec> specFor, Runner runner, BooleanSupplier stop) {
        return run(types.stream().map(type -> {
            JobSpec spec = specFor.apply(type);
            return spec == null ? null : withStockRule(spec);
        }).iterator(), runner, stop);
    }

    /** Runs jobs made beforehand ({@link #jobs}), in their order, with the same rules. */
    public static List<SyncJob> run(List<JobSpec> jobs, Runner runner, BooleanSupplier stop) {
        return run(jobs.iterator(), runner, stop);
    }

    /** The one loop: each job in turn, a null one left out, until one fails or {@code stop} says so. */
    private static List<SyncJob> run(java.util.Iterator<JobSpec> jobs, Runner runner, BooleanSupplier stop) {
        List<SyncJob> done = new ArrayList<>();
        while (!stop.getAsBoolean() && jobs.hasNext()) {
            JobSpec spec = jobs.next();
            if (spec == null) {
                continue;
            }
            SyncJob job = runner.run(spec);
            done.add(job);
            if (job.failed()) {
                break;
            }
        }
        return done;
    }

    /** Stock comes last, set-based, on its own: products leave it alone when the stock type runs too. */
    private JobSpec withStockRule(JobSpec spec) {
        if (withStock && "product".equals(spec.entityType()) && spec.stockMode() == JobSpec.StockMode.INCLUDE) {
            spec.stockMode(JobSpec.StockMode.EXCLUDE);
        }
        return spec;
    }
}
