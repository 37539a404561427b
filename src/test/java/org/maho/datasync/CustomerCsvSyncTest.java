package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** The original tool's customer CSV files, as users have them, into a destination shop. */
class CustomerCsvSyncTest extends SyncTestSupport {

    static final Path ORIGINAL_EXAMPLES = Path.of("../shared/reference/original-examples");

    private TestShops shops;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("csv");
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob importFile(Path file, boolean skipInvalid) {
        return dataSync.sync(new JobSpec().entityType("customer").sourceSystem("legacy").adapter("csv")
                .file(file).skipInvalid(skipInvalid), shops.destination());
    }

    private static Path original(String name) {
        Path file = ORIGINAL_EXAMPLES.resolve(name);
        Assumptions.assumeTrue(Files.exists(file), "needs ../shared beside the checkout");
        return file;
    }

    @Test
    void customersBasicCsv() throws Exception {
        SyncJob job = importFile(original("customers_basic.csv"), false);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(4, job.report().count(Outcome.CREATED));
        Map<String, CustomerView.Customer> customers = CustomerView.load(shops.destination());
        CustomerView.Customer john = customers.get("john.doe@example.com|base");
        assertEquals("John", john.value("firstname"));
        assertEquals("Doe", john.value("lastname"));
        assertEquals("Male", john.value("gender"));
        assertEquals("1985-03-15 00:00:00", john.value("dob"));
        assertEquals("General", john.value("group_id"));
        assertEquals("default", john.value("store_id"), "no store column: the website's default store");
        assertEquals("Retailer", customers.get("bob.wilson@example.com|base").value("group_id"),
                "group_id 2 is the destination's group 2");
        assertEquals("Female", customers.get("jane.smith@example.com|base").value("gender"));
        assertTrue(john.addresses().isEmpty());
    }

    @Test
    void customersWithAddressesCsv() throws Exception {
        SyncJob job = importFile(original("customers_with_addresses.csv"), false);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(5, job.report().count(Outcome.CREATED));
        assertTrue(job.report().warnings().keySet().stream().anyMatch(w -> w.contains("line 3 has 33 values for 34 columns")),
                "the file's short lines are read, and said so: " + job.report().warnings());
        Map<String, CustomerView.Customer> customers = CustomerView.load(shops.destination());

        // website_id 1 and store_id 1 are the destination's: its website 1 is wholesale
        CustomerView.Customer john = customers.get("john.doe@example.com|wholesale");
        assertEquals("wholesale_en", john.value("store_id"));
        assertEquals("Michael", john.value("middlename"));
        assertEquals("Mr", john.value("prefix"));
        assertEquals("Jr", john.value("suffix"));
        assertEquals(2, john.addresses().size());
        assertTrue(john.defaultBilling().contains("city=Sydney"), john.defaultBilling());
        assertTrue(john.defaultBilling().contains("company=Acme Corp"));
        assertTrue(john.defaultBilling().contains("region_id=AU/NSW"), "region by country and code: " + john.defaultBilling());
        assertTrue(john.defaultBilling().contains("fax=0212345678"));
        assertTrue(john.defaultShipping().contains("city=Melbourne"), john.defaultShipping());

        CustomerView.Customer jane = customers.get("jane.smith@example.com|wholesale");
        assertEquals(1, jane.addresses().size(), "same_as_billing: one address");
        assertEquals(jane.defaultBilling(), jane.defaultShipping());

        CustomerView.Customer bob = customers.get("bob.wilson@example.com|wholesale");
        assertEquals("ABN12345678", bob.value("taxvat"));
        assertTrue(bob.addresses().stream().anyMatch(a -> "100 Industrial Park\nBuilding B\nSuite 42".equals(a.get("street"))),
                "a multi-line street keeps its lines: " + bob.addresses());

        CustomerView.Customer sarah = customers.get("sarah.jones@example.com|base");
        assertEquals("french", sarah.value("store_id"), "store_id 4 and website_id 2 are the destination's french and base");
        assertEquals("Dr", sarah.value("prefix"));

        CustomerView.Customer guest = customers.get("guest.customer@example.com|wholesale");
        assertTrue(guest.addresses().isEmpty());
        assertNull(guest.value("gender"), "gender 0 means none");
        assertNull(guest.defaultBilling());
    }

    @Test
    void importingTheSameFileAgainDuplicatesNothing() throws Exception {
        importFile(original("customers_with_addresses.csv"), false);
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob again = importFile(original("customers_with_addresses.csv"), false);

        assertEquals(5, again.report().count(Outcome.UNCHANGED));
        assertEquals(before, Checksums.of(shops.destination()));
    }

    @Test
    void theProjectsOwnExampleGoesInWithItsTwoInvalidLinesDeadLettered() throws Exception {
        SyncJob job = importFile(Path.of("examples/customers.csv"), true);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(4, job.report().count(Outcome.CREATED));
        assertEquals(2, job.report().count(Outcome.INVALID));
        List<String> letters = Files.readAllLines(job.deadLetterFile());
        assertEquals(2, letters.size());
        assertTrue(letters.get(0).contains("\"record\":\"customers.csv line 6\"") && letters.get(0).contains("\"field\":\"email\""),
                letters.get(0));
        assertTrue(letters.get(1).contains("\"field\":\"dob\"") && letters.get(1).contains("1914-13-09"), letters.get(1));
        Map<String, CustomerView.Customer> customers = CustomerView.load(shops.destination());
        assertEquals("wholesale_en", customers.get("alan.turing@example.org|wholesale").value("store_id"));
        assertEquals("Wholesale", customers.get("alan.turing@example.org|wholesale").value("group_id"),
                "group_id 3 is the destination's group 3");
        assertTrue(customers.get("grace.hopper@example.org|base").defaultShipping().contains("city=Arlington"));
    }
}
