package org.maho.datasync;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.db.SqlScript;

/** Loads a fixture's dump file into a test database over JDBC, so that the fixture tests need no mariadb client. */
final class DumpLoader {

    private DumpLoader() {}

    static void load(Path dump, ConnectionSettings database) throws IOException, SQLException {
        try (Connection connection = TestServer.connect(database)) {
            SqlScript.loadDump(connection, dump);
        }
    }
}
