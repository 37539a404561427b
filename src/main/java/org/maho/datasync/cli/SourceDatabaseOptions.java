package org.maho.datasync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.maho.datasync.db.AgentEndpoint;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.ApiEndpoint;
import picocli.CommandLine.Option;

/** The source shop database's options, shared by the commands that read one; DATASYNC_LIVE_* fill what is not given. */
final class SourceDatabaseOptions {

    @Option(names = "--db-host", description = "Source database host. Default DATASYNC_LIVE_HOST or 127.0.0.1.")
    String host;

    @Option(names = "--db-port", description = "Source database port. Default DATASYNC_LIVE_PORT or 3306.")
    Integer port;

    @Option(names = "--db-name", description = "Source database name. Default DATASYNC_LIVE_DB.")
    String name;

    @Option(names = "--db-user", description = "Source database user. Default DATASYNC_LIVE_USER or root.")
    String user;

    @Option(names = "--db-pass", description = "Source database password. Prefer DATASYNC_LIVE_PASS in .env.local.")
    String password;

    @Option(names = "--db-prefix", description = "Source table prefix. Default DATASYNC_LIVE_PREFIX or none.")
    String prefix;

    @Option(names = "--url", paramLabel = "<url>",
            description = "The source agent's URL (-a agent; default DATASYNC_AGENT_URL, its secret DATASYNC_AGENT_SECRET), or the"
                    + " shop's (-a shopify: https://example.myshopify.com).")
    String url;

    @Option(names = "--api-key", paramLabel = "<token>",
            description = "The shop API's access token (-a shopify --url). Prefer DATASYNC_SHOPIFY_API_KEY in .env.local.")
    String apiKey;

    private boolean warnedOfPassword;

    /** The flags given on the command line, for the message that says they do not apply. */
    List<String> given() {
        List<String> flags = new ArrayList<>();
        if (host != null) flags.add("--db-host");
        if (port != null) flags.add("--db-port");
        if (name != null) flags.add("--db-name");
        if (user != null) flags.add("--db-user");
        if (password != null) flags.add("--db-pass");
        if (prefix != null) flags.add("--db-prefix");
        return flags;
    }

    /**
     * The source's settings: flags, else the environment and .env.local; null database when neither names one. A
     * password on the command line works, with a warning.
     */
    ConnectionSettings settings(Environment environment, PrintWriter err) {
        if (password != null && !warnedOfPassword) {
            err.println("Warning: --db-pass on the command line is visible to other users of this machine;"
                    + " put DATASYNC_LIVE_PASS in .env.local or the environment instead.");
            warnedOfPassword = true;
        }
        return environment.connection("LIVE", host, port, name, user, password, prefix);
    }

    /**
     * A shop's web API: --url and --api-key, else DATASYNC_SHOPIFY_API_KEY; a usage error naming what is missing. A key
     * on the command line works, with a warning.
     */
    ApiEndpoint api(String adapter, Environment environment, PrintWriter err, Function<String, RuntimeException> usage) {
        String where = url.trim().replaceFirst("/+$", "");
        if (!where.matches("https?://[^\\s]+")) {
            throw usage.apply("--url must be an http or https URL, not '" + where + "'");
        }
        if (apiKey != null) {
            err.println("Warning: --api-key on the command line is visible to other users of this machine;"
                    + " put DATASYNC_SHOPIFY_API_KEY in .env.local or the environment instead.");
        }
        String key = apiKey != null ? apiKey.trim() : environment.get("DATASYNC_SHOPIFY_API_KEY");
        if (key == null || key.isEmpty()) {
            throw usage.apply("The " + adapter + " adapter needs the shop's Admin API access token: --api-key or"
                    + " DATASYNC_SHOPIFY_API_KEY in .env.local");
        }
        return new ApiEndpoint(where, key);
    }

    /**
     * Where the source agent answers: --url, else DATASYNC_AGENT_URL, with DATASYNC_AGENT_SECRET; a usage error naming what
     * is missing.
     */
    AgentEndpoint agent(Environment environment, java.util.function.Function<String, RuntimeException> usage) {
        String where = url != null ? url.trim() : environment.get("DATASYNC_AGENT_URL");
        if (where == null) {
            throw usage.apply("The agent adapter needs the agent's URL: --url https://shop.example/datasync-agent.php or DATASYNC_AGENT_URL");
        }
        if (!where.matches("https?://[^\\s]+")) {
            throw usage.apply("--url must be an http or https URL, not '" + where + "'");
        }
        String secret = environment.get("DATASYNC_AGENT_SECRET");
        if (secret == null) {
            throw usage.apply("The agent adapter needs the agent's secret: DATASYNC_AGENT_SECRET in .env.local or the environment");
        }
        return new AgentEndpoint(where, secret);
    }

    /** The destination: DATASYNC_DEST_* from the environment or .env.local; null database when they name none. */
    static ConnectionSettings destination(Environment environment) {
        return environment.connection("DEST", null, null, null, null, null, null);
    }

    /** The destination, which the command needs: a usage error when the environment names none. */
    static ConnectionSettings requiredDestination(Environment environment, picocli.CommandLine commandLine) {
        ConnectionSettings destination = destination(environment);
        if (destination.database() == null) {
            throw new picocli.CommandLine.ParameterException(commandLine, "No destination database: set DATASYNC_DEST_DB (and"
                    + " DATASYNC_DEST_HOST, _PORT, _USER, _PASS) in .env.local or the environment");
        }
        return destination;
    }
}
