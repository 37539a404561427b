package org.maho.datasync.db;

/** A shop database cannot be reached or read: an infrastructure failure, never a data error. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
