package org.maho.datasync.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.maho.datasync.anonymize.Anonymizer;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlErrors;

/**
 * {@code verify --anonymize}: the source values an anonymizer replaced, looked for in every text column of every table
 * of the destination (DataSync's own tables included), as whole values, case and surrounding spaces aside. A value
 * found there is personal data that reached the copy another way: a field the profile lacks, or a table of its own.
 *
 * <p>Names are words that other data holds too (a customer called Leon, a region called Leon; Brown, a colour of the
 * catalog; a reviewer called German, a store view called German): they are looked for only in the tables personal data
 * is kept in, and not at all when the source holds the same text in a field the profile keeps. Values shorter than {@value #MIN_LENGTH}
 * characters ("Li", "12") are left out, and so are values that are also some fake: a made-up name that happens to be a
 * real one is not a leak. Values are kept as 64-bit hashes, so that a shop of millions of customers fits the heap.
 */
public final class LeftoverSearch implements Anonymizer.Replacements {

    static final int MIN_LENGTH = 4;
    private static final int SHOWN = 20;

    private final Set<String> personalTables;
    private final Set<Long> identifiers = ConcurrentHashMap.newKeySet();
    private final Set<Long> words = ConcurrentHashMap.newKeySet();
    private final Set<Long> fakes = ConcurrentHashMap.newKeySet();
    private final Set<Long> kept = ConcurrentHashMap.newKeySet();

    /** @param personalTables the tables personal data is kept in, without the shop's prefix */
    public LeftoverSearch(Set<String> personalTables) {
        this.personalTables = Set.copyOf(personalTables);
    }

    @Override
    public void kept(String value) {
        String normalized = normalized(value);
        if (normalized.length() >= MIN_LENGTH) {
            kept.add(hash(normalized));
        }
    }

    /** An anonymizer replaced a source value with a fake. */
    @Override
    public void replaced(String original, String fake, boolean word) {
        String value = normalized(original);
        if (value.length() >= MIN_LENGTH) {
            (word ? words : identifiers).add(hash(value));
        }
        fakes.add(hash(normalized(fake)));
    }

    /** What the search found: how much it looked at, how many leftovers, and the first ones. */
    public record Result(int values, int tables, int columns, long leftovers, List<String> firstFound) {}

    public Result search(ShopDatabase destination) {
        Set<Long> everywhere = new java.util.HashSet<>(identifiers);
        everywhere.removeAll(fakes);
        Set<Long> inPersonalTables = new java.util.HashSet<>(everywhere);
        Set<Long> names = new java.util.HashSet<>(words);
        names.removeAll(kept);
        inPersonalTables.addAll(names);
        inPersonalTables.removeAll(fakes);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String prefix = destination.table("");
        try (Connection connection = destination.connection()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT c.TABLE_NAME, c.COLUMN_NAME"
                    + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                    + " AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'"
                    + " WHERE c.TABLE_SCHEMA = DATABASE() AND c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext',"
                    + " 'longtext') ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getString(1).startsWith(prefix)) {
                            columns.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                        }
                    }
                }
            }
            long leftovers = 0;
            List<String> found = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                boolean personal = personalTables.contains(table.getKey().substring(prefix.length()));
                leftovers += searchTable(connection, table.getKey(), table.getValue(), personal ? inPersonalTables : everywhere, found);
            }
            return new Result(inPersonalTables.size(), columns.size(), columns.values().stream().mapToInt(List::size).sum(), leftovers,
                    found);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Searching the destination for anonymized values", e);
        }
    }

    private static long searchTable(Connection connection, String table, List<String> columns, Set<Long> wanted, List<String> found)
            throws SQLException {
        long count = 0;
        String select = "SELECT " + String.join(", ", columns.stream().map(Sql::quote).toList()) + " FROM " + Sql.quote(table);
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // streamed row by row: a destination's catalog text tables need not fit in memory
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet rows = statement.executeQuery(select)) {
                while (rows.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        String value = rows.getString(i + 1);
                        if (value == null) {
                            continue;
                        }
                        String normalized = normalized(value);
                        if (normalized.length() >= MIN_LENGTH && wanted.contains(hash(normalized))) {
                            count++;
                            if (found.size() < SHOWN) {
                                found.add(table + "." + columns.get(i) + ": '" + value + "'");
                            }
                        }
                    }
                }
            }
        }
        return count;
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** FNV-1a over the value's characters. */
    private static long hash(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
