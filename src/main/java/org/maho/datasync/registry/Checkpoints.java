package org.maho.datasync.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;
import org.maho.datasync.db.SqlScript;
import org.maho.datasync.model.DateValues;

/**
 * The destination's checkpoints of resumable commands: per command and step, where its committed batches reached, or
 * that the step is done. A batch's checkpoint is written in the batch's own transaction, so it never runs ahead of
 * what is committed.
 */
public final class Checkpoints {

    public static final String TABLE = "datasync_checkpoint";
    private static final String DDL = "schema/datasync/datasync_checkpoint.sql";

    /**
     * One step's checkpoint as an interrupted run left it.
     *
     * @param lastSourceId the last source id of {@code readingPass} done with all before it; null when none is
     */
    public record Stored(int step, String entityType, int readingPass, Long lastSourceId, boolean done,
                         LocalDateTime updatedAt) {}

    private final ShopDatabase destination;
    private volatile boolean tableExists;

    public Checkpoints(ShopDatabase destination) {
        this.destination = destination;
    }

    public void ensureTable() {
        if (tableExists) {
            return;
        }
        try (Connection connection = destination.connection()) {
            SqlScript.createTables(connection, DDL, destination, TABLE);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Creating the checkpoint table on the destination", e);
        }
        tableExists = true;
    }

    /** The command's checkpoints by step; empty when it has none. */
    public Map<Integer, Stored> load(String runKey) {
        Map<Integer, Stored> steps = new TreeMap<>();
        try (Connection connection = destination.connection()) {
            Sql.query(connection, "SELECT step, entity_type, reading_pass, last_source_id, done, updated_at FROM " + table()
                    + " WHERE run_key = ?", List.of(runKey), row -> {
                        long id = row.getLong(4);
                        Long lastSourceId = row.wasNull() ? null : id;
                        steps.put(row.getInt(1), new Stored(row.getInt(1), row.getString(2), row.getInt(3), lastSourceId,
                                row.getBoolean(5), DateValues.parse(row.getString(6))));
                    });
        } catch (SQLException e) {
            throw SqlErrors.wrap("Reading the checkpoints on the destination", e);
        }
        return steps;
    }

    /** The step's records through this source id of this reading pass are committed with this transaction. */
    public void save(Connection transaction, String runKey, int step, String entityType, String command, int readingPass,
                     long lastSourceId) throws SQLException {
        Sql.update(transaction, "INSERT INTO " + table() + " (run_key, step, entity_type, reading_pass, last_source_id, done,"
                + " command, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE"
                + " reading_pass = VALUES(reading_pass), last_source_id = VALUES(last_source_id), updated_at = VALUES(updated_at)",
                List.of(runKey, step, entityType, readingPass, lastSourceId, Sql.abbreviated(command, 255)));
    }

    /** The step is done: a rerun of the command goes on with the next one. */
    public void done(String runKey, int step, String entityType, String command) {
        try (Connection connection = destination.connection()) {
            Sql.update(connection, "INSERT INTO " + table() + " (run_key, step, entity_type, done, command, updated_at)"
                    + " VALUES (?, ?, ?, 1, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE done = 1, updated_at = VALUES(updated_at)",
                    List.of(runKey, step, entityType, Sql.abbreviated(command, 255)));
        } catch (SQLException e) {
            throw SqlErrors.wrap("Writing the checkpoint of " + entityType + " on the destination", e);
        }
    }

    /** The command completed, or starts over: its checkpoints go. */
    public void clear(String runKey) {
        try (Connection connection = destination.connection()) {
            Sql.update(connection, "DELETE FROM " + table() + " WHERE run_key = ?", List.of(runKey));
        } catch (SQLException e) {
            throw SqlErrors.wrap("Removing the checkpoints on the destination", e);
        }
    }

    private String table() {
        return destination.table(TABLE);
    }
}
