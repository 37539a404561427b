package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.Settings;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"The long-running service: an incremental sync on a schedule (datasync.schedule.incremental, every five",
                "minutes by default), optional scheduled full syncs (datasync.schedule.full.*), and on camel.server.port (9876)",
                "the web console (/), its API (/api), health checks (/observe/health) and Prometheus metrics",
                "(/observe/metrics). SIGTERM or Ctrl-C stops it after the batch in flight."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<source>", defaultValue = "live",
            description = "Name of the source system in the registry (default ${DEFAULT-VALUE}).")
    String sourceSystem;

    @Mixin
    SourceDatabaseOptions sourceDatabase = new SourceDatabaseOptions();

    @Mixin
    CopyOptions copyOptions = new CopyOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        ConnectionSettings source = sourceDatabase.settings(environment, err);
        if (source.database() == null) {
            throw new ParameterException(spec.commandLine(), "The service reads the source's tracker: --db-name or DATASYNC_LIVE_DB");
        }
        ConnectionSettings destination = SourceDatabaseOptions.requiredDestination(environment, spec.commandLine());
        ApiCredentials credentials;
        try {
            credentials = new ApiCredentials(environment.get("DATASYNC_API_TOKEN"), environment.get("DATASYNC_API_USER"),
                    environment.get("DATASYNC_API_PASSWORD_HASH"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        copyOptions.check(environment, spec.commandLine());
        DataSyncService service = DataSyncService.start(home, source, destination, sourceSystem, credentials, Map.of(),
                copyOptions::mode);
        Settings settings = service.dataSync().settings();
        String port = settings.text("camel.server.port");
        String host = credentials.required() ? "<this host>" : "localhost";
        out.println("DataSync service: " + source.describe() + " as '" + sourceSystem + "' -> " + destination.describe()
                + service.copyMode().describe());
        out.println("  incremental sync on '" + settings.text("datasync.schedule.incremental") + "'"
                + (settings.text("datasync.schedule.full.entities").isBlank() ? ""
                : ", full sync of " + settings.text("datasync.schedule.full.entities") + " on '"
                        + settings.text("datasync.schedule.full.cron") + "'"));
        out.println("  console: http://" + host + ":" + port + "/  health: /observe/health  metrics: /observe/metrics"
                + (credentials.required() ? "" : " (127.0.0.1 only: no DATASYNC_API_TOKEN or DATASYNC_API_USER)"));
        out.println("  SIGTERM or Ctrl-C stops it after the batch in flight.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            // what the run in flight did is logged before logging stops
            org.apache.logging.log4j.LogManager.shutdown();
            stopped.countDown();
        }, "datasync-shutdown"));
        stopped.await();
        return ExitCode.OK;
    }
}
