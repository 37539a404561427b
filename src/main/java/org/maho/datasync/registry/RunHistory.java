package org.maho.datasync.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.maho.datasync.db.RunLock;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.db.SqlScript;

/**
 * The destination's run history ({@code datasync_run}, {@code datasync_run_entity}): what ran, why, when, for how long,
 * its counts per entity type, and how it ended. Written by the run that holds the destination's lock, so a run still
 * marked running when another starts was interrupted (killed, or its server lost).
 */
public final class RunHistory {

    public static final String TABLE = "datasync_run";
    public static final String ENTITY_TABLE = "datasync_run_entity";
    private static final String DDL = "schema/datasync/datasync_run.sql";
    private static final int NO_SUCH_TABLE = 1146;

    /** What one entity type of a run did, as its report counts it. */
    public record EntityCounts(String entityType, long read, long created, long updated, long unchanged, long skipped,
                               long invalid, long deleted, double seconds, double recordsPerSecond, boolean failed) {}

    private final ShopDatabase destination;
    private volatile boolean tableExists;

    public RunHistory(ShopDatabase destination) {
        this.destination = destination;
    }

    /**
     * A run starts: the runs still marked running are marked interrupted, runs older than {@code keepDays} go, and
     * this one's line is written. Returns its id.
     *
     * @param cause command, schedule, console or webhook
     */
    public long started(String command, String cause, String sourceSystem, int keepDays) {
        try (Connection connection = destination.connection()) {
            ensureTable(connection);
            Sql.update(connection, "UPDATE " + table() + " SET outcome = 'interrupted', message = 'the run ended before it"
                    + " could say how (killed, or its database lost); the next run of the same command goes on after it'"
                    + " WHERE outcome = 'running'", List.of());
            Sql.update(connection, "DELETE FROM " + table() + " WHERE started_at < UTC_TIMESTAMP() - INTERVAL ? DAY",
                    List.of(keepDays));
            Sql.update(connection, "INSERT INTO " + table() + " (command, cause, source_system, started_at, outcome, host)"
                    + " VALUES (?, ?, ?, UTC_TIMESTAMP(), 'running', ?)", List.of(Sql.abbreviated(command, 255), cause,
                    sourceSystem == null ? "" : sourceSystem, Sql.abbreviated(RunLock.describeThisProcess(), 255)));
            long[] id = {0};
            Sql.query(connection, "SELECT LAST_INSERT_ID()", List.of(), row -> id[0] = row.getLong(1));
            return id[0];
        } catch (SQLException e) {
            throw SqlErrors.wrap("Writing the run history on the destination", e);
        }
    }

