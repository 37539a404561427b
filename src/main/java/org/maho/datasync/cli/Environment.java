package org.maho.datasync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maho.datasync.db.ConnectionSettings;

/**
 * Connection settings and secrets from {@code .env.local} (in the DataSync home, then the working directory)
 * and the process environment, which wins over the files.
 */
public final class Environment {

    private final Map<String, String> file;
    private final Map<String, String> process;

    Environment(Map<String, String> file, Map<String, String> process) {
        this.file = file;
        this.process = process;
    }

    /**
     * Reads {@code <home>/.env.local}, then {@code ./.env.local}, then the file named by the system property
     * {@code datasync.env-file} (each overriding the one before), under the process environment.
     */
    public static Environment load(Path home) {
        Map<String, String> values = new HashMap<>();
        List<Path> candidates = new java.util.ArrayList<>(List.of(home.resolve(".env.local"), Path.of(".env.local")));
        String extra = System.getProperty("datasync.env-file");
        if (extra != null && !extra.isBlank()) {
            candidates.add(Path.of(extra));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                values.putAll(parse(candidate));
            }
        }
        return new Environment(values, System.getenv());
    }

    /** KEY=VALUE lines; '#' starts a comment line; "export " and surrounding quotes are allowed. */
    static Map<String, String> parse(Path path) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String raw : Files.readAllLines(path)) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring(7).trim();
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String key = line.substring(0, equals).trim();
                String value = line.substring(equals + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(key, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return values;
    }

    public String get(String key) {
        String value = process.get(key);
        if (value == null || value.isEmpty()) {
            value = file.get(key);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** A shop's connection from DATASYNC_{prefix}_* keys, each overridden by the given flag when set. */
    public ConnectionSettings connection(String prefix, String host, Integer port, String database, String user,
                                         String password, String tablePrefix) {
        return new ConnectionSettings(
                first(host, get("DATASYNC_" + prefix + "_HOST"), "127.0.0.1"),
                port != null ? port : Integer.parseInt(first(null, get("DATASYNC_" + prefix + "_PORT"), "3306")),
                first(database, get("DATASYNC_" + prefix + "_DB"), null),
                first(user, get("DATASYNC_" + prefix + "_USER"), "root"),
                first(password, get("DATASYNC_" + prefix + "_PASS"), ""),
                first(tablePrefix, get("DATASYNC_" + prefix + "_PREFIX"), ""));
    }

    private static String first(String flag, String configured, String fallback) {
        if (flag != null) {
            return flag;
        }
        return configured != null ? configured : fallback;
    }
}
