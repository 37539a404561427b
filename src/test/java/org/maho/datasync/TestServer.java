package org.maho.datasync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;
import org.maho.datasync.sample.SampleShop;

/**
 * The MariaDB the tests use: the machine's own at 127.0.0.1:3306 (root, no password) when it answers, else
 * an embedded one started once for the whole test run. Each test creates uniquely named databases.
 */
public final class TestServer {

    private static DatabaseServer server;

    private TestServer() {}

    public static synchronized DatabaseServer get() {
        if (server == null) {
            ConnectionSettings local = new ConnectionSettings(
                    System.getProperty("datasync.test.db-host", "127.0.0.1"),
                    Integer.parseInt(System.getProperty("datasync.test.db-port", "3306")),
                    "mysql", System.getProperty("datasync.test.db-user", "root"),
                    System.getProperty("datasync.test.db-pass", ""), "");
            server = DatabaseServer.reachableOrEmbedded(local, Path.of("target"));
            if (server.isEmbedded()) {
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            }
        }
        return server;
    }

    /** A database name no other test uses. */
    public static String uniqueName(String purpose) {
        return "dst_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Connection connect(ConnectionSettings settings) throws SQLException {
        return SampleShop.connect(settings);
    }
}
