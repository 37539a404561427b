package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.maho.datasync.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.pipeline.JobSpec;
import org.maho.datasync.pipeline.OnDuplicate;
import org.maho.datasync.pipeline.SyncJob;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Start an embedded MariaDB, generate a source shop with customers and an empty destination",
                "shop whose ids all differ, sync the customers twice (the second run changes nothing), then import",
                "examples/customers.csv, and print each report."})
public final class DemoCommand implements Callable<Integer> {

    static final String SOURCE_DB = "datasync_demo_source";
    static final String DESTINATION_DB = "datasync_demo_dest";

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", description = "Customers to generate (default ${DEFAULT-VALUE}).")
    int customers = 2000;

    @Option(names = "--server", description = "Use the MariaDB server of DATASYNC_DEST_HOST/PORT/USER/PASS (default"
            + " 127.0.0.1:3306, root) instead of an embedded one, and keep the demo databases for a look.")
    boolean useServer;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        out.println(useServer ? "Using the configured MariaDB server..." : "Starting an embedded MariaDB...");
        out.flush();
        ConnectionSettings configured = environment.connection("DEST", null, null, "mysql", null, null, null);
        try (DatabaseServer server = useServer ? DatabaseServer.reachableOrEmbedded(configured, home.resolve("var"))
                : DatabaseServer.embedded(home.resolve("var"))) {
            out.println("Creating the source shop " + SOURCE_DB + " with " + customers + " customers and the empty"
                    + " destination shop " + DESTINATION_DB + "...");
            out.flush();
            SampleShop.create(server, SOURCE_DB, ShopSeeder.Layout.SOURCE);
            SampleShop.addCustomers(server.database(SOURCE_DB), customers, 42, 1.5);
            SampleShop.create(server, DESTINATION_DB, ShopSeeder.Layout.DESTINATION);
            try (DataSync dataSync = DataSync.start(home)) {
                JobSpec fromDatabase = new JobSpec().entityType("customer").sourceSystem("demo")
                        .adapter(JobSpec.Adapter.OPENMAGE).source(server.database(SOURCE_DB))
                        .onDuplicate(OnDuplicate.UPDATE).batchSize(dataSync.defaultBatchSize());
                List<SyncJob> runs = List.of(
                        run(out, dataSync, "1. sync customer demo -a openmage", fromDatabase, server),
                        run(out, dataSync, "2. the same again: nothing changes", fromDatabase, server),
                        run(out, dataSync, "3. sync customer csv -f examples/customers.csv --skip-invalid",
                                new JobSpec().entityType("customer").sourceSystem("demo-csv").adapter(JobSpec.Adapter.CSV)
                                        .file(home.resolve("examples/customers.csv")).skipInvalid(true)
                                        .batchSize(dataSync.defaultBatchSize()), server));
                if (!server.isEmbedded()) {
                    out.println("The demo databases stay on the server: " + SOURCE_DB + ", " + DESTINATION_DB);
                }
                return runs.stream().anyMatch(SyncJob::failed) ? ExitCode.FAILED : ExitCode.OK;
            }
        }
    }

    private static SyncJob run(PrintWriter out, DataSync dataSync, String title, JobSpec job, DatabaseServer server) {
        out.println();
        out.println(title);
        SyncJob done = dataSync.sync(job, server.database(DESTINATION_DB));
        ReportPrinter.print(out, List.of(done));
        return done;
    }
}
