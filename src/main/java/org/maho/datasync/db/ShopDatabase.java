package org.maho.datasync.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** One shop's database: a connection pool, its table prefix, its tables' columns, and what is computed from it once. */
public final class ShopDatabase implements AutoCloseable {

    private final String role;
    private final ConnectionSettings settings;
    private final HikariDataSource dataSource;
    private final Map<String, TableColumns> columnsByTable = new ConcurrentHashMap<>();
    private volatile SessionSettings sessionSettings;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<String>> derivedTables = new ConcurrentHashMap<>();
    /** OpenMage's tables as this shop keeps them (another schema names some otherwise: Magento 2's store_website). */
    private final TableNames tableNames;
    /** The OpenMage alias of a model class this shop names (Magento 2 names its own classes where OpenMage has aliases). */
    private final UnaryOperator<String> modelNames;
    /** A stored value as OpenMage stores it (Magento 2 keeps JSON where OpenMage keeps PHP-serialized data); null: as it is. */
    private final StoredValues storedValues;

    /** The values of a shop's columns (tables by OpenMage's names) in OpenMage's form. */
    public interface StoredValues {
        /** The columns of a table whose values differ in form from OpenMage's; the others are read as they are. */
        Set<String> columns(String table);

        String asOpenMage(String table, String column, String value);
    }

    /**
     * A shop this tool does not reach by JDBC (one behind a firewall, read through the source agent): it answers the
     * reads of {@link TableQuery} and the description of its tables, nothing else.
     */
    public interface Remote {
        /** Where it is, for messages (never a secret). */
        String describe();

        void select(TableQuery query, TableQuery.Rows rows) throws SQLException;

        /** The columns of a table (by OpenMage's name): name, SQL data type, nullable, charset; empty when it has none. */
        List<Column> columns(String table);

        /** How many rows a query reads (its columns, order and limit aside). */
        long count(TableQuery query) throws SQLException;

        /** About how many rows a table holds (counted under a million, else its statistics' figure); -1 when unknown. */
        long rowCount(String table);
    }

    /** A column of a table, as information_schema describes it. */
    public record Column(String name, String dataType, boolean nullable, String charset) {}

    /** How a shop of another schema keeps OpenMage's tables. */
    public interface TableNames {
        /** The shop's name of one of OpenMage's tables, without the table prefix. */
        String name(String openMageTable);

        /**
         * A query standing for one of OpenMage's tables that the shop keeps spread over others or in another shape
         * (Magento 2's gallery and its link to products), over the shop's tables as {@code real} names them (prefix
         * included); null for a table the shop has.
         */
        default String derived(String openMageTable, UnaryOperator<String> real) {
            return null;
        }
    }

    /** Null for a shop read by JDBC. */
    private final Remote remote;

    private ShopDatabase(String role, ConnectionSettings settings, HikariDataSource dataSource) {
        this(role, settings, dataSource, name -> name, UnaryOperator.identity(), null, null);
    }

    private ShopDatabase(String role, ConnectionSettings settings, HikariDataSource dataSource, TableNames tableNames,
                         UnaryOperator<String> modelNames, StoredValues storedValues, Remote remote) {
        this.role = role;
        this.settings = settings;
        this.dataSource = dataSource;
        this.remote = remote;
        this.tableNames = tableNames;
        this.modelNames = modelNames;
        this.storedValues = storedValues;
    }

    /**
     * The same database as another schema names and stores things: what reads it by OpenMage's table names finds the
     * other schema's tables, the model classes its attributes name read as OpenMage's aliases, and its values in
     * OpenMage's form ({@link #row}). It shares the pool, and keeps its own metadata. Close the original only: closing
     * either closes the pool they share.
     */
    public ShopDatabase withNames(TableNames tables, UnaryOperator<String> models, StoredValues values) {
        ShopDatabase view = new ShopDatabase(role, settings, dataSource, tables, models, values, remote);
        view.sessionSettings = sessionSettings;
        return view;
    }

