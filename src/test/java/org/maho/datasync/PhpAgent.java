package org.maho.datasync;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.maho.datasync.db.ConnectionSettings;

/**
 * The source agent ({@code agent/datasync-agent.php}) as a shop owner installs it: the file and its config in a directory
 * of its own, served by PHP's built-in web server on 127.0.0.1, reading a test database as the user it is given. PHP comes
 * from the machine (.ci/run installs Debian's php-cli and php-mysql when they are missing).
 */
final class PhpAgent implements AutoCloseable {

    static final Path AGENT = Path.of("agent/datasync-agent.php");

    private final Path root;
    private final Process php;
    private final int port;
    private final String secret;

    private PhpAgent(Path root, Process php, int port, String secret) {
        this.root = root;
        this.php = php;
        this.port = port;
        this.secret = secret;
    }

    /** The agent reading {@code shop} as {@code user} (with {@code password}), its config allowing plain HTTP. */
    static PhpAgent start(ConnectionSettings shop, String user, String password, String secret) throws Exception {
        Path root = Files.createTempDirectory("datasync-agent");
        Files.copy(AGENT, root.resolve("datasync-agent.php"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PhpAgent agent = new PhpAgent(root, new ProcessBuilder("php", "-d", "opcache.enable=0", "-S", "127.0.0.1:" + port, "-t", root.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("server.log").toFile()).start(), port, secret);
        agent.configure(shop, user, password, true);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return agent;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline || !agent.php.isAlive()) {
                    agent.close();
                    throw new IllegalStateException("PHP's built-in server did not start: " + Files.readString(root.resolve("server.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Writes the agent's config: the shop's database, the secret, whether plain HTTP is allowed. The next request reads
     * it (the server runs without OPcache, which would keep the old one for up to two seconds).
     */
    void configure(ConnectionSettings shop, String user, String password, boolean allowHttp) throws IOException {
        Files.writeString(root.resolve("datasync-agent.config.php"), "<?php\nreturn [\n"
                + "    'secret' => '" + secret + "',\n"
                + "    'allow_http' => " + allowHttp + ",\n"
                + "    'nonce_dir' => '" + root.resolve("nonces") + "',\n"
                + "    'db' => ['host' => '" + shop.host() + "', 'port' => " + shop.port() + ", 'dbname' => '" + shop.database()
                + "', 'user' => '" + user + "', 'password' => '" + password + "', 'prefix' => '" + shop.tablePrefix() + "'],\n"
                + "];\n");
    }

    /**
     * Writes a config without database settings and the shop's app/etc/local.xml beside the agent, as OpenMage writes it
     * (values in CDATA), naming {@code shop} and {@code user}: the agent then reads its database settings from there.
     */
    void configureFromLocalXml(ConnectionSettings shop, String user, String password) throws IOException {
        Files.writeString(root.resolve("datasync-agent.config.php"), "<?php\nreturn ['secret' => '" + secret
                + "', 'allow_http' => true, 'nonce_dir' => '" + root.resolve("nonces") + "'];\n");
        Files.createDirectories(root.resolve("app/etc"));
        Files.writeString(root.resolve("app/etc/local.xml"), "<?xml version=\"1.0\"?>\n<config>\n  <global>\n"
                + "    <resources>\n      <db>\n        <table_prefix><![CDATA[" + shop.tablePrefix() + "]]></table_prefix>\n"
                + "      </db>\n      <default_setup>\n        <connection>\n"
                + "          <host><![CDATA[" + shop.host() + ":" + shop.port() + "]]></host>\n"
                + "          <username><![CDATA[" + user + "]]></username>\n"
                + "          <password><![CDATA[" + password + "]]></password>\n"
                + "          <dbname><![CDATA[" + shop.database() + "]]></dbname>\n"
                + "          <initStatements><![CDATA[SET NAMES utf8]]></initStatements>\n"
                + "          <active>1</active>\n        </connection>\n      </default_setup>\n    </resources>\n"
                + "  </global>\n</config>\n");
    }

    String url() {
        return "http://127.0.0.1:" + port + "/datasync-agent.php";
    }

    String secret() {
        return secret;
    }

    /** What PHP's server logged: its requests, and PHP's own warnings. */
    String log() throws IOException {
        return Files.readString(root.resolve("server.log"));
    }

    @Override
    public void close() throws Exception {
        php.destroy();
        php.waitFor(10, TimeUnit.SECONDS);
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
