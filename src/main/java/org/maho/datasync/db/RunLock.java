package org.maho.datasync.db;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One writer at a time per destination: every command that writes it ({@code sync}, {@code sync all},
 * {@code incremental}, the service's runs) holds a named lock of the destination's server (GET_LOCK) on a connection
 * for the whole run, since two runs at once would each create what the other is creating. The server releases it when
 * that connection ends, so a crashed holder never blocks later runs. Who holds it, for what, and since when is written
 * beside it for the message a second run prints.
 */
public final class RunLock implements AutoCloseable {

    private static final String TABLE = "datasync_run_lock";

    /** Another run holds the lock. */
    public static final class HeldException extends RuntimeException {
        public HeldException(String message) {
            super(message);
        }
    }

    private final Connection connection;
    private final String name;
    private final String table;

    private RunLock(Connection connection, String name, String table) {
        this.connection = connection;
        this.name = name;
        this.table = table;
    }

    /**
     * Takes the destination's lock, waiting for it at most {@code waitSeconds}, or fails naming the holder, what it runs
     * and its age.
     *
     * @param run what this run is, for the message another run prints ("sync all", "incremental")
     */
    public static RunLock acquire(ShopDatabase destination, String run, int waitSeconds) {
        // the server's lock names are global: the database's name keeps two destinations' runs apart
        String name = ("datasync:" + destination.settings().database());
        name = name.length() > 64 ? name.substring(0, 64) : name;
        Connection connection = null;
        try {
            connection = destination.connection();
            int[] got = {0};
            Sql.query(connection, "SELECT GET_LOCK(?, ?)", List.of(name, Math.max(0, waitSeconds)), row -> got[0] = row.getInt(1));
            if (got[0] != 1) {
                String holder = holder(connection, destination.table(TABLE), name);
                connection.close();
                throw new HeldException("Another DataSync run writes to " + destination.settings().describe()
                        + (holder == null ? "" : ": " + holder) + (waitSeconds > 0 ? "; waited " + waitSeconds + " s" : "")
                        + ". Wait for it to finish (--wait-lock <seconds> waits); a crashed run releases the lock by itself.");
            }
            Sql.update(connection, "CREATE TABLE IF NOT EXISTS " + destination.table(TABLE) + " (lock_name varchar(64) NOT NULL,"
                    + " holder varchar(255) NOT NULL, started_at datetime NOT NULL, PRIMARY KEY (lock_name))"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COMMENT='DataSync: who holds a run lock'", List.of());
            Sql.update(connection, "REPLACE INTO " + destination.table(TABLE) + " (lock_name, holder, started_at)"
                    + " VALUES (?, ?, UTC_TIMESTAMP())", List.of(name, Sql.abbreviated(run + ", " + describeThisProcess(), 255)));
            return new RunLock(connection, name, destination.table(TABLE));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlErrors.wrap("Taking the lock on the destination", e);
        }
    }

    private static String holder(Connection connection, String table, String name) {
        String[] holder = {null};
        try {
            Sql.query(connection, "SELECT holder, started_at, TIMESTAMPDIFF(SECOND, started_at, UTC_TIMESTAMP()) FROM "
                    + table + " WHERE lock_name = ?", List.of(name), row -> holder[0] = row.getString(1) + ", started "
                    + row.getString(2) + " UTC (" + age(row.getLong(3)) + " ago)");
        } catch (SQLException e) {
            // the holder's note is a courtesy: without it the message still says the lock is held
            return null;
        }
        return holder[0];
    }

    private static String age(long seconds) {
        Duration age = Duration.ofSeconds(Math.max(0, seconds));
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + " min " + age.toSecondsPart() + " s" : age.getSeconds() + " s";
    }

    /** This process, as a run's holder or its history names it: its id and host. */
    public static String describeThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown host";
        }
        return "process " + ProcessHandle.current().pid() + " on " + host;
    }

    @Override
    public void close() {
        try {
            // the holder's note lasts as long as the lock: a finished run leaves the destination as it found it
            Sql.update(connection, "DELETE FROM " + table + " WHERE lock_name = ?", List.of(name));
            Sql.query(connection, "SELECT RELEASE_LOCK(?)", List.of(name), row -> { });
        } catch (SQLException e) {
            // closing the connection releases the lock too
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing left to do
            }
        }
    }
}