    /**
     * The run ended: its outcome (completed, invalid, failed), why it failed if it did, and its counts per type, in one
     * transaction, so that whoever reads the history (the console) never sees a run's counts while it is still running.
     */
    public void finished(long runId, String outcome, String message, List<EntityCounts> entities) {
        try (Connection connection = destination.connection()) {
            connection.setAutoCommit(false);
            try {
                int step = 0;
                for (EntityCounts entity : entities) {
                    Sql.update(connection, "INSERT INTO " + destination.table(ENTITY_TABLE) + " (run_id, step, entity_type,"
                            + " records_read, created, updated, unchanged, skipped, invalid, deleted, seconds, records_per_second,"
                            + " failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", List.of(runId, step++, entity.entityType(),
                            entity.read(), entity.created(), entity.updated(), entity.unchanged(), entity.skipped(), entity.invalid(),
                            entity.deleted(), round(entity.seconds()), round(entity.recordsPerSecond()), entity.failed() ? 1 : 0));
                }
                Sql.update(connection, "UPDATE " + table() + " SET finished_at = UTC_TIMESTAMP(), seconds = TIMESTAMPDIFF(MICROSECOND,"
                        + " started_at, UTC_TIMESTAMP(6)) / 1000000, outcome = ?, message = ? WHERE run_id = ?",
                        java.util.Arrays.asList(outcome, message == null ? null : Sql.abbreviated(message, 60_000), runId));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Sql.rollbackQuietly(connection);
                throw e;
            } finally {
                Sql.restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw SqlErrors.wrap("Writing the run history on the destination", e);
        }
    }

    /** Removes a run's line: it found nothing to do. */
    public void discard(long runId) {
        try (Connection connection = destination.connection()) {
            Sql.update(connection, "DELETE FROM " + table() + " WHERE run_id = ?", List.of(runId));
        } catch (SQLException e) {
            throw SqlErrors.wrap("Writing the run history on the destination", e);
        }
    }

    /** A run as the history holds it; {@code entities} is empty in a page of runs and filled for one run. */
    public record Run(long runId, String command, String cause, String sourceSystem, java.time.LocalDateTime startedAt,
                      java.time.LocalDateTime finishedAt, Double seconds, String outcome, String message, String host,
                      long read, long written, long invalid, List<EntityCounts> entities) {}

    private static final String RUN_COLUMNS = "r.run_id, r.command, r.cause, r.source_system, r.started_at, r.finished_at,"
            + " r.seconds, r.outcome, r.message, r.host, COALESCE(SUM(e.records_read), 0),"
            + " COALESCE(SUM(e.created + e.updated + e.deleted), 0), COALESCE(SUM(e.invalid), 0)";

    /** The runs, newest first, a page at a time; none when no run has written the history yet. */
    public List<Run> runs(int limit, int offset) {
        return readRuns("ORDER BY r.run_id DESC LIMIT ? OFFSET ?", List.of(limit, offset));
    }

    /** One run with its counts per entity type, or null. */
    public Run run(long runId) {
        List<Run> found = readRuns("HAVING r.run_id = ?", List.of(runId));
        if (found.isEmpty()) {
            return null;
        }
        List<EntityCounts> entities = new java.util.ArrayList<>();
        read("SELECT entity_type, records_read, created, updated, unchanged, skipped, invalid, deleted, seconds,"
                + " records_per_second, failed FROM " + destination.table(ENTITY_TABLE) + " WHERE run_id = ? ORDER BY step",
                List.of(runId), row -> entities.add(new EntityCounts(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getDouble(9), row.getDouble(10),
                        row.getBoolean(11))));
        Run run = found.get(0);
        return new Run(run.runId(), run.command(), run.cause(), run.sourceSystem(), run.startedAt(), run.finishedAt(),
                run.seconds(), run.outcome(), run.message(), run.host(), run.read(), run.written(), run.invalid(), entities);
    }

    /** One entity type's part in a recent run, newest first: what the console's overview draws. */
    public record EntityRun(long runId, java.time.LocalDateTime startedAt, String outcome, EntityCounts counts) {}

    /** Per entity type, its parts in the most recent runs (at most {@code perType}), newest first. */
    public java.util.Map<String, List<EntityRun>> recentByEntity(int perType) {
        java.util.Map<String, List<EntityRun>> recent = new java.util.TreeMap<>();
        read("SELECT r.run_id, r.started_at, r.outcome, e.entity_type, e.records_read, e.created, e.updated, e.unchanged,"
                + " e.skipped, e.invalid, e.deleted, e.seconds, e.records_per_second, e.failed FROM (SELECT e.*, ROW_NUMBER() OVER"
                + " (PARTITION BY e.entity_type ORDER BY e.run_id DESC) AS position FROM " + destination.table(ENTITY_TABLE)
                + " e) e JOIN " + table() + " r USING (run_id) WHERE e.position <= ? ORDER BY e.run_id DESC", List.of(perType),
                row -> recent.computeIfAbsent(row.getString(4), k -> new java.util.ArrayList<>()).add(new EntityRun(row.getLong(1),
                        row.getObject(2, java.time.LocalDateTime.class), row.getString(3), new EntityCounts(row.getString(4),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10),
                        row.getLong(11), row.getDouble(12), row.getDouble(13), row.getBoolean(14)))));
        return recent;
    }

    private List<Run> readRuns(String tail, List<?> params) {
        List<Run> runs = new java.util.ArrayList<>();
        read("SELECT " + RUN_COLUMNS + " FROM " + table() + " r LEFT JOIN " + destination.table(ENTITY_TABLE)
                + " e USING (run_id) GROUP BY r.run_id " + tail, params, row -> runs.add(new Run(row.getLong(1), row.getString(2),
                row.getString(3), row.getString(4), row.getObject(5, java.time.LocalDateTime.class),
                row.getObject(6, java.time.LocalDateTime.class), row.getObject(7) == null ? null : row.getDouble(7),
                row.getString(8), row.getString(9), row.getString(10), row.getLong(11), row.getLong(12), row.getLong(13), List.of())));
        return runs;
    }

    private void read(String sql, List<?> params, Sql.RowHandler handler) {
        try (Connection connection = destination.connection()) {
            Sql.query(connection, sql, params, handler);
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                // no run has written the history yet
                return;
            }
            throw SqlErrors.wrap("Reading the run history on the destination", e);
        }
    }

    private void ensureTable(Connection connection) throws SQLException {
        if (tableExists) {
            return;
        }
        SqlScript.createTables(connection, DDL, destination, ENTITY_TABLE, TABLE);
        tableExists = true;
    }

    private String table() {
        return destination.table(TABLE);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
