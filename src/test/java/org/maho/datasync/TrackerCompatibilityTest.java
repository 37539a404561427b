package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.tracker.ChangeTracker;
import org.maho.datasync.tracker.IncrementalSync;

/**
 * A shop that already runs the original PHP tracker module keeps working with ours, and an incremental run needs no
 * more than a read-only source user with UPDATE and DELETE on the tracker table.
 */
class TrackerCompatibilityTest extends SyncTestSupport {

    private TestShops shops;
    private final List<String> users = new java.util.ArrayList<>();

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("trackercompat").withCustomers(10, 21);
        for (String entity : List.of("customergroup", "customer")) {
            assertFalse(dataSync.sync(new JobSpec().entityType(entity).sourceSystem("live").adapter("openmage")
                    .source(shops.source()), shops.destination()).failed());
        }
    }

    @AfterEach
    void dropShopsAndUsers() throws Exception {
        for (String user : users) {
            TestShops.execute(shops.source(), "DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
        }
        shops.close();
    }

    @Test
    void theOriginalModulesTableAndPendingRowsAreKeptAndItsPartTypesSyncTheirOwner() throws Exception {
        // the original module's table (its columns and unique key only) with a change its observers wrote
        TestShops.execute(shops.source(), "CREATE TABLE datasync_change_tracker (tracker_id int(10) unsigned NOT NULL AUTO_INCREMENT,"
                        + " entity_type varchar(50) NOT NULL, entity_id int(10) unsigned NOT NULL, action varchar(10) NOT NULL DEFAULT 'update',"
                        + " created_at datetime NOT NULL, synced_at datetime DEFAULT NULL, sync_completed smallint(5) unsigned NOT NULL DEFAULT 0,"
                        + " source_identifier varchar(255) DEFAULT NULL, PRIMARY KEY (tracker_id),"
                        + " UNIQUE KEY UNQ_ENTITY (entity_type, entity_id, sync_completed))",
                "UPDATE customer_address_entity_varchar SET value = 'Moduleville' WHERE attribute_id = (SELECT a.attribute_id FROM"
                        + " eav_attribute a JOIN eav_entity_type t USING (entity_type_id) WHERE t.entity_type_code = 'customer_address'"
                        + " AND a.attribute_code = 'city') AND entity_id = (SELECT MIN(entity_id) FROM customer_address_entity)",
                "INSERT INTO datasync_change_tracker (entity_type, entity_id, action, created_at) SELECT 'customer_address',"
                        + " MIN(entity_id), 'update', NOW() FROM customer_address_entity");

        ChangeTracker.install(dataSync.database("source", shops.source()));
        // the module's observers go on writing their upsert, which knows nothing of our columns
        TestShops.execute(shops.source(), "INSERT INTO datasync_change_tracker (entity_type, entity_id, action, created_at)"
                + " VALUES ('customer_address', (SELECT MIN(entity_id) FROM customer_address_entity), 'update', NOW())"
                + " ON DUPLICATE KEY UPDATE created_at = NOW()");

        List<IncrementalSync.TypeRun> runs = IncrementalSync.configured(dataSync, reader(), shops.destination())
                .run(new IncrementalSync.Options("live", List.of(), true, null, false, JobSpec.StockMode.INCLUDE, 0, 100));

        assertEquals(1, runs.size());
        assertEquals("customer", runs.get(0).type(), "an address change syncs its customer");
        assertEquals(1, runs.get(0).acknowledged());
        assertEquals(1, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_address_entity_varchar WHERE value = 'Moduleville'"));
        assertEquals(0, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0"));
    }

    /** A source user that may read everything and change only the tracker, as the original documents. */
    private ConnectionSettings reader() throws Exception {
        ConnectionSettings source = shops.source();
        String user = "ds_reader_" + Long.toHexString(System.nanoTime() & 0xffffff);
        TestShops.execute(source, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Reader-pass-1'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'Reader-pass-1'");
        for (String host : List.of("%", "localhost")) {
            TestShops.execute(source, "GRANT SELECT ON `" + source.database() + "`.* TO '" + user + "'@'" + host + "'",
                    "GRANT UPDATE, DELETE ON `" + source.database() + "`.datasync_change_tracker TO '" + user + "'@'" + host + "'");
        }
        users.add(user);
        return new ConnectionSettings(source.host(), source.port(), source.database(), user, "Reader-pass-1", source.tablePrefix());
    }
}
