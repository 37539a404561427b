package org.maho.datasync;

import java.nio.file.Files;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;

/**
 * The real pair, loaded into two new databases of the test server: OpenMage's sample shop as the source, a clean
 * OpenMage install (whose ids all differ) as the destination. A test without ../shared/fixtures is skipped.
 */
record RealShops(DatabaseServer server, ConnectionSettings source, ConnectionSettings destination) implements AutoCloseable {

    static RealShops load(String purpose) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(OpenMageFixtureCompatibilityTest.FIXTURES), "needs ../shared/fixtures/openmage");
        DatabaseServer server = TestServer.get();
        ConnectionSettings source = server.database(TestServer.uniqueName(purpose));
        ConnectionSettings destination = server.database(TestServer.uniqueName(purpose + "_dest"));
        server.createDatabase(source.database());
        server.createDatabase(destination.database());
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-sample-shop.sql"), source);
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), destination);
        return new RealShops(server, source, destination);
    }

    @Override
    public void close() throws SQLException {
        server.dropDatabase(source.database());
        server.dropDatabase(destination.database());
    }
}
