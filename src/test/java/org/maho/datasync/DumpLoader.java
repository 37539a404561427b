package org.maho.datasync;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.maho.datasync.db.ConnectionSettings;

/**
 * Loads a mariadb-dump file (gzipped or not) over JDBC, so that the fixture tests need no mariadb client: one statement per
 * line ending in ';' (the dump escapes newlines inside values), all on one connection so that the dump's
 * session settings hold.
 */
final class DumpLoader {

    private DumpLoader() {}

    static void load(Path dump, ConnectionSettings database) throws IOException, SQLException {
        try (Connection connection = TestServer.connect(database); Statement statement = connection.createStatement();
             BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(dump.toString().endsWith(".gz")
                     ? new java.util.zip.GZIPInputStream(Files.newInputStream(dump)) : Files.newInputStream(dump), StandardCharsets.UTF_8))) {
            StringBuilder current = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (current.length() == 0 && (line.isEmpty() || line.startsWith("--"))) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.endsWith(";")) {
                    statement.execute(current.toString());
                    current.setLength(0);
                }
            }
        }
    }
}
