package org.maho.datasync.db;

/**
 * A failure worth retrying: a lost connection, a deadlock, a lock wait timeout. The routes retry it with
 * back-off, then stop the run with its message; it never sends a record to the dead letter.
 */
public class TransientDatabaseException extends RuntimeException {
    public TransientDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
