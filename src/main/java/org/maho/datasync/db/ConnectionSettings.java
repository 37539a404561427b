package org.maho.datasync.db;

/**
 * Where a shop database is. The password is never part of {@link #toString()} or of the JDBC URL,
 * so neither can leak it into a log.
 */
public record ConnectionSettings(String host, int port, String database, String user, String password, String tablePrefix) {

    public ConnectionSettings {
        tablePrefix = tablePrefix == null ? "" : tablePrefix;
        password = password == null ? "" : password;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?rewriteBatchedStatements=true"
                + "&characterEncoding=UTF-8"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&connectTimeout=10000"
                + "&useServerPrepStmts=false"
                + "&tcpKeepAlive=true";
    }

    public ConnectionSettings withDatabase(String otherDatabase) {
        return new ConnectionSettings(host, port, otherDatabase, user, password, tablePrefix);
    }

    /** host:port/database as user, for messages. */
    public String describe() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return describe();
    }
}
