package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.OnDuplicate;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/**
 * A customer the destination already has (same email and website, created there, not by this source):
 * each --on-duplicate mode, checked by the values a user would look at.
 */
class OnDuplicateTest extends SyncTestSupport {

    private TestShops shops;
    @TempDir
    Path files;
    private Path incoming;

    @BeforeEach
    void destinationWithAda() throws Exception {
        shops = new TestShops("duplicates");
        Path existing = files.resolve("existing.csv");
        Files.writeString(existing, """
                entity_id,email,firstname,lastname,middlename,taxvat,website,group,billing_street,billing_city,billing_postcode,billing_country_id
                1,ada@example.org,Ada,Byron,,,base,General,12 St James's Square,London,SW1Y 4JH,GB
                2,charles@example.org,Charles,Babbage,,,base,General,,,,
                """);
        SyncJob created = sync(existing, "shop", OnDuplicate.UPDATE, false);
        assertEquals(2, created.report().count(Outcome.CREATED));
        incoming = files.resolve("incoming.csv");
        Files.writeString(incoming, """
                entity_id,email,firstname,lastname,middlename,taxvat,website,group,billing_street,billing_city,billing_postcode,billing_country_id
                501,ada@example.org,Augusta Ada,Lovelace,King,GB123,base,Retailer,1 Ockham Park,Ripley,GU23 6NH,GB
                502,grace@example.org,Grace,Hopper,,,base,General,,,,
                """);
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob sync(Path file, String source, OnDuplicate mode, boolean skipInvalid) {
        return dataSync.sync(new JobSpec().entityType("customer").sourceSystem(source).adapter("csv")
                .file(file).onDuplicate(mode).skipInvalid(skipInvalid), shops.destination());
    }

    private CustomerView.Customer ada() throws Exception {
        return CustomerView.load(shops.destination()).get("ada@example.org|base");
    }

    @Test
    void skipLeavesTheExistingCustomer() throws Exception {
        Map<String, String> adaBefore = Map.of("firstname", ada().value("firstname"), "lastname", ada().value("lastname"));

        SyncJob job = sync(incoming, "crm", OnDuplicate.SKIP, false);

        assertFalse(job.failed());
        assertEquals(1, job.report().count(Outcome.SKIPPED));
        assertEquals(1, job.report().count(Outcome.CREATED), "grace is new");
        assertEquals(adaBefore.get("firstname"), ada().value("firstname"));
        assertEquals(adaBefore.get("lastname"), ada().value("lastname"));
        assertEquals(1, ada().addresses().size());
        assertEquals(null, ada().value("middlename"));
    }

    @Test
    void updateOverwritesWhatTheSourceHas() throws Exception {
        SyncJob job = sync(incoming, "crm", OnDuplicate.UPDATE, false);

        assertEquals(1, job.report().count(Outcome.UPDATED));
        CustomerView.Customer ada = ada();
        assertEquals("Augusta Ada", ada.value("firstname"));
        assertEquals("Lovelace", ada.value("lastname"));
        assertEquals("King", ada.value("middlename"));
        assertEquals("GB123", ada.value("taxvat"));
        assertEquals("Retailer", ada.value("group_id"));
        assertEquals(2, ada.addresses().size(), "the new address is added; a file cannot say the old one is gone");
        assertTrue(ada.defaultBilling().contains("city=Ripley"), ada.defaultBilling());
        assertEquals(3, CustomerView.load(shops.destination()).size());
    }

    @Test
    void mergeFillsOnlyWhatTheDestinationLacks() throws Exception {
        SyncJob job = sync(incoming, "crm", OnDuplicate.MERGE, false);

        assertEquals(1, job.report().count(Outcome.UPDATED));
        CustomerView.Customer ada = ada();
        assertEquals("Ada", ada.value("firstname"), "kept");
        assertEquals("Byron", ada.value("lastname"), "kept");
        assertEquals("General", ada.value("group_id"), "kept");
        assertEquals("King", ada.value("middlename"), "filled");
        assertEquals("GB123", ada.value("taxvat"), "filled");
        assertEquals(2, ada.addresses().size());
        assertTrue(ada.defaultBilling().contains("city=London"), "the destination's default billing address stays: "
                + ada.defaultBilling());
    }

    @Test
    void mergeTwiceChangesNothingTheSecondTime() throws Exception {
        sync(incoming, "crm", OnDuplicate.MERGE, false);
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob again = sync(incoming, "crm", OnDuplicate.MERGE, false);

        assertEquals(2, again.report().count(Outcome.UNCHANGED));
        assertEquals(before, Checksums.of(shops.destination()));
    }

    @Test
    void errorRejectsTheDuplicateWithAReasonAndStopsTheRun() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob job = sync(incoming, "crm", OnDuplicate.ERROR, false);

        assertTrue(job.failed());
        assertTrue(job.failure().getMessage().contains("ada@example.org") || job.failure().getMessage().contains("line 2"),
                job.failure().getMessage());
        assertTrue(job.failure().getMessage().contains("exists on the destination"), job.failure().getMessage());
        assertEquals(1, job.report().count(Outcome.INVALID));
        assertEquals(before, Checksums.of(shops.destination()), "nothing of the batch is written");
    }

    @Test
    void errorWithSkipInvalidDeadLettersTheDuplicateAndWritesTheRest() throws Exception {
        SyncJob job = sync(incoming, "crm", OnDuplicate.ERROR, true);

        assertFalse(job.failed());
        assertEquals(1, job.report().count(Outcome.INVALID));
        assertEquals(1, job.report().count(Outcome.CREATED));
        assertTrue(Files.readString(job.deadLetterFile()).contains("exists on the destination as customer"));
        assertEquals("Ada", ada().value("firstname"));
        assertTrue(CustomerView.load(shops.destination()).containsKey("grace@example.org|base"));
    }
}
