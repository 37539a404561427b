package org.maho.datasync.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
                    + " VALUES (?, ?, ?, UTC_TIMESTAMP(), 'running', ?)", List.of(abbreviated(command, 255), cause,
                    sourceSystem == null ? "" : sourceSystem, abbreviated(RunLock.describeThisProcess(), 255)));
            long[] id = {0};
            Sql.query(connection, "SELECT LAST_INSERT_ID()", List.of(), row -> id[0] = row.getLong(1));
            return id[0];
        } catch (SQLException e) {
            throw SqlErrors.wrap("Writing the run history on the destination", e);
        }
    }

    /** The run ended: its outcome (completed, invalid, failed), why it failed if it did, and its counts per type. */
    public void finished(long runId, String outcome, String message, List<EntityCounts> entities) {
        try (Connection connection = destination.connection()) {
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
                    java.util.Arrays.asList(outcome, message == null ? null : abbreviated(message, 60_000), runId));
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

    private void ensureTable(Connection connection) throws SQLException {
        if (tableExists) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : SqlScript.statements(DDL)) {
                statement.execute(sql.replace("`" + ENTITY_TABLE + "`", "`" + destination.table(ENTITY_TABLE) + "`")
                        .replace("`" + TABLE + "`", "`" + table() + "`"));
            }
        }
        tableExists = true;
    }

    private String table() {
        return destination.table(TABLE);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String abbreviated(String text, int length) {
        return text.length() > length ? text.substring(0, length - 3) + "..." : text;
    }

}
