package org.maho.datasync;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;

/**
 * The real pair, loaded into two new databases of the test server before a test class's tests and dropped after
 * them: OpenMage's sample shop as the source, a clean OpenMage install (whose ids all differ) as the destination. A
 * class without ../shared/fixtures is skipped. A test class registers it:
 * {@code @RegisterExtension static final RealShops shops = new RealShops("tags");} (its own {@code @BeforeAll} then
 * plants what it needs in the loaded shops).
 */
final class RealShops implements BeforeAllCallback, AfterAllCallback {

    private final String purpose;
    private DatabaseServer server;
    private ConnectionSettings source;
    private ConnectionSettings destination;

    RealShops(String purpose) {
        this.purpose = purpose;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(OpenMageFixtureCompatibilityTest.FIXTURES), "needs ../shared/fixtures/openmage");
        server = TestServer.get();
        source = server.database(TestServer.uniqueName(purpose));
        destination = server.database(TestServer.uniqueName(purpose + "_dest"));
        server.createDatabase(source.database());
        server.createDatabase(destination.database());
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-sample-shop.sql"), source);
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), destination);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.dropDatabase(source.database());
            server.dropDatabase(destination.database());
        }
    }

    ConnectionSettings source() {
        return source;
    }

    ConnectionSettings destination() {
        return destination;
    }
}
