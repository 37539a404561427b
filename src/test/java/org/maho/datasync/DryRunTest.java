package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** --dry-run writes nothing at all to the destination, not even the registry, and reports what it would do. */
class DryRunTest extends SyncTestSupport {

    private TestShops shops;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("dryrun").withCustomers(120, 11);
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob sync(boolean dryRun) {
        return dataSync.sync(new JobSpec().entityType("customer").sourceSystem("live").adapter("openmage")
                .source(shops.source()).batchSize(40).dryRun(dryRun), shops.destination());
    }

    @Test
    void intoAnEmptyShopItReportsWhatItWouldCreateAndWritesNothing() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob job = sync(true);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(120, job.report().count(Outcome.CREATED), "would create");
        assertEquals(before, Checksums.of(shops.destination()), "every table unchanged, and no registry table created");
        assertFalse(before.containsKey("datasync_entity_registry"));
    }

    @Test
    void afterSourceChangesItReportsWhatItWouldUpdateAndWritesNothing() throws Exception {
        sync(false);
        TestShops.execute(shops.source(),
                "UPDATE customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                        + " SET v.value = CONCAT(v.value, '-x') WHERE a.attribute_code = 'firstname' AND v.entity_id <= 10",
                "DELETE FROM customer_entity WHERE entity_id = 11");
        TestShops.execute(shops.destination(), "DELETE FROM customer_entity WHERE email LIKE '%.12@example.com'");
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob job = sync(true);

        assertEquals(10, job.report().count(Outcome.UPDATED), "would update");
        assertEquals(1, job.report().count(Outcome.CREATED), "would create the one deleted on the destination");
        assertEquals(108, job.report().count(Outcome.UNCHANGED));
        assertEquals(before, Checksums.of(shops.destination()));
    }
}
