package org.maho.datasync.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Sorts database errors into the three things a run does about them: retry (the connection or a lock),
 * blame the record (its data broke a constraint), or stop (anything else: the schema, permissions).
 */
public final class SqlErrors {

    /** Lock wait timeout, deadlock, server gone away, lost connection, too many connections, connection killed. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1205, 1213, 2006, 2013, 1040, 1927, 1053);

    private SqlErrors() {}

    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            // a connection lost while a result's rows were being read: the driver names it with no SQL state
            if (cause instanceof java.io.IOException || cause.getClass().getSimpleName().endsWith("CommunicationsException")) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                if (TRANSIENT_CODES.contains(sql.getErrorCode())) {
                    return true;
                }
                String state = sql.getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The run-level exception for a failed statement: {@link TransientDatabaseException} (retried by the routes)
     * for a lost connection or a lock, else an {@link IllegalStateException} that stops the run.
     */
    public static RuntimeException wrap(String doing, SQLException error) {
        String message = doing + " failed: " + ShopDatabase.rootMessage(error);
        if (isTransient(error)) {
            return new TransientDatabaseException(message, error);
        }
        return new IllegalStateException(message, error);
    }

    /** A data exception (SQLSTATE 22) or an integrity violation (23): the record's fault, not the run's. */
    public static boolean isDataError(SQLException error) {
        if (isTransient(error)) {
            return false;
        }
        for (SQLException cause = error; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        Throwable cause = error.getCause();
        return cause instanceof SQLException sql && sql != error && isDataError(sql);
    }
}
