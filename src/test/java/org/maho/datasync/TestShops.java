package org.maho.datasync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.SampleShop;
import org.maho.datasync.sample.ShopSeeder;

/** A source and a destination shop of the project's schema, in the two id layouts, dropped on close. */
public final class TestShops implements AutoCloseable {

    private final DatabaseServer server = TestServer.get();
    private final List<String> databases = new ArrayList<>();
    private final String source;
    private final String destination;

    public TestShops(String purpose) throws SQLException {
        source = TestServer.uniqueName(purpose + "_src");
        destination = TestServer.uniqueName(purpose + "_dst");
        databases.add(source);
        databases.add(destination);
        SampleShop.create(server, source, ShopSeeder.Layout.SOURCE);
        SampleShop.create(server, destination, ShopSeeder.Layout.DESTINATION);
    }

    public TestShops withCustomers(int count, long seed) throws SQLException {
        SampleShop.addCustomers(source(), count, seed, 1.5);
        return this;
    }

    public TestShops withCatalog(int products, long seed) throws SQLException {
        SampleShop.addCatalog(source(), products, seed);
        return this;
    }

    /** Orders with their documents, newsletter subscribers and CMS content; needs customers and a catalog first. */
    public TestShops withSales(int orders, long seed) throws SQLException {
        SampleShop.addSales(source(), orders, seed);
        return this;
    }

    /**
     * Syncs the given entity types (customergroup, customer, ...) from the source into the destination as 'live', then
     * installs the change tracker on the source: the shops a test of the service or of incremental runs starts from.
     */
    public TestShops syncedWithTracker(String... entityTypes) throws Exception {
        try (org.maho.datasync.app.DataSync dataSync = org.maho.datasync.app.DataSync.start(java.nio.file.Path.of(""))) {
            for (String entity : entityTypes) {
                org.maho.datasync.job.SyncJob job = dataSync.sync(new org.maho.datasync.job.JobSpec().entityType(entity)
                        .sourceSystem("live").adapter("openmage").source(source()), destination());
                if (job.failed()) {
                    throw new IllegalStateException("the test's " + entity + " sync failed: " + job.failureMessage());
                }
            }
            org.maho.datasync.tracker.ChangeTracker.install(dataSync.database("source", source()));
        }
        return this;
    }

    public ConnectionSettings source() {
        return server.database(source);
    }

    public ConnectionSettings destination() {
        return server.database(destination);
    }

    /** Runs SQL against a shop, for a test's own changes. */
    public static void execute(ConnectionSettings shop, String... sql) throws SQLException {
        try (Connection connection = TestServer.connect(shop); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** An extra database on the same server, dropped with the shops. */
    public ConnectionSettings extraDatabase(String purpose) throws SQLException {
        String name = TestServer.uniqueName(purpose);
        server.createDatabase(name);
        databases.add(name);
        return server.database(name);
    }

    /** Drops the databases, unless -Ddatasync.test.keep=true asks to keep them for a look after a failure. */
    @Override
    public void close() throws SQLException {
        if (Boolean.getBoolean("datasync.test.keep")) {
            return;
        }
        for (String database : databases) {
            server.dropDatabase(database);
        }
    }
}
