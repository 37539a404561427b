package org.maho.datasync.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.EntityReport;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.registry.RunHistory;
import org.maho.datasync.tracker.ChangeTracker;
import org.maho.datasync.tracker.TrackedEntities;
import org.maho.datasync.tracker.TrackerTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console shows and does, as the API's routes call it (service-routes/api.camel.yaml): the state of every
 * entity type, the run history, dead letters, parked changes and schedules; and the actions, each logged with who
 * asked. Runs asked for here run on the service's own thread, under the destination's run lock like any other.
 */
public final class ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger("datasync.api");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SPARKLINE_RUNS = 20;

    private final SyncService service;
    private final Alerts alerts;
    private volatile Schedules schedules;

    public ConsoleApi(SyncService service, Alerts alerts) {
        this.service = service;
        this.alerts = alerts;
    }

    void attach(Schedules value) {
        schedules = value;
    }

    /** Per entity type: pending and parked changes, the oldest pending's age, the last run and its records/s; the run in flight. */
    public Map<String, Object> status() throws SQLException {
        SyncService.Setup setup = setup();
        ChangeTracker.Status tracker = ChangeTracker.status(setup.dataSync().database("source", setup.source()));
        Map<String, ChangeTracker.Pending> pending = new LinkedHashMap<>();
        tracker.pending().forEach(line -> pending.put(line.type(), line));
        Map<String, Long> parked = parkedByType(setup);
        Map<String, List<RunHistory.EntityRun>> recent = history(setup).recentByEntity(SPARKLINE_RUNS);
        List<Map<String, Object>> types = new ArrayList<>();
        for (String type : EntityHandlers.IN_DEPENDENCY_ORDER) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", type);
            boolean tracked = TrackedEntities.find(type).isPresent();
            line.put("tracked", tracked);
            ChangeTracker.Pending waiting = pending.get(type);
            line.put("pending", tracked ? (waiting == null ? 0 : waiting.count()) : null);
            line.put("oldestPendingSeconds", waiting == null ? null : waiting.oldestAgeSeconds());
            line.put("parked", tracked ? parked.getOrDefault(type, 0L) : null);
            List<RunHistory.EntityRun> runs = recent.getOrDefault(type, List.of());
            if (!runs.isEmpty()) {
                RunHistory.EntityRun last = runs.get(0);
                Map<String, Object> lastRun = new LinkedHashMap<>();
                lastRun.put("runId", last.runId());
                lastRun.put("startedAt", instant(last.startedAt()));
                lastRun.put("outcome", last.counts().failed() ? "failed" : last.counts().invalid() > 0 ? "invalid" : last.outcome());
                lastRun.putAll(counts(last.counts()));
                line.put("lastRun", lastRun);
            }
            // oldest first, as a sparkline reads
            List<Double> rates = new ArrayList<>(runs.stream().map(run -> run.counts().recordsPerSecond()).toList());
            java.util.Collections.reverse(rates);
            line.put("recordsPerSecond", rates);
            types.add(line);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("source", setup.source().describe());
        status.put("destination", setup.destination().describe());
        status.put("sourceSystem", setup.sourceSystem());
        status.put("trackerInstalled", tracker.installed());
        status.put("types", types);
        status.put("inFlight", inFlight(setup.dataSync()));
        status.put("alerts", alerts.recent());
        return status;
    }

    public Map<String, Object> runs(Integer limit, Integer offset) {
        int size = limit == null ? 25 : Math.max(1, Math.min(limit, 200));
        int from = offset == null ? 0 : Math.max(0, offset);
        List<Map<String, Object>> runs = history(setup()).runs(size + 1, from).stream().map(ConsoleApi::run).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("runs", runs.subList(0, Math.min(size, runs.size())));
        page.put("offset", from);
        page.put("more", runs.size() > size);
        return page;
    }

    public Map<String, Object> run(long runId) {
        RunHistory.Run run = history(setup()).run(runId);
        if (run == null) {
            throw new ApiRefusedException(404, "no run " + runId + " in the history");
        }
        Map<String, Object> described = run(run);
        described.put("entities", run.entities().stream().map(entity -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", entity.entityType());
            line.putAll(counts(entity));
            line.put("failed", entity.failed());
            return line;
        }).toList());
        return described;
    }

    /** The dead-letter files, newest first, each with its first records: source, record, field and reason, values. */
    public Map<String, Object> deadLetters(Integer limit) throws IOException {
        int size = limit == null ? 20 : Math.max(1, Math.min(limit, 200));
        Path directory = setup().dataSync().deadLetterDirectory();
        List<Map<String, Object>> files = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            List<Path> found;
            try (Stream<Path> listed = Files.list(directory)) {
                found = listed.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted((a, b) ->
                        Long.compare(b.toFile().lastModified(), a.toFile().lastModified())).limit(size).toList();
            }
            for (Path file : found) {
                files.add(deadLetterFile(file));
            }
        }
        return Map.of("directory", directory.toString(), "files", files);
    }

    public Map<String, Object> parked(Integer limit, Integer offset) throws SQLException {
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        List<Map<String, Object>> parked = tracker(setup()).parked(size, offset == null ? 0 : Math.max(0, offset)).stream()
                .map(change -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("id", change.trackerId());
                    line.put("type", change.type());
                    line.put("entityId", change.entityId());
                    line.put("action", change.action());
                    line.put("identifier", change.identifier());
                    line.put("attempts", change.attempts());
                    line.put("reason", change.reason());
                    line.put("changedAt", instant(change.changedAt()));
                    line.put("parkedAt", instant(change.parkedAt()));
                    return line;
                }).toList();
        return Map.of("parked", parked);
    }

    public Map<String, Object> schedules() {
        return Map.of("schedules", schedules.list());
    }

    // --- actions: each names who asked in the log ---

    /** Not logged: a shop sends one after every commit. */
    public Map<String, Object> wake(Exchange exchange) {
        boolean accepted = service.wake();
        return Map.of("accepted", accepted, "message", accepted ? "an incremental run starts now, or right after the one in flight"
                : "the incremental schedule is paused");
    }

    public Map<String, Object> runIncremental(Exchange exchange) {
        String who = caller(exchange);
        boolean accepted = service.runSoon("incremental", () -> service.incrementalFor("console"));
        LOG.info("{} asked for an incremental run{}", who, accepted ? "" : " (one is waiting already)");
        return accepted("incremental", accepted);
    }

    /** Body {"entities": ["customer", "order"]} (or "all"): a full sync of those types, in dependency order. */
    public Map<String, Object> runSync(Exchange exchange) {
        String who = caller(exchange);
        List<String> entities = stringList(body(exchange).get("entities"));
        if (entities.isEmpty()) {
            throw new ApiRefusedException(400, "name the entity types to sync: {\"entities\": [\"customer\", ...]} or [\"all\"]");
        }
        List<String> unknown = entities.stream().map(type -> type.toLowerCase(Locale.ROOT))
                .filter(type -> !"all".equals(type) && !EntityHandlers.IN_DEPENDENCY_ORDER.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiRefusedException(400, "unknown entity type " + String.join(", ", unknown) + "; known: all, "
                    + String.join(", ", EntityHandlers.IN_DEPENDENCY_ORDER));
        }
        boolean accepted = service.runSoon("sync", () -> service.fullSyncOf(entities, "console"));
        LOG.info("{} asked for a sync of {}{}", who, String.join(", ", entities), accepted ? "" : " (one is waiting already)");
        return accepted("sync " + String.join(",", entities), accepted);
    }

    public Map<String, Object> retryParked(Exchange exchange, Long id) throws SQLException {
        String who = caller(exchange);
        int retried = tracker(setup()).retryParked(id);
        if (id != null && retried == 0) {
            throw new ApiRefusedException(404, "no parked change " + id);
        }
        LOG.info("{} gave {} parked change{} another round{}", who, retried, retried == 1 ? "" : "s", id == null ? "" : " (" + id + ")");
        return Map.of("retried", retried);
    }

    public Map<String, Object> dismissParked(Exchange exchange, long id) throws SQLException {
        String who = caller(exchange);
        if (tracker(setup()).dismissParked(id) == 0) {
            throw new ApiRefusedException(404, "no parked change " + id);
        }
        LOG.info("{} dismissed parked change {}", who, id);
        return Map.of("dismissed", id);
    }

    public Map<String, Object> pauseSchedule(Exchange exchange, String name) {
        schedules.pause(name, caller(exchange));
        return schedules();
    }

    public Map<String, Object> resumeSchedule(Exchange exchange, String name) {
        schedules.resume(name, caller(exchange));
        return schedules();
    }

    /** Body {"cron": "0 0/10 * * * ?"}: Quartz cron, seconds first. */
    public Map<String, Object> setCron(Exchange exchange, String name) {
        Object cron = body(exchange).get("cron");
        schedules.cron(name, cron == null ? null : cron.toString(), caller(exchange));
        return schedules();
    }

    // ---

    private Map<String, Object> inFlight(DataSync dataSync) {
        SyncService.RunInFlight run = service.inFlight();
        if (run == null) {
            return null;
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("command", run.command());
        described.put("cause", run.cause());
        described.put("startedAt", run.startedAt().toString());
        java.util.List<SyncJob> jobs = dataSync.jobsInFlight();
        if (!jobs.isEmpty()) {
            SyncJob job = jobs.get(0);
            // types running beside it (datasync.parallel.types), named only
            described.put("alsoRunning", jobs.stream().skip(1).map(other -> other.report().entityType()).toList());
            EntityReport report = job.report();
            described.put("type", report.entityType());
            described.put("read", report.read());
            described.put("processed", report.processed());
            // an incremental run knows how many records it syncs; a full sync reads until its source ends
            described.put("total", job.spec().entityIds().isEmpty() ? null : job.spec().entityIds().size());
            described.put("recordsPerSecond", Math.round(report.recordsPerSecond()));
        }
        return described;
    }

    private Map<String, Long> parkedByType(SyncService.Setup setup) throws SQLException {
        Map<String, Long> parked = new LinkedHashMap<>();
        org.maho.datasync.db.ShopDatabase source = setup.dataSync().database("source", setup.source());
        if (!source.hasTable(ChangeTracker.TABLE)) {
            return parked;
        }
        try (java.sql.Connection connection = source.connection()) {
            return ChangeTracker.parkedByType(connection);
        }
    }

    private static Map<String, Object> deadLetterFile(Path file) throws IOException {
        List<Object> letters = new ArrayList<>();
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (lines++ < 50) {
                    letters.add(JSON.readValue(line, Map.class));
                }
            }
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("file", file.getFileName().toString());
        described.put("modifiedAt", java.time.Instant.ofEpochMilli(file.toFile().lastModified()).toString());
        described.put("records", lines);
        described.put("letters", letters);
        return described;
    }

    private static Map<String, Object> run(RunHistory.Run run) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("runId", run.runId());
        described.put("command", run.command());
        described.put("cause", run.cause());
        described.put("sourceSystem", run.sourceSystem());
        described.put("startedAt", instant(run.startedAt()));
        described.put("finishedAt", instant(run.finishedAt()));
        described.put("seconds", run.seconds());
        described.put("outcome", run.outcome());
        described.put("message", run.message());
        described.put("host", run.host());
        described.put("read", run.read());
        described.put("written", run.written());
        described.put("invalid", run.invalid());
        return described;
    }

    private static Map<String, Object> counts(RunHistory.EntityCounts counts) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("read", counts.read());
        described.put("created", counts.created());
        described.put("updated", counts.updated());
        described.put("unchanged", counts.unchanged());
        described.put("skipped", counts.skipped());
        described.put("invalid", counts.invalid());
        described.put("deleted", counts.deleted());
        described.put("seconds", counts.seconds());
        described.put("recordsPerSecond", counts.recordsPerSecond());
        return described;
    }

    private static Map<String, Object> accepted(String run, boolean accepted) {
        return Map.of("run", run, "accepted", accepted, "message", accepted ? "the run starts as soon as the destination is free"
                : "a run asked for earlier is waiting already");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, Map.class);
        } catch (IOException e) {
            throw new ApiRefusedException(400, "the body is not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static List<String> stringList(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString().split("\\s*,\\s*"));
    }

    private static String caller(Exchange exchange) {
        return exchange.getProperty(ApiAccess.CALLER, "unknown", String.class);
    }

    private SyncService.Setup setup() {
        SyncService.Setup setup = service.setup();
        if (setup == null) {
            throw new ApiRefusedException(409, "the service is starting");
        }
        return setup;
    }

    private static RunHistory history(SyncService.Setup setup) {
        return setup.dataSync().runHistory(setup.destination());
    }

    private static TrackerTable tracker(SyncService.Setup setup) {
        TrackerTable tracker = new TrackerTable(setup.dataSync().database("source", setup.source()));
        if (!tracker.exists()) {
            throw new ApiRefusedException(409, "the source has no change tracker: run 'datasync tracker install'");
        }
        return tracker;
    }

    private static String instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC).toString();
    }
}
