package org.maho.datasync.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.tracker.ChangeTracker;
import org.maho.datasync.tracker.TrackedEntities;

/**
 * The service's meters, beside Camel's own (whose route timers give each batch's latency, route datasync-sync-batch):
 * records synced and failed per entity type, runs that failed, and the tracker's pending changes and lag, read from
 * the source at most every ten seconds however often Prometheus scrapes.
 */
public final class ServiceMetrics {

    private static final long TRACKER_REFRESH_NANOS = 10_000_000_000L;

    private final MeterRegistry registry;
    private final ShopDatabase source;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private volatile long lagSeconds;
    private volatile long readAt;

    public ServiceMetrics(MeterRegistry registry, ShopDatabase source) {
        this.registry = registry;
        this.source = source;
        for (String type : TrackedEntities.types()) {
            Gauge.builder("datasync.tracker.pending", () -> tracker().getOrDefault(type, 0L))
                    .description("Changes pending in the source's tracker").tag("entity", type).register(registry);
        }
        Gauge.builder("datasync.tracker.lag.seconds", () -> {
            tracker();
            return lagSeconds;
        }).description("Age of the oldest pending change").baseUnit("seconds").register(registry);
    }

    /** Counts what the jobs did, per entity type and outcome. */
    void recorded(List<SyncJob> jobs) {
        for (SyncJob job : jobs) {
            for (Outcome outcome : Outcome.values()) {
                long count = job.report().count(outcome);
                if (count > 0) {
                    Counter.builder("datasync.records").description("Records synced, by entity type and outcome")
                            .tag("entity", job.report().entityType()).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry).increment(count);
                }
            }
            if (job.report().deleted() > 0) {
                Counter.builder("datasync.records").tag("entity", job.report().entityType()).tag("outcome", "deleted")
                        .register(registry).increment(job.report().deleted());
            }
            if (job.failed()) {
                failedRun();
            }
        }
        readAt = 0;
    }

    /**
     * From each change's commit on the source to its acknowledgement after the destination committed. The tracker keeps
     * whole seconds, so a figure here may be up to a second above the true one; bench/latency.sh measures to the
     * millisecond from outside.
     */
    void acknowledged(List<java.time.LocalDateTime> changedAt) {
        if (changedAt.isEmpty()) {
            return;
        }
        io.micrometer.core.instrument.Timer timer = io.micrometer.core.instrument.Timer.builder("datasync.change.latency")
                .description("From a change on the source (whole seconds) to its acknowledgement after the destination committed")
                .serviceLevelObjectives(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30),
                        java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(30))
                .register(registry);
        java.time.Instant now = java.time.Instant.now();
        for (java.time.LocalDateTime at : changedAt) {
            timer.record(java.time.Duration.between(at.toInstant(java.time.ZoneOffset.UTC), now).abs());
        }
    }

    void failedRun() {
        Counter.builder("datasync.runs.failed").description("Runs that stopped before their end").register(registry).increment();
    }

    private synchronized Map<String, Long> tracker() {
        if (System.nanoTime() - readAt < TRACKER_REFRESH_NANOS && readAt != 0) {
            return pending;
        }
        try (Connection connection = source.connection()) {
            pending.clear();
            long[] oldest = {0};
            if (source.hasTable(ChangeTracker.TABLE)) {
                for (ChangeTracker.Pending type : ChangeTracker.pending(connection)) {
                    pending.put(type.type(), type.count());
                    oldest[0] = Math.max(oldest[0], type.oldestAgeSeconds());
                }
            }
            lagSeconds = oldest[0];
            readAt = System.nanoTime();
        } catch (SQLException | RuntimeException e) {
            // the gauges keep their last values; the health check says the source is unreachable
        }
        return pending;
    }
}
