package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.Magento2Shop;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Create a shop database with the project's schema and fill it with synthetic customers and products",
                "(for trying DataSync out and for benchmarks). The database is dropped and created anew."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db-name", required = true, description = "Database to create.")
    String dbName;

    @Option(names = "--db-host", description = "Default DATASYNC_DEST_HOST or 127.0.0.1.")
    String dbHost;

    @Option(names = "--db-port", description = "Default DATASYNC_DEST_PORT or 3306.")
    Integer dbPort;

    @Option(names = "--db-user", description = "Default DATASYNC_DEST_USER or root.")
    String dbUser;

    @Option(names = "--layout", description = "source (an upgraded old OpenMage shop's ids), destination (a fresh OpenMage install's"
            + " ids) or magento2 (a Magento 2.4 shop holding what the magento2 adapter reads). Default ${DEFAULT-VALUE}.")
    String layout = "source";

    @Option(names = "--magento2-schema", paramLabel = "<dump>", description = "With --layout magento2: the dump of a Magento 2.4"
            + " install to fill (default ${DEFAULT-VALUE}).")
    Path magento2Schema = Magento2Shop.FIXTURE_SCHEMA;

    @Option(names = "--luma", description = "Add Magento's Luma sample catalog (about 2,000 products of every type, their"
            + " attributes, sets, categories, images and links), read from Magento's sample-data fixtures.")
    boolean luma;

    @Option(names = "--luma-fixtures", paramLabel = "<tar.gz>", description = "With --luma: the sample-data fixtures (default"
            + " ${DEFAULT-VALUE}).")
    Path lumaFixtures = SampleShop.LUMA_FIXTURES;

    @Option(names = "--customers", description = "Customers to generate (default ${DEFAULT-VALUE}).")
    int customers = 1000;

    @Option(names = "--addresses", description = "Mean addresses per customer, 0 to 3 (default ${DEFAULT-VALUE}).")
    double addresses = 1.5;

    @Option(names = "--products", description = "Products of every type to generate, with a category tree (default ${DEFAULT-VALUE}).")
    int products = 0;

    @Option(names = "--orders", description = "Orders with invoices, shipments and credit memos, plus newsletter subscribers"
            + " and CMS content (default ${DEFAULT-VALUE}; needs --products).")
    int orders = 0;

    @Option(names = "--subscribers", description = "Newsletter subscribers, with --orders (default: a third of the customers).")
    Integer subscribers;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Override
    public Integer call() throws Exception {
        boolean magento2 = layout.equals("magento2");
        ShopSeeder.Layout chosen;
        try {
            chosen = magento2 ? ShopSeeder.Layout.SOURCE : ShopSeeder.Layout.valueOf(layout.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--layout is source, destination or magento2, not '" + layout + "'");
        }
        if (magento2 && !java.nio.file.Files.isRegularFile(magento2Schema)) {
            throw new ParameterException(spec.commandLine(), "--magento2-schema: no Magento 2 schema dump at " + magento2Schema
                    + " (the project's fixtures hold one: ../shared/fixtures/magento2)");
        }
        if (luma && !java.nio.file.Files.isRegularFile(lumaFixtures)) {
            throw new ParameterException(spec.commandLine(), "--luma-fixtures: no sample-data fixtures at " + lumaFixtures
                    + " (the project's fixtures hold them: ../shared/fixtures/magento2)");
        }
        if (customers < 0 || products < 0 || orders < 0 || addresses < 0 || addresses > 3) {
            throw new ParameterException(spec.commandLine(), "--customers, --products and --orders must be 0 or more,"
                    + " --addresses between 0 and 3");
        }
        if (orders > 0 && products == 0) {
            throw new ParameterException(spec.commandLine(), "--orders needs products to sell: give --products too");
        }
        Path home = Home.directory();
        Environment environment = Environment.load(home);
        ConnectionSettings settings = environment.connection("DEST", dbHost, dbPort, dbName, dbUser, null, null);
        if (!DatabaseServer.answers(settings)) {
            throw new ParameterException(spec.commandLine(), "Cannot connect to " + settings.describe());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseServer server = DatabaseServer.reachableOrEmbedded(settings, home.resolve("var"))) {
            long started = System.nanoTime();
            // a Magento 2 shop is an OpenMage one as Magento's migration tool would move it, generated beside it first
            String generated = magento2 ? dbName + "_openmage" : dbName;
            SampleShop.create(server, generated, chosen);
            SampleShop.addCustomers(server.database(generated), customers, seed, addresses);
            if (products > 0) {
                SampleShop.addCatalog(server.database(generated), products, seed);
            }
            int lumaProducts = luma ? SampleShop.addLuma(server.database(generated), lumaFixtures) : 0;
            if (orders > 0) {
                SampleShop.addSales(server.database(generated), orders, seed, subscribers == null ? -1 : subscribers);
            }
            if (magento2) {
                Magento2Shop.create(server, dbName, magento2Schema, server.database(generated));
                server.dropDatabase(generated);
            }
            out.printf(Locale.ROOT, "Created %s (%s layout) with %d customers, %d products%s and %d orders in %.1fs%n",
                    settings.describe(), layout, customers, products, luma ? " and " + lumaProducts + " of the Luma catalog" : "",
                    orders, (System.nanoTime() - started) / 1e9);
        }
        return ExitCode.OK;
    }
}
