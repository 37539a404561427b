package org.maho.datasync.tracker;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.Sql;
import org.maho.datasync.db.SqlScript;
import org.maho.datasync.job.TrackedEntity;
import org.maho.datasync.mapping.ShopMetadata;

/**
 * The change tracker on the source shop: the {@code datasync_change_tracker} table and the triggers that fill it.
 * Every insert, update and delete of a tracked entity's rows, by the shop or by plain SQL, leaves one pending change
 * for the entity. A trigger swallows its own errors, so the tracker can never make the shop's own write fail.
 */
public final class ChangeTracker {

    public static final String TABLE = org.maho.datasync.db.ChangeLog.TABLE;
    /** Every trigger DataSync installs starts so; uninstall drops these and nothing else. */
    static final String TRIGGER_PREFIX = "datasync_trk_";
    private static final String DDL = "schema/datasync/datasync_change_tracker.sql";
    /** What our guarantees add to the original module's table, for a shop that has it already. */
    private static final Map<String, String> ADDED_COLUMNS = Map.of(
            "revision", "int(10) unsigned NOT NULL DEFAULT 1",
            "attempts", "smallint(5) unsigned NOT NULL DEFAULT 0",
            "last_error", "text DEFAULT NULL");
    private static final Pattern TABLE_NAME = Pattern.compile("\\$\\{([a-z_0-9]+)}");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\$\\{attribute:([a-z_]+):([a-z_0-9]+)}");

    /** What install did: tables followed, triggers created, tracked tables the shop does not have. */
    public record Installed(int tables, int triggers, List<String> absentTables) {}

    public record Pending(String type, long count, long oldestAgeSeconds) {}

    public record Parked(String type, long entityId, int attempts, String reason) {}

    public record Status(boolean installed, int triggers, List<Pending> pending, long parkedCount, List<Parked> parked) {}

    private ChangeTracker() {}

    /** Creates the table (or adds our columns to the original module's) and the triggers; running it again replaces them. */
    public static Installed install(ShopDatabase source) throws SQLException {
        try (Connection connection = source.connection(); Statement statement = connection.createStatement()) {
            for (String sql : SqlScript.statements(DDL)) {
                statement.execute(sql);
            }
            ShopMetadata.reload(source);
            Map<String, String> columns = source.columns(TABLE);
            for (Map.Entry<String, String> column : ADDED_COLUMNS.entrySet()) {
                if (!columns.containsKey(column.getKey())) {
                    statement.execute("ALTER TABLE `" + TABLE + "` ADD COLUMN `" + column.getKey() + "` " + column.getValue());
                }
            }
            dropTriggers(connection);
            int tables = 0;
            int triggers = 0;
            List<String> absent = new ArrayList<>();
            for (TrackedEntity entity : TrackedEntities.ALL) {
                Map<String, List<String>> byTable = triggers(source, entity);
                for (Map.Entry<String, List<String>> table : byTable.entrySet()) {
                    if (!source.hasTable(table.getKey())) {
                        absent.add(table.getKey());
                        continue;
                    }
                    tables++;
                    for (String trigger : table.getValue()) {
                        statement.execute(trigger);
                        triggers++;
                    }
                }
            }
            return new Installed(tables, triggers, absent);
        }
    }

    /** Drops DataSync's triggers; the table and its pending changes stay. Returns how many were dropped. */
    public static int uninstall(ShopDatabase source) throws SQLException {
        try (Connection connection = source.connection()) {
            return dropTriggers(connection);
        }
    }

    public static Status status(ShopDatabase source) throws SQLException {
        try (Connection connection = source.connection()) {
            int triggers = ourTriggers(connection).size();
            if (!source.hasTable(TABLE)) {
                return new Status(false, triggers, List.of(), 0, List.of());
            }
            List<Pending> pending = pending(connection);
            long parkedCount = parkedByType(connection).values().stream().mapToLong(Long::longValue).sum();
            List<Parked> parked = new ArrayList<>();
            Sql.query(connection, "SELECT entity_type, entity_id, attempts, last_error FROM `" + TABLE + "` WHERE sync_completed = "
                    + TrackerTable.PARKED + " ORDER BY created_at, tracker_id LIMIT 20", List.of(),
                    row -> parked.add(new Parked(row.getString(1), row.getLong(2), row.getInt(3), row.getString(4))));
            return new Status(true, triggers, pending, parkedCount, parked);
        }
    }

    /** The pending changes per entity type, with the oldest one's age; the tracker's table exists. */
    public static List<Pending> pending(Connection source) throws SQLException {
        List<Pending> pending = new ArrayList<>();
        Sql.query(source, "SELECT entity_type, COUNT(*), TIMESTAMPDIFF(SECOND, MIN(created_at), UTC_TIMESTAMP()) FROM `" + TABLE
                        + "` WHERE sync_completed = " + TrackerTable.PENDING + " GROUP BY entity_type ORDER BY entity_type", List.of(),
                row -> pending.add(new Pending(row.getString(1), row.getLong(2), Math.max(0, row.getLong(3)))));
        return pending;
    }

    /** The parked changes per entity type; the tracker's table exists. */
    public static Map<String, Long> parkedByType(Connection source) throws SQLException {
        Map<String, Long> parked = new java.util.LinkedHashMap<>();
        Sql.query(source, "SELECT entity_type, COUNT(*) FROM `" + TABLE + "` WHERE sync_completed = " + TrackerTable.PARKED
                + " GROUP BY entity_type ORDER BY entity_type", List.of(), row -> parked.put(row.getString(1), row.getLong(2)));
        return parked;
    }

