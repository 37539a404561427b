package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.app.DataSync;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/**
 * Another session holds the destination row a batch must write: the batch waits, times out, and is retried
 * with back-off; when the lock never goes, the run stops with the database's reason, having written nothing
 * of that batch and dead-lettered nothing.
 */
class TransientFailureTest {

    private static DataSync dataSync;
    private TestShops shops;

    @BeforeAll
    static void start() {
        dataSync = DataSync.start(Path.of(""), Map.of("datasync.retry.attempts", "4", "datasync.retry.delay-ms", "200",
                "datasync.lock-wait-timeout-seconds", "1"));
    }

    @AfterAll
    static void stop() {
        dataSync.close();
    }

    @BeforeEach
    void syncedShops() throws Exception {
        shops = new TestShops("transient").withCustomers(20, 13);
        assertFalse(sync().failed());
        TestShops.execute(shops.source(), "UPDATE customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                + " SET v.value = 'Changed' WHERE a.attribute_code = 'firstname' AND v.entity_id = 1");
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob sync() {
        return dataSync.sync(new JobSpec().entityType("customer").sourceSystem("live").adapter("openmage")
                .source(shops.source()).batchSize(500), shops.destination());
    }

    /** Locks the destination rows of the first customer's values until the connection ends. */
    private Connection lockFirstCustomer() throws Exception {
        Connection holder = TestServer.connect(shops.destination());
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeQuery("SELECT * FROM customer_entity_varchar WHERE entity_id = (SELECT target_id FROM"
                    + " datasync_entity_registry WHERE entity_type = 'customer' AND source_id = 1) FOR UPDATE").close();
        }
        return holder;
    }

    private String firstCustomersName() throws Exception {
        long id = Checksums.single(shops.destination(),
                "SELECT target_id FROM datasync_entity_registry WHERE entity_type = 'customer' AND source_id = 1");
        return CustomerView.load(shops.destination()).values().stream().filter(c -> c.id() == id)
                .findFirst().orElseThrow().value("firstname");
    }

    @Test
    void aBatchBlockedByALockIsRetriedUntilTheLockGoes() throws Exception {
        Connection holder = lockFirstCustomer();
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(2500);
                holder.rollback();
                holder.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();

        SyncJob job = sync();
        release.join();

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertTrue(job.report().retries() >= 1, "retries: " + job.report().retries());
        assertEquals(1, job.report().count(Outcome.UPDATED));
        assertEquals("Changed", firstCustomersName());
    }

    @Test
    void aLockThatNeverGoesStopsTheRunWithTheReasonAfterTheRetries() throws Exception {
        try (Connection holder = lockFirstCustomer()) {
            SyncJob job = dataSync.sync(new JobSpec().entityType("customer").sourceSystem("live")
                    .adapter("openmage").source(shops.source()).skipInvalid(true), shops.destination());

            assertTrue(job.failed());
            assertTrue(job.failure().getMessage().contains("Lock wait timeout"), job.failure().getMessage());
            assertEquals(4, job.report().retries());
            assertEquals(0, job.report().count(Outcome.INVALID), "an infrastructure failure is never a dead letter");
            holder.rollback();
        }
        assertFalse("Changed".equals(firstCustomersName()));
    }
}
