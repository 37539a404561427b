package org.maho.datasync;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.sample.DatabaseServer;

/**
 * The clean OpenMage install as the destination of a file or API source: a database of its own, loaded from the
 * fixture, named in a .env file the commands of the test read. Closing it drops the database.
 */
final class CleanInstall implements AutoCloseable {

    final ConnectionSettings destination;
    private final DatabaseServer server;
    private final Path env;

    private CleanInstall(DatabaseServer server, ConnectionSettings destination, Path env) {
        this.server = server;
        this.destination = destination;
        this.env = env;
    }

    /** A fresh clean install, with these further lines in its .env file (a token). */
    static CleanInstall create(String purpose, String... envLines) throws Exception {
        DatabaseServer server = TestServer.get();
        ConnectionSettings destination = server.database(TestServer.uniqueName(purpose));
        server.createDatabase(destination.database());
        DumpLoader.load(OpenMageFixtureCompatibilityTest.FIXTURES.resolve("openmage-19.5.3-clean-install.sql"), destination);
        Path env = CliTest.envFile(destination, null);
        for (String line : envLines) {
            Files.writeString(env, line + "\n", StandardOpenOption.APPEND);
        }
        System.setProperty("datasync.env-file", env.toString());
        return new CleanInstall(server, destination, env);
    }

    @Override
    public void close() throws Exception {
        System.clearProperty("datasync.env-file");
        Files.deleteIfExists(env);
        server.dropDatabase(destination.database());
    }

    /** {@code bin/datasync sync <type> <system> -a <adapter> -f <file>}, and more options, against the clean install. */
    static CliTest.Result sync(String entityType, String sourceSystem, String adapter, Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("sync", entityType, sourceSystem, "-a", adapter, "-f", file.toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    /** An amount as a plain number without trailing zeros, "-" for none: how a file's and a row's amounts compare. */
    static String amount(Object amount) {
        return amount == null || amount.toString().isEmpty() ? "-" : new BigDecimal(amount.toString()).stripTrailingZeros().toPlainString();
    }

    /** A CSV file's lines by column, as a parser of the test's own reads them (a byte order mark skipped). */
    static List<Map<String, String>> lines(Path file) throws Exception {
        List<Map<String, String>> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                lines.add(line.toMap());
            }
        }
        return lines;
    }
}
