package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.OnDuplicate;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.job.SyncPlan;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Start an embedded MariaDB, generate a source shop with a catalog, customers, orders with their",
                "invoices, shipments and credit memos, subscribers and CMS content, and an empty destination shop whose ids",
                "all differ; sync all twice (the second run changes nothing), then import the CSV files of examples/, and",
                "print each report."})
public final class DemoCommand implements Callable<Integer> {

    static final String SOURCE_DB = "datasync_demo_source";
    static final String DESTINATION_DB = "datasync_demo_dest";

    @Spec
    CommandSpec spec;


    @Option(names = "--customers", description = "Customers to generate (default ${DEFAULT-VALUE}).")
    int customers = 2000;

    @Option(names = "--products", description = "Products to generate (default ${DEFAULT-VALUE}).")
    int products = 500;

    @Option(names = "--orders", description = "Orders to generate, with their documents (default ${DEFAULT-VALUE}).")
    int orders = 1000;

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
            out.println("Creating the source shop " + SOURCE_DB + " with " + products + " products, " + customers
                    + " customers and " + orders + " orders, and the empty destination shop " + DESTINATION_DB + "...");
            out.flush();
            SampleShop.create(server, SOURCE_DB, ShopSeeder.Layout.SOURCE);
            SampleShop.addCustomers(server.database(SOURCE_DB), customers, 42, 1.5);
            SampleShop.addCatalog(server.database(SOURCE_DB), products, 42);
            if (orders > 0) {
                SampleShop.addSales(server.database(SOURCE_DB), orders, 42);
            }
            SampleShop.create(server, DESTINATION_DB, ShopSeeder.Layout.DESTINATION);
            try (DataSync dataSync = DataSync.start(home)) {
                List<SyncJob> runs = new ArrayList<>();
                runs.addAll(run(out, dataSync, "1. sync all demo -a openmage: " + String.join(", ", EntityHandlers.IN_DEPENDENCY_ORDER),
                        fromDatabase(dataSync, server), server));
                runs.addAll(run(out, dataSync, "2. the same again: nothing changes", fromDatabase(dataSync, server), server));
                runs.addAll(run(out, dataSync, "3. the CSV files of examples/ (customers and orders with --skip-invalid)",
                        List.of(csv(dataSync, home, "category", "categories.csv"), csv(dataSync, home, "product", "products.csv"),
                                csv(dataSync, home, "customer", "customers.csv").skipInvalid(true),
                                csv(dataSync, home, "order", "orders.csv").skipInvalid(true),
                                csv(dataSync, home, "newsletter", "newsletter_subscribers.csv")), server));
                if (!server.isEmbedded()) {
                    out.println("The demo databases stay on the server: " + SOURCE_DB + ", " + DESTINATION_DB);
                }
                return runs.stream().anyMatch(SyncJob::failed) ? ExitCode.FAILED : ExitCode.OK;
            }
        }
    }

    private static List<JobSpec> fromDatabase(DataSync dataSync, DatabaseServer server) {
        return SyncPlan.of(dataSync.handlers(), EntityHandlers.IN_DEPENDENCY_ORDER).jobs(entity -> new JobSpec().entityType(entity)
                .sourceSystem("demo").adapter("openmage").source(server.database(SOURCE_DB)).onDuplicate(OnDuplicate.UPDATE));
    }

    private static JobSpec csv(DataSync dataSync, Path home, String entity, String file) {
        return new JobSpec().entityType(entity).sourceSystem("demo-csv").adapter("csv")
                .file(home.resolve("examples").resolve(file));
    }

    private static List<SyncJob> run(PrintWriter out, DataSync dataSync, String title, List<JobSpec> jobs, DatabaseServer server) {
        out.println();
        out.println(title);
        out.flush();
        List<SyncJob> done = SyncPlan.run(jobs, dataSync.handlers(), dataSync.settings().typesAtOnce(),
                job -> dataSync.sync(job, server.database(DESTINATION_DB)), () -> false);
        ReportPrinter.print(out, done);
        return done;
    }
}
