package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maho.datasync.job.EntityReport;
import org.maho.datasync.job.RunOutcome;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** Prints what a run did, per entity type, and the exit code it deserves. */
final class ReportPrinter {

    private ReportPrinter() {}

    static void print(PrintWriter out, List<SyncJob> jobs) {
        boolean dryRun = jobs.stream().anyMatch(job -> job.spec().dryRun());
        String would = dryRun ? "would " : "";
        // deletions come with incremental runs only: the column shows when a run mirrored some
        boolean deletions = jobs.stream().anyMatch(job -> !job.spec().deletions().isEmpty());
        out.printf(Locale.ROOT, "%-17s %9s %9s %9s %9s %9s %9s" + (deletions ? " %9s" : "%s") + " %9s %11s%n", "entity", "read",
                would.isEmpty() ? "created" : "w.create", would.isEmpty() ? "updated" : "w.update", "unchanged", "skipped", "invalid",
                deletions ? (would.isEmpty() ? "deleted" : "w.delete") : "", "time", "records/s");
        for (SyncJob job : jobs) {
            EntityReport report = job.report();
            out.printf(Locale.ROOT, "%-17s %9d %9d %9d %9d %9d %9d" + (deletions ? " %9d" : "%s") + " %8.1fs %11.0f%n",
                    report.entityType(), report.read(), report.count(Outcome.CREATED), report.count(Outcome.UPDATED),
                    report.count(Outcome.UNCHANGED), report.count(Outcome.SKIPPED), report.count(Outcome.INVALID),
                    deletions ? (Object) report.deleted() : "", report.seconds(), report.recordsPerSecond());
        }
        if (Boolean.getBoolean("datasync.report.stats")) {
            printStats(out, jobs);
        }
        for (SyncJob job : jobs) {
            EntityReport report = job.report();
            report.notes().forEach(note -> {
                out.println();
                out.println(report.entityType() + ": " + note);
            });
            Map<String, Long> warnings = report.warnings();
            if (!warnings.isEmpty()) {
                out.println();
                out.println(report.entityType() + " warnings:");
                warnings.forEach((message, count) -> out.printf(Locale.ROOT, "  %6dx %s%n", count, message));
            }
            if (report.count(Outcome.INVALID) > 0) {
                out.println();
                out.println(report.entityType() + " invalid records" + (report.count(Outcome.INVALID) > report.invalidSamples().size()
                        ? " (first " + report.invalidSamples().size() + ")" : "") + ":");
                report.invalidSamples().forEach(sample -> out.println("  " + sample));
                if (Files.exists(job.deadLetterFile())) {
                    out.println("  all of them, with their values: " + job.deadLetterFile());
                }
            }
            if (report.retries() > 0) {
                out.println();
                out.println(report.entityType() + ": " + report.retries() + " batch write(s) retried after a lost connection,"
                        + " a deadlock or a lock wait timeout");
            }
            long unprocessed = report.read() - report.processed();
            if (job.failed()) {
                out.println();
                out.println(report.entityType() + " FAILED: " + job.failureMessage());
                if (unprocessed > 0) {
                    out.println("  " + unprocessed + " record(s) read but not written; batches written before the failure"
                            + " are committed, and the next run picks up the rest.");
                }
            }
        }
        if (dryRun) {
            out.println();
            out.println("Dry run: nothing was written to the destination.");
        }
        out.flush();
    }

    /** For benchmarks (-Ddatasync.report.stats=true): rows written per entity type, and the JVM's peak heap. */
    private static void printStats(PrintWriter out, List<SyncJob> jobs) {
        out.println();
        out.printf(Locale.ROOT, "%-17s %12s %11s%n", "entity", "rows written", "rows/s");
        for (SyncJob job : jobs) {
            EntityReport report = job.report();
            out.printf(Locale.ROOT, "%-17s %12d %11.0f%n", report.entityType(), report.rowsWritten(),
                    report.seconds() <= 0 ? 0 : report.rowsWritten() / report.seconds());
        }
        out.println(HeapWatch.report());
    }

    static int exitCode(List<SyncJob> jobs) {
        return switch (RunOutcome.of(jobs)) {
            case FAILED -> ExitCode.FAILED;
            case INVALID -> ExitCode.INVALID_RECORDS;
            case COMPLETED -> ExitCode.OK;
        };
    }
}