    private static int dropTriggers(Connection connection) throws SQLException {
        List<String> ours = ourTriggers(connection);
        try (Statement statement = connection.createStatement()) {
            for (String trigger : ours) {
                statement.execute("DROP TRIGGER IF EXISTS `" + trigger + "`");
            }
        }
        return ours.size();
    }

    private static List<String> ourTriggers(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        Sql.query(connection, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                + " AND TRIGGER_NAME LIKE ?", List.of(TRIGGER_PREFIX.replace("_", "\\_") + "%"), row -> names.add(row.getString(1)));
        return names;
    }

    /**
     * The triggers of one tracked entity, by table. Its main table: an insert is a create, an update an update, a
     * delete (caught before the row goes, while what names it is still there) a delete with the row's natural key.
     * Its parts: any change is an update of the entity they belong to (of both entities, when a row moves).
     */
    static Map<String, List<String>> triggers(ShopDatabase shop, TrackedEntity entity) {
        Map<String, List<String>> triggers = new LinkedHashMap<>();
        String id = "ROW." + entity.idColumn();
        String deleteAction = entity.identifier() == null ? "update" : "delete";
        triggers.put(entity.table(), List.of(
                trigger(shop, entity.table(), "ai", "AFTER INSERT", upsert(entity.type(), id, "create", null), "NEW"),
                trigger(shop, entity.table(), "au", "AFTER UPDATE", moved(entity.type(), id), null),
                trigger(shop, entity.table(), "bd", "BEFORE DELETE", upsert(entity.type(), id, deleteAction, entity.identifier()), "OLD")));
        for (Map.Entry<String, String> part : entity.parts().entrySet()) {
            String partId = part.getValue();
            triggers.put(part.getKey(), List.of(
                    trigger(shop, part.getKey(), "ai", "AFTER INSERT", upsert(entity.type(), partId, "update", null), "NEW"),
                    trigger(shop, part.getKey(), "au", "AFTER UPDATE", moved(entity.type(), partId), null),
                    trigger(shop, part.getKey(), "ad", "AFTER DELETE", upsert(entity.type(), partId, "update", null), "OLD")));
        }
        return triggers;
    }

    /** An updated row's entity; when a direct pointer changed (an address moved to another customer), the old one's too. */
    private static String moved(String type, String idSql) {
        String now = upsert(type, idSql, "update", null).replace("ROW.", "NEW.");
        if (!idSql.matches("ROW\\.[a-z_]+")) {
            return now;
        }
        String column = idSql.substring("ROW.".length());
        return now + ";\n  IF NOT (OLD." + column + " <=> NEW." + column + ") THEN\n  "
                + upsert(type, idSql, "update", null).replace("ROW.", "OLD.") + ";\n  END IF";
    }

    /**
     * One pending change per entity: a change of an entity that has one pending already moves it to the back of the
     * queue and raises its revision; a pending delete stays a delete.
     */
    private static String upsert(String type, String idSql, String action, String identifierSql) {
        return "INSERT INTO `" + TABLE + "` (entity_type, entity_id, action, created_at, sync_completed, source_identifier)"
                + " VALUES ('" + type + "', " + idSql + ", '" + action + "', UTC_TIMESTAMP(), 0, "
                + (identifierSql == null ? "NULL" : identifierSql) + ")"
                + " ON DUPLICATE KEY UPDATE action = IF(VALUES(action) = 'delete', 'delete', action),"
                + " created_at = VALUES(created_at), revision = revision + 1,"
                + " source_identifier = COALESCE(VALUES(source_identifier), source_identifier)";
    }

    /**
     * @param row NEW or OLD, what {@code ROW} stands for in the body; null when the body names them itself
     */
    private static String trigger(ShopDatabase shop, String table, String suffix, String timing, String body, String row) {
        String sql = row == null ? body : body.replace("ROW.", row + ".");
        // a tracker that cannot write must never make the shop's own write fail
        return "CREATE TRIGGER `" + TRIGGER_PREFIX + table + "_" + suffix + "` " + timing + " ON `" + shop.table(table)
                + "` FOR EACH ROW BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\n  " + resolve(shop, sql) + ";\nEND";
    }

    /** Table names with the shop's prefix, attribute ids of the shop's attributes. */
    public static String resolve(ShopDatabase shop, String sql) {
        ShopMetadata metadata = ShopMetadata.of(shop);
        Matcher attributes = ATTRIBUTE.matcher(sql);
        StringBuilder withIds = new StringBuilder();
        while (attributes.find()) {
            int attributeId = metadata.attribute(attributes.group(1), attributes.group(2)).map(ShopMetadata.Attribute::id).orElse(0);
            attributes.appendReplacement(withIds, String.valueOf(attributeId));
        }
        attributes.appendTail(withIds);
        Matcher tables = TABLE_NAME.matcher(withIds.toString());
        StringBuilder withTables = new StringBuilder();
        while (tables.find()) {
            tables.appendReplacement(withTables, Matcher.quoteReplacement("`" + shop.table(tables.group(1)) + "`"));
        }
        tables.appendTail(withTables);
        return withTables.toString();
    }
}
