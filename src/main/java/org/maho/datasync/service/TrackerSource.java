package org.maho.datasync.service;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The source's connections for the tracker poll's route: bound when the routes are made, before the command line has
 * said which source it is; the service points it at the source's pool once it starts.
 */
public final class TrackerSource implements DataSource {

    private volatile DataSource source;

    void attach(DataSource value) {
        source = value;
    }

    private DataSource source() throws SQLException {
        DataSource current = source;
        if (current == null) {
            throw new SQLException("the service has not started yet");
        }
        return current;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return source().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return source().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return source().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return source().isWrapperFor(type);
    }
}
