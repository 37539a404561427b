package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.job.EntityReport;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.source.SourceAdapters;

/**
 * A command's progress while its jobs run, on standard error: on a terminal one line rewritten twice a second (per
 * entity type running, records done of the total the source expects, records/s, time left); otherwise (cron, CI, a pipe) a plain line every
 * datasync.progress.every-millis (10 s). The final report is printed as before; -q silences this.
 */
final class Progress implements AutoCloseable {

    private static final long TERMINAL_MILLIS = 500;

    private final PrintWriter err;
    private final DataSync dataSync;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean stopped;
    /** What the source expects of each job seen, asked once per job. */
    private final java.util.Map<SyncJob, OptionalLong> expected = new java.util.WeakHashMap<>();
    private boolean drawn;

    private Progress(PrintWriter err, DataSync dataSync, boolean terminal) {
        this.err = err;
        this.dataSync = dataSync;
        this.terminal = terminal;
        this.thread = new Thread(this::watch, "datasync-progress");
        thread.setDaemon(true);
    }

    /** @param quiet -q: nothing is shown */
    static Progress start(PrintWriter err, DataSync dataSync, boolean quiet) {
        Progress progress = new Progress(err, dataSync, System.console() != null);
        if (!quiet) {
            progress.thread.start();
        }
        return progress;
    }

    private void watch() {
        long every = terminal ? TERMINAL_MILLIS : dataSync.settings().number("datasync.progress.every-millis");
        while (!stopped) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            java.util.List<SyncJob> jobs = dataSync.jobsInFlight();
            if (jobs.isEmpty() || stopped) {
                continue;
            }
            StringBuilder lines = new StringBuilder();
            for (SyncJob job : jobs) {
                OptionalLong total = expected.computeIfAbsent(job,
                        j -> SourceAdapters.installed().get(j.spec().adapter()).expectedRecords(j));
                lines.append(lines.length() == 0 ? "" : "; ").append(line(job.report(), total));
            }
            show(lines.toString());
        }
    }

    static String line(EntityReport report, OptionalLong expected) {
        long done = report.read();
        double rate = report.recordsPerSecond();
        StringBuilder line = new StringBuilder(report.entityType()).append(": ").append(String.format(Locale.ROOT, "%,d", done));
        if (expected.isPresent() && expected.getAsLong() > 0) {
            long total = Math.max(expected.getAsLong(), done);
            line.append(String.format(Locale.ROOT, " of %,d (%d%%)", total, done * 100 / total));
            if (rate > 0 && total > done) {
                long left = Math.round((total - done) / rate);
                line.append(", ").append(left >= 60 ? left / 60 + " min " + left % 60 + " s" : left + " s").append(" left");
            }
        } else {
            line.append(" read");
        }
        return line.append(String.format(Locale.ROOT, ", %,d records/s", Math.round(rate))).toString();
    }

    private synchronized void show(String line) {
        if (terminal) {
            // the line is rewritten in place; padding clears what a longer one left
            err.print("\r" + line + "   ");
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void close() {
        stopped = true;
        thread.interrupt();
        if (drawn) {
            err.print("\r\033[2K");
            err.flush();
        }
    }
}
