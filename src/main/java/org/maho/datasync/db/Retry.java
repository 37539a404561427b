package org.maho.datasync.db;

import java.sql.SQLException;

/**
 * Retries a read that failed for a transient reason (a lost connection, a lock) with growing pauses, then
 * gives up with a message naming what was being read. Reads are idempotent, so a retry is always safe.
 */
public final class Retry {

    public interface Read<T> {
        T run() throws SQLException;
    }

    private final int attempts;
    private final long firstDelayMillis;

    public Retry(int attempts, long firstDelayMillis) {
        this.attempts = Math.max(1, attempts);
        this.firstDelayMillis = firstDelayMillis;
    }

    public <T> T read(String what, Read<T> read) {
        long delay = firstDelayMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                return read.run();
            } catch (SQLException e) {
                if (!SqlErrors.isTransient(e) || attempt >= attempts) {
                    throw new DatabaseUnavailableException("Reading " + what + " failed"
                            + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + ShopDatabase.rootMessage(e), e);
                }
            } catch (RuntimeException e) {
                if (!SqlErrors.isTransient(e) || attempt >= attempts) {
                    throw e;
                }
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new DatabaseUnavailableException("Interrupted while reading " + what, interrupted);
            }
            delay = Math.min(delay * 2, 30_000);
        }
    }
}