    /**
     * Opens a pool and checks the database answers, so that a wrong host or password is reported at once
     * with the role ("source", "destination") and where it tried, never with the password.
     */
    public static ShopDatabase open(String role, ConnectionSettings settings, int poolSize, int lockWaitTimeoutSeconds) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("datasync-" + role);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        // a row another writer holds is waited for this long, then the batch is retried (see the error policy)
        config.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + lockWaitTimeoutSeconds);
        config.setConnectionTimeout(15_000);
        // one attempt at start-up: a wrong password or host is reported at once, not after the pool's timeout
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        try {
            return new ShopDatabase(role, settings, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "Cannot connect to the " + role + " database " + settings.describe() + ": " + rootMessage(e), e);
        }
    }

    /**
     * A shop read through something other than JDBC ({@link Remote}): it answers {@link #select}, {@link #columns} and
     * {@link #rowCount}; what needs a connection (writing, the tracker's triggers) gets an error naming it.
     */
    public static ShopDatabase remote(String role, Remote remote) {
        return new ShopDatabase(role, null, null, name -> name, UnaryOperator.identity(), null, remote);
    }

    public String role() {
        return role;
    }

    /** Where the shop is, for messages: user@host:port/database, or the agent's URL. */
    public String describe() {
        return remote != null ? remote.describe() : settings.describe();
    }

    /** Whether the shop is read through a {@link Remote}, which names itself in its errors. */
    public boolean isRemote() {
        return remote != null;
    }

    /**
     * The shop's remote, when it is read through one that is also a {@code kind} (the source agent keeps the change
     * tracker's log too); empty for a shop read by JDBC.
     */
    public <T> java.util.Optional<T> remote(Class<T> kind) {
        return kind.isInstance(remote) ? java.util.Optional.of(kind.cast(remote)) : java.util.Optional.empty();
    }

    /**
     * Reads a table: on {@code connection} when one is given (a transaction of the caller's), else on a connection of the
     * pool, or through the remote shop. A long IN list is read in chunks.
     */
    public void select(Connection connection, TableQuery query, TableQuery.Rows rows) throws SQLException {
        TableQuery.Rows asOpenMage = row -> rows.row(row(query.table(), row));
        if (connection != null) {
            TableQuery.on(connection, this::table).select(query, asOpenMage);
        } else if (remote != null) {
            query.inChunks(remote::select, asOpenMage);
        } else {
            try (Connection pooled = connection()) {
                TableQuery.on(pooled, this::table).select(query, asOpenMage);
            }
        }
    }

    /** How many rows a query reads (its columns, order and limit aside). */
    public long count(TableQuery query) throws SQLException {
        if (remote != null) {
            return remote.count(query);
        }
        List<Object> params = new java.util.ArrayList<>();
        long[] count = {0};
        try (Connection connection = connection()) {
            Sql.query(connection, query.countSql(table(query.table()), params), params, row -> count[0] = row.getLong(1));
        }
        return count[0];
    }

    /** This shop's reads on {@code connection}, or as it reads itself (null). */
    public TableQuery.Reader reader(Connection connection) {
        return (query, rows) -> select(connection, query, rows);
    }

    /**
     * About how many rows a table holds: counted when its statistics say under a million (a count of more takes
     * seconds), else that figure; -1 when it cannot tell.
     */
    public long rowCount(String table) {
        if (remote != null) {
            return remote.rowCount(table);
        }
        try (Connection connection = connection()) {
            long[] rows = {-1};
            boolean derived = isDerived(table);
            if (!derived) {
                Sql.query(connection, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = ?", List.of(table(table)), row -> rows[0] = row.getLong(1));
            }
            if (derived || rows[0] >= 0 && rows[0] < 1_000_000) {
                Sql.query(connection, "SELECT COUNT(*) FROM " + table(table), List.of(), row -> rows[0] = row.getLong(1));
            }
            return rows[0];
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection from the pool; when none can be had, the error names this database (never its password). */
    public Connection connection() throws SQLException {
        if (remote != null) {
            throw new SQLException("the " + role + " shop is read through " + remote.describe()
                    + ", which answers DataSync's reads only; this needs a database connection (use -a openmage)");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            // this message is the root of what the run reports; the driver's exception is kept for -vv, and a lost
            // server stays transient, so that the batch is retried
            String message = "the " + role + " database " + settings.describe() + " does not answer: " + rootMessage(e);
            SQLException named = SqlErrors.isTransient(e)
                    ? new java.sql.SQLTransientConnectionException(message, e.getSQLState(), e.getErrorCode())
                    : new SQLException(message, e.getSQLState(), e.getErrorCode());
            named.addSuppressed(e);
            throw named;
        }
    }

    /** A row read from one of this shop's tables (by OpenMage's name), its values in OpenMage's form. */
    public Map<String, String> row(String table, Map<String, String> values) {
        Set<String> changed = storedValues == null ? Set.of() : storedValues.columns(table);
        if (!changed.isEmpty()) {
            values.replaceAll((column, value) -> value == null || !changed.contains(column) ? value
                    : storedValues.asOpenMage(table, column, value));
        }
        return values;
    }

    /** OpenMage's alias for a model class this shop names; null stays null. */
    public String modelAlias(String model) {
        return model == null ? null : modelNames.apply(model);
    }

    /**
     * What a query names an OpenMage table by in this shop: its real name with the shop's table prefix, or a derived
     * table ({@code (SELECT ...) AS name}) where the shop keeps it in another shape ({@link TableNames#derived}).
     */
    public String table(String name) {
        String derived = derived(name);
        return derived == null ? realTable(name) : "(" + derived + ") AS " + name;
    }

    /** The query standing for a table this shop keeps in another shape, made once per table; null for one it has. */
    private String derived(String name) {
        return derivedTables.computeIfAbsent(name, table -> java.util.Optional.ofNullable(tableNames.derived(table, this::realTable)))
                .orElse(null);
    }

    /** How this shop keeps OpenMage's tables. */
    public TableNames tableNames() {
        return tableNames;
    }

    /** Whether this shop keeps an OpenMage table in another shape, read through a derived table. */
    public boolean isDerived(String name) {
        return derived(name) != null;
    }

    private String realTable(String name) {
        // a remote shop adds its own prefix: names leave this tool as OpenMage's
        return (settings == null ? "" : settings.tablePrefix()) + tableNames.name(name);
    }

    /**
     * Something computed once from this shop's database and kept with it (its metadata), by name, until
     * {@link #forgetCached} says the database changed.
     */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, java.util.function.Supplier<T> compute) {
        return (T) cache.computeIfAbsent(key, k -> compute.get());
    }

    /** Forget what was computed from the database, after this tool changed it (new options, attributes, stores). */
    public void forgetCached() {
        cache.clear();
        columnsByTable.clear();
    }

    /**
     * A table's columns: name to SQL data type in table order, which of them may hold NULL, and which text columns
     * store three bytes a character at most (utf8, utf8mb3).
     */
    private record TableColumns(Map<String, String> types, java.util.Set<String> nullable, java.util.Set<String> threeByte) {}

    /**
     * The columns a table has in this shop, name to SQL data type, in table order (empty when the table does not
     * exist): shops drift, so writers copy the columns both shops have.
     */
    public Map<String, String> columns(String table) {
        return tableColumns(table).types();
    }

    /** The columns of a table that may hold NULL: where a source's empty value is written as such, not as the default. */
    public java.util.Set<String> nullableColumns(String table) {
        return tableColumns(table).nullable();
    }

    /** The text columns of a table whose charset stores three bytes a character at most (utf8, utf8mb3). */
    public java.util.Set<String> threeByteColumns(String table) {
        return tableColumns(table).threeByte();
    }

    private TableColumns tableColumns(String table) {
        if (isDerived(table)) {
            return columnsByTable.computeIfAbsent(table(table), this::derivedColumns);
        }
        if (remote != null) {
            return columnsByTable.computeIfAbsent(table, name -> remoteColumns(remote.columns(name)));
        }
        return columnsByTable.computeIfAbsent(table(table), real -> {
            Map<String, String> columns = new LinkedHashMap<>();
            java.util.Set<String> nullable = new java.util.HashSet<>();
            java.util.Set<String> threeByte = new java.util.HashSet<>();
            try (Connection connection = connection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                                 + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
                statement.setString(1, real);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        columns.put(rows.getString(1), rows.getString(2).toLowerCase(java.util.Locale.ROOT));
                        if ("YES".equalsIgnoreCase(rows.getString(3))) {
                            nullable.add(rows.getString(1));
                        }
                        String charset = rows.getString(4);
                        if ("utf8".equalsIgnoreCase(charset) || "utf8mb3".equalsIgnoreCase(charset)) {
                            threeByte.add(rows.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("Cannot read the columns of " + real + " in the " + role
                        + " database: " + rootMessage(e), e);
            }
            return new TableColumns(Collections.unmodifiableMap(columns), java.util.Set.copyOf(nullable),
                    java.util.Set.copyOf(threeByte));
        });
    }

    private static TableColumns remoteColumns(List<Column> described) {
        Map<String, String> columns = new LinkedHashMap<>();
        java.util.Set<String> nullable = new java.util.HashSet<>();
        java.util.Set<String> threeByte = new java.util.HashSet<>();
        for (Column column : described) {
            columns.put(column.name(), column.dataType().toLowerCase(java.util.Locale.ROOT));
            if (column.nullable()) {
                nullable.add(column.name());
            }
            if ("utf8".equalsIgnoreCase(column.charset()) || "utf8mb3".equalsIgnoreCase(column.charset())) {
                threeByte.add(column.name());
            }
        }
        return new TableColumns(Collections.unmodifiableMap(columns), java.util.Set.copyOf(nullable), java.util.Set.copyOf(threeByte));
    }

    /** A derived table's columns, as its query's result describes them (text columns are not told apart by charset). */
    private TableColumns derivedColumns(String derived) {
        Map<String, String> columns = new LinkedHashMap<>();
        java.util.Set<String> nullable = new java.util.HashSet<>();
        try (Connection connection = connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + derived + " LIMIT 0")) {
            java.sql.ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(meta.getColumnLabel(i), meta.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT));
                if (meta.isNullable(i) != java.sql.ResultSetMetaData.columnNoNulls) {
                    nullable.add(meta.getColumnLabel(i));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot read the columns of " + derived + " in the " + role + " database: "
                    + rootMessage(e), e);
        }
        return new TableColumns(Collections.unmodifiableMap(columns), java.util.Set.copyOf(nullable), java.util.Set.of());
    }

    /** Whether the server reads backslash escapes in string literals (no NO_BACKSLASH_ESCAPES in its sql_mode). */
    public boolean backslashEscapes() {
        return sessionSettings().backslashEscapes();
    }

    /** The step between consecutive auto-increment ids (auto_increment_increment). */
    public int autoIncrementStep() {
        return sessionSettings().autoIncrementStep();
    }

    /** What writing statements as text needs to know of the server's session. */
    private record SessionSettings(boolean backslashEscapes, int autoIncrementStep) {}

    private SessionSettings sessionSettings() {
        SessionSettings known = sessionSettings;
        if (known == null) {
            try (Connection connection = connection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.auto_increment_increment")) {
                row.next();
                String mode = row.getString(1);
                known = new SessionSettings(mode == null || !mode.toUpperCase(java.util.Locale.ROOT).contains("NO_BACKSLASH_ESCAPES"),
                        Math.max(1, row.getInt(2)));
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("Cannot read the session settings of the " + role + " database: "
                        + rootMessage(e), e);
            }
            sessionSettings = known;
        }
        return known;
    }

    public boolean hasTable(String table) {
        return !columns(table).isEmpty();
    }

    public static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
