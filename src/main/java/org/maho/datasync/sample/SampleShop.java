package org.maho.datasync.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.mapping.ShopMetadata;

/** A generated shop: the project's schema, a layout's configuration, and synthetic customers. */
public final class SampleShop {

    private SampleShop() {}

    /** Creates the database afresh with the schema and the layout's configuration. */
    public static void create(DatabaseServer server, String database, ShopSeeder.Layout layout) throws SQLException {
        server.createDatabase(database);
        try (Connection connection = connect(server.database(database))) {
            ShopSchema.install(connection);
            ShopSeeder.seed(connection, layout);
        }
    }

    public static void addCustomers(ConnectionSettings shop, int count, long seed, double averageAddresses) throws SQLException {
        try (Connection connection = connect(shop)) {
            ShopMetadata metadata = ShopMetadata.load(connection, table -> shop.tablePrefix() + table);
            CustomerGenerator.generate(connection, metadata, count, seed, averageAddresses);
        }
    }

    /** Adds a category tree and {@code count} products of every type. */
    public static void addCatalog(ConnectionSettings shop, int count, long seed) throws SQLException {
        try (Connection connection = connect(shop)) {
            ShopMetadata metadata = ShopMetadata.load(connection, table -> shop.tablePrefix() + table);
            CatalogGenerator.generate(connection, metadata, count, seed);
        }
    }

    /** The sample-data fixtures of Magento 2 the project holds, whose Luma catalog {@link #addLuma} adds. */
    public static final java.nio.file.Path LUMA_FIXTURES = LumaFixtures.FIXTURE;

    /**
     * Adds Magento's Luma sample catalog (attributes, sets, categories, products of every type with their images and
     * links) from the sample-data fixtures in {@code tarball}; returns how many products it added.
     */
    public static int addLuma(ConnectionSettings shop, java.nio.file.Path tarball) throws SQLException, java.io.IOException {
        try (Connection connection = connect(shop)) {
            return LumaCatalog.importInto(connection, tarball);
        }
    }

    /**
     * Adds {@code count} orders with invoices, shipments and credit memos, cart price rules with coupons some orders used,
     * newsletter subscribers and CMS content.
     */
    public static void addSales(ConnectionSettings shop, int count, long seed) throws SQLException {
        addSales(shop, count, seed, -1);
    }

    /** @param subscribers how many newsletter subscribers; negative: a third of the customers and five guests */
    public static void addSales(ConnectionSettings shop, int count, long seed, int subscribers) throws SQLException {
        try (Connection connection = connect(shop)) {
            ShopMetadata metadata = ShopMetadata.load(connection, table -> shop.tablePrefix() + table);
            SalesGenerator.generate(connection, metadata, count, seed);
            RuleGenerator.generate(connection, metadata, seed);
            ContentGenerator.generate(connection, metadata, seed, subscribers);
        }
    }

    public static Connection connect(ConnectionSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }
}
