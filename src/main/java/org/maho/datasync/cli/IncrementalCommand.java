package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.RunLock;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.tracker.IncrementalSync;
import org.maho.datasync.tracker.TrackedEntities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "incremental", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Sync what changed on the source since the last run: the change tracker's pending changes, type by type",
                "in dependency order, through the same pipeline as 'sync'; deletions mirrored as configured. With --mark-synced",
                "each change is acknowledged once the destination committed it; a change made meanwhile stays pending."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every change synced", "1:the run stopped, or another run holds the lock", "2:usage error",
                "3:finished, but some changes failed (they are retried, then parked)"})
public final class IncrementalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<source>", defaultValue = "live",
            description = "Name of the source system in the registry (default ${DEFAULT-VALUE}).")
    String sourceSystem;

    @Option(names = {"-a", "--adapter"}, paramLabel = "<adapter>", defaultValue = "openmage",
            description = "openmage (default): the source database and its tracker; agent: both through the source agent (--url).")
    String adapter;

    @Option(names = {"-e", "--entity"}, paramLabel = "<type>", split = ",",
            description = "Only these tracker types: category, product, stock, customer, order, invoice, shipment, creditmemo,"
                    + " newsletter, cms_block, cms_page.")
    List<String> entities = new ArrayList<>();

    @Option(names = "--mark-synced", description = "Acknowledge the changes synced (without it, the same changes come again next run).")
    boolean markSynced;

    @Option(names = {"-l", "--limit"}, paramLabel = "<n>", description = "At most n changes per entity type, oldest first.")
    Integer limit;

    @Option(names = "--dry-run", description = "Report what would be created, updated and deleted per type; write nothing, acknowledge nothing.")
    boolean dryRun;

    @Option(names = "--stock", paramLabel = "<mode>", description = "include (default), exclude (stock changes stay pending), only.")
    String stock = "include";

    @Option(names = "--no-lock", description = "Do not take the one-run-at-a-time lock on the destination.")
    boolean noLock;

    @Option(names = "--wait-lock", paramLabel = "<seconds>",
            description = "Wait this long for another run that writes to the destination to finish (default: none, exit 1).")
    int waitLock;

    @Mixin
    SourceDatabaseOptions sourceDatabase = new SourceDatabaseOptions();

    @Mixin
    CopyOptions copyOptions = new CopyOptions();

    @Option(names = "--batch-size", paramLabel = "<n>", description = "Records per destination transaction, for every entity type (default: datasync.batch-size.<type>, else datasync.batch-size).")
    Integer batchSize;

    @Option(names = "-v", description = "-v: a line per batch; -vv: a line per record.")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String entity : entities) {
            if (!TrackedEntities.types().contains(entity.trim())) {
                throw usage("Unknown tracker type '" + entity + "'; use " + String.join(", ", TrackedEntities.types()));
            }
        }
        if (limit != null && limit <= 0) {
            throw usage("--limit must be a positive number, not " + limit);
        }
        if (batchSize != null && (batchSize < 1 || batchSize > 10_000)) {
            throw usage("--batch-size must be between 1 and 10000, not " + batchSize);
        }
        JobSpec.StockMode stockMode = switch (stock.trim().toLowerCase(Locale.ROOT)) {
            case "include" -> JobSpec.StockMode.INCLUDE;
            case "exclude" -> JobSpec.StockMode.EXCLUDE;
            case "only" -> JobSpec.StockMode.ONLY;
            default -> throw usage("Invalid value for option '--stock': '" + stock + "' (expected include, exclude, only)");
        };
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        boolean throughAgent = "agent".equals(adapter.trim().toLowerCase(Locale.ROOT));
        if (!throughAgent && !"openmage".equals(adapter.trim().toLowerCase(Locale.ROOT))) {
            throw usage("The incremental sync reads an OpenMage shop's tracker: -a openmage (its database) or -a agent, not '"
                    + adapter + "'");
        }
        if (throughAgent && !sourceDatabase.given().isEmpty()) {
            throw usage(String.join(", ", sourceDatabase.given()) + " do not apply to -a agent: the agent reads the shop's"
                    + " database with its own settings");
        }
        if (!throughAgent && sourceDatabase.url != null) {
            throw usage("--url applies to -a agent");
        }
        AgentEndpoint agent = throughAgent ? sourceDatabase.agent(environment, this::usage) : null;
        ConnectionSettings source = sourceDatabase.settings(environment, err);
        if (!throughAgent && source.database() == null) {
            throw usage("The incremental sync reads the source's tracker: --db-name or DATASYNC_LIVE_DB");
        }
        ConnectionSettings destination = SourceDatabaseOptions.requiredDestination(environment, spec.commandLine());
        copyOptions.check(environment, spec.commandLine());
        if (waitLock < 0) {
            throw usage("--wait-lock takes a number of seconds, not " + waitLock);
        }
        Logging.configure(verbose.length);
        try (DataSync dataSync = DataSync.start(home)) {
            IncrementalSync.Options options = new IncrementalSync.Options(sourceSystem, entities.stream().map(String::trim).toList(),
                    markSynced, limit, dryRun, stockMode, verbose.length, batchSize, () -> false, copyOptions.mode(dataSync));
            out.println("DataSync incremental: " + (throughAgent ? agent.url() : source.describe()) + " as '" + sourceSystem + "' -> " + destination.describe()
                    + (dryRun ? " (dry run)" : markSynced ? "" : " (changes stay pending: no --mark-synced)")
                    + options.copy().describe());
            out.flush();
            ShopDatabase destinationShop = dataSync.database("destination", destination);
            try (RunLock lock = noLock || dryRun ? null : RunLock.acquire(destinationShop, "incremental", waitLock)) {
                long run = dryRun ? 0 : dataSync.runStarted(destination, "incremental " + sourceSystem, "command", sourceSystem);
                List<IncrementalSync.TypeRun> runs;
                try {
                    runs = IncrementalSync.configured(dataSync, source, destination).through(agent).run(options);
                } catch (Exception e) {
                    if (!dryRun) {
                        dataSync.runFinished(destination, run, List.of(), ShopDatabase.rootMessage(e));
                    }
                    throw e;
                }
                if (!dryRun && runs.isEmpty()) {
                    dataSync.runDiscarded(destination, run);
                } else if (!dryRun) {
                    dataSync.runFinished(destination, run, runs.stream().map(IncrementalSync.TypeRun::job).toList(), null);
                }
                return print(out, runs, options);
            }
        } catch (RunLock.HeldException e) {
            err.println(e.getMessage());
            return ExitCode.FAILED;
        } catch (Exception e) {
            err.println("The incremental run stopped: " + ShopDatabase.rootMessage(e));
            return ExitCode.FAILED;
        }
    }

    private static int print(PrintWriter out, List<IncrementalSync.TypeRun> runs, IncrementalSync.Options options) {
        if (runs.isEmpty()) {
            out.println("No pending changes.");
            out.flush();
            return ExitCode.OK;
        }
        List<SyncJob> jobs = runs.stream().map(IncrementalSync.TypeRun::job).toList();
        ReportPrinter.print(out, jobs);
        out.println();
        out.printf(Locale.ROOT, "%-17s %9s %12s %9s %9s%n", "tracker", "changes", "acknowledged", "failed", "parked");
        int failed = 0;
        for (IncrementalSync.TypeRun run : runs) {
            out.printf(Locale.ROOT, "%-17s %9d %12d %9d %9d%n", run.type(), run.changes(), run.acknowledged(), run.failed(), run.parked());
            failed += run.failed();
        }
        if (options.markSynced() && !options.dryRun()) {
            long late = runs.stream().filter(run -> !run.job().failed())
                    .mapToLong(run -> run.changes() - run.acknowledged() - run.failed()).sum();
            if (late > 0) {
                out.println(late + " change(s) changed again during the run: they stay pending for the next one.");
            }
        }
        out.flush();
        int code = ReportPrinter.exitCode(jobs);
        return code == ExitCode.OK && failed > 0 ? ExitCode.INVALID_RECORDS : code;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
