package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.tracker.ChangeTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tracker", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"The change tracker on the source shop, which 'datasync incremental' reads.",
                "  install    create datasync_change_tracker (or add DataSync's columns to the original module's) and the",
                "             triggers that record every change of customers, catalog, stock, sales, subscribers and CMS;",
                "             needs CREATE, ALTER and TRIGGER on the source; running it again replaces the triggers",
                "  uninstall  drop DataSync's triggers, and nothing else",
                "  status     pending changes per entity type, the oldest one's age, and parked changes with their reasons"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "1:the source could not be read or changed", "2:usage error"})
public final class TrackerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<action>", description = "install, uninstall or status.")
    String action;

    @Mixin
    SourceDatabaseOptions sourceDatabase = new SourceDatabaseOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = action.trim().toLowerCase(Locale.ROOT);
        if (!java.util.Set.of("install", "uninstall", "status").contains(chosen)) {
            throw new ParameterException(spec.commandLine(), "Unknown action '" + action + "'; use install, uninstall or status");
        }
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        ConnectionSettings settings = sourceDatabase.settings(environment, err);
        if (settings.database() == null) {
            throw new ParameterException(spec.commandLine(), "The tracker lives on the source database: --db-name or DATASYNC_LIVE_DB");
        }
        try (ShopDatabase source = ShopDatabase.open("source", settings, 3, 20)) {
            switch (chosen) {
                case "install" -> {
                    ChangeTracker.Installed installed = ChangeTracker.install(source);
                    out.println("Installed the change tracker on " + settings.describe() + ": " + installed.triggers() + " triggers on "
                            + installed.tables() + " tables.");
                    if (!installed.absentTables().isEmpty()) {
                        out.println("Tables this shop does not have, not tracked: " + String.join(", ", installed.absentTables()));
                    }
                    out.println("Every change from now on is pending in " + ChangeTracker.TABLE + "; 'datasync incremental --mark-synced'"
                            + " syncs and acknowledges them. Changes made before now need one full 'datasync sync all'.");
                }
                case "uninstall" -> out.println("Dropped " + ChangeTracker.uninstall(source) + " DataSync triggers from "
                        + settings.describe() + "; " + ChangeTracker.TABLE + " and its rows stay.");
                default -> printStatus(out, settings, ChangeTracker.status(source));
            }
            out.flush();
            return ExitCode.OK;
        } catch (SQLException | RuntimeException e) {
            err.println("tracker " + chosen + " failed on " + settings.describe() + ": " + ShopDatabase.rootMessage(e));
            return ExitCode.FAILED;
        }
    }

    private static void printStatus(PrintWriter out, ConnectionSettings settings, ChangeTracker.Status status) {
        out.println("Change tracker on " + settings.describe() + ": " + (status.triggers() > 0 ? status.triggers() + " triggers"
                : "no DataSync triggers (run 'datasync tracker install')") + (status.installed() ? "" : ", no tracker table"));
        if (!status.installed()) {
            return;
        }
        if (status.pending().isEmpty()) {
            out.println("No pending changes.");
        } else {
            out.printf(Locale.ROOT, "%-20s %9s %s%n", "pending", "changes", "oldest");
            for (ChangeTracker.Pending pending : status.pending()) {
                out.printf(Locale.ROOT, "%-20s %9d %s%n", pending.type(), pending.count(), age(pending.oldestAgeSeconds()));
            }
        }
        if (status.parkedCount() > 0) {
            out.println();
            out.println(status.parkedCount() + " parked change(s), which failed too often; a new change of the entity retries it"
                    + (status.parkedCount() > status.parked().size() ? " (first " + status.parked().size() + ")" : "") + ":");
            for (ChangeTracker.Parked parked : status.parked()) {
                out.println("  " + parked.type() + " #" + parked.entityId() + " after " + parked.attempts() + " attempts: " + parked.reason());
            }
        }
    }

    static String age(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " days";
    }
}
