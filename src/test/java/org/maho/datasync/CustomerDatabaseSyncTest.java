package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maho.datasync.db.ConnectionSettings;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** Customers from a generated source shop into a destination whose every id differs. */
class CustomerDatabaseSyncTest extends SyncTestSupport {

    private TestShops shops;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("customers").withCustomers(240, 7);
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob sync() {
        JobSpec spec = new JobSpec().entityType("customer").sourceSystem("live").adapter("openmage")
                .source(shops.source()).batchSize(50);
        return dataSync.sync(spec, shops.destination());
    }

    private static void assertSucceeded(SyncJob job) {
        assertFalse(job.failed(), () -> "the run failed: " + job.failure());
    }

    @Test
    void everyCustomerArrivesWithEveryValueEqualByCode() throws Exception {
        SyncJob job = sync();

        assertSucceeded(job);
        assertEquals(240, job.report().read());
        assertEquals(240, job.report().count(Outcome.CREATED));
        assertEquals(0, job.report().count(Outcome.INVALID));
        Map<String, CustomerView.Customer> source = CustomerView.load(shops.source());
        Map<String, CustomerView.Customer> destination = CustomerView.load(shops.destination());
        assertEquals(source.keySet(), destination.keySet());
        int addresses = 0;
        for (Map.Entry<String, CustomerView.Customer> expected : source.entrySet()) {
            CustomerView.Customer actual = destination.get(expected.getKey());
            for (Map.Entry<String, CustomerView.Value> value : expected.getValue().values().entrySet()) {
                assertEquals(value.getValue().canonical(), actual.value(value.getKey()),
                        expected.getKey() + " " + value.getKey());
            }
            assertEquals(expected.getValue().values().keySet(), actual.values().keySet(), expected.getKey());
            assertEquals(expected.getValue().addresses(), actual.addresses(), expected.getKey() + " addresses");
            assertEquals(expected.getValue().defaultBilling(), actual.defaultBilling(), expected.getKey() + " default billing");
            assertEquals(expected.getValue().defaultShipping(), actual.defaultShipping(), expected.getKey() + " default shipping");
            addresses += actual.addresses().size();
        }
        assertTrue(addresses > 240, "the generator makes 1.5 addresses per customer on average: " + addresses);
    }

    @Test
    void theValuesReallyUseTheDestinationsIds() throws Exception {
        sync();
        // the layouts put the same codes under different ids: a copied id would read as another code
        Map<String, CustomerView.Customer> destination = CustomerView.load(shops.destination());
        CustomerView.Customer wholesale = destination.values().stream()
                .filter(c -> "wholesale".equals(c.value("website_id"))).findFirst().orElseThrow();
        assertEquals("wholesale_en", wholesale.value("store_id"));
        assertEquals("Wholesale", wholesale.value("group_id"));
        assertEquals("1", wholesale.values().get("website_id").raw(), "wholesale is website 1 on the destination");
        CustomerView.Customer withGender = destination.values().stream()
                .filter(c -> c.value("gender") != null).findFirst().orElseThrow();
        assertTrue(Map.of("Male", "1", "Female", "2").get(withGender.value("gender"))
                .equals(withGender.values().get("gender").raw()), "gender options are 1 and 2 on the destination");
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        sync();
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob again = sync();

        assertSucceeded(again);
        assertEquals(240, again.report().count(Outcome.UNCHANGED));
        assertEquals(0, again.report().count(Outcome.CREATED) + again.report().count(Outcome.UPDATED));
        assertEquals(before, Checksums.of(shops.destination()), "no table of the destination changed, the registry included");
    }

    @Test
    void changesOnTheSourceReachTheDestination() throws Exception {
        sync();
        TestShops.execute(shops.source(),
                // a value changed, a value removed, an option changed, an email changed
                "UPDATE customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                        + " SET v.value = 'Renamed' WHERE a.attribute_code = 'firstname' AND v.entity_id = 1",
                "DELETE v FROM customer_entity_varchar v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                        + " WHERE a.attribute_code = 'created_in' AND v.entity_id = 2",
                "UPDATE customer_entity SET email = 'changed.address@example.com' WHERE entity_id = 3",
                // an address deleted (with the references to it), one added
                "DELETE v FROM customer_entity_int v JOIN eav_attribute a ON a.attribute_id = v.attribute_id"
                        + " WHERE a.attribute_code IN ('default_billing', 'default_shipping') AND v.value ="
                        + " (SELECT MIN(entity_id) FROM customer_address_entity)",
                "DELETE FROM customer_address_entity WHERE entity_id = (SELECT * FROM (SELECT MIN(entity_id) FROM customer_address_entity) x)",
                "INSERT INTO customer_address_entity (entity_id, entity_type_id, parent_id, created_at, updated_at)"
                        + " VALUES (100000, 2, 4, NOW(), NOW())",
                "INSERT INTO customer_address_entity_varchar (entity_type_id, attribute_id, entity_id, value)"
                        + " SELECT 2, attribute_id, 100000, 'Neustadt' FROM eav_attribute WHERE attribute_code = 'city'"
                        + " AND entity_type_id = 2");
        Map<String, CustomerView.Customer> before = CustomerView.load(shops.destination());

        SyncJob job = sync();

        assertSucceeded(job);
        assertEquals(0, job.report().count(Outcome.CREATED), "an email change is the same customer, not a new one");
        assertTrue(job.report().count(Outcome.UPDATED) >= 4, "updated: " + job.report().count(Outcome.UPDATED));
        Map<String, CustomerView.Customer> source = CustomerView.load(shops.source());
        Map<String, CustomerView.Customer> destination = CustomerView.load(shops.destination());
        assertEquals(source.keySet(), destination.keySet());
        assertEquals(before.size(), destination.size());
        for (Map.Entry<String, CustomerView.Customer> expected : source.entrySet()) {
            CustomerView.Customer actual = destination.get(expected.getKey());
            assertEquals(expected.getValue().values().keySet(), actual.values().keySet(), expected.getKey());
            expected.getValue().values().forEach((code, value) ->
                    assertEquals(value.canonical(), actual.value(code), expected.getKey() + " " + code));
            assertEquals(expected.getValue().addresses(), actual.addresses(), expected.getKey() + " addresses");
            assertEquals(expected.getValue().defaultBilling(), actual.defaultBilling(), expected.getKey());
        }
        assertTrue(destination.values().stream().anyMatch(c -> "Renamed".equals(c.value("firstname"))));
        String secondEmail = source.values().stream().filter(c -> c.id() == 2).findFirst().orElseThrow().value("email");
        assertNull(destination.values().stream().filter(c -> secondEmail.equals(c.value("email"))).findFirst()
                .orElseThrow().value("created_in"), "a value removed at the source is removed at the destination");
        assertTrue(destination.containsKey("changed.address@example.com|" + source.values().stream()
                .filter(c -> c.id() == 3).findFirst().orElseThrow().value("website_id")));
        assertTrue(destination.values().stream().flatMap(c -> c.addresses().stream())
                .anyMatch(a -> "Neustadt".equals(a.get("city"))));
    }

    @Test
    void aDestinationRowDeletedByHandIsCreatedAgainAndTheRegistryRepaired() throws Exception {
        sync();
        TestShops.execute(shops.destination(), "DELETE FROM customer_entity WHERE email LIKE '%.5@example.com'");

        SyncJob job = sync();

        assertSucceeded(job);
        assertEquals(1, job.report().count(Outcome.CREATED));
        assertEquals(239, job.report().count(Outcome.UNCHANGED));
        Map<String, CustomerView.Customer> destination = CustomerView.load(shops.destination());
        assertEquals(CustomerView.load(shops.source()).keySet(), destination.keySet());
        long newId = destination.values().stream().filter(c -> c.value("email").endsWith(".5@example.com"))
                .findFirst().orElseThrow().id();
        assertEquals(newId, Checksums.single(shops.destination(),
                "SELECT target_id FROM datasync_entity_registry WHERE entity_type = 'customer' AND source_id = 5"));
    }

    @Test
    void tablePrefixesOnEitherShopAreHonoured() throws Exception {
        Map<String, CustomerView.Customer> expected = CustomerView.load(shops.source());
        prefixTables(shops.source(), "om_");
        prefixTables(shops.destination(), "shop2_");
        ConnectionSettings source = shops.source();
        ConnectionSettings destination = shops.destination();

        SyncJob job = dataSync.sync(new JobSpec().entityType("customer").sourceSystem("live").adapter("openmage")
                .source(new ConnectionSettings(source.host(), source.port(), source.database(),
                        source.user(), source.password(), "om_")).batchSize(100),
                new ConnectionSettings(destination.host(), destination.port(), destination.database(),
                        destination.user(), destination.password(), "shop2_"));

        assertSucceeded(job);
        assertEquals(240, job.report().count(Outcome.CREATED));
        assertEquals(240, Checksums.single(destination, "SELECT COUNT(*) FROM shop2_customer_entity"));
        assertEquals(240, Checksums.single(destination,
                "SELECT COUNT(*) FROM shop2_datasync_entity_registry WHERE entity_type = 'customer'"));
        prefixTables(shops.destination(), null);
        assertEquals(expected.keySet(), CustomerView.load(shops.destination()).keySet());
    }

    /** Renames every table to carry the prefix, or back without it when the prefix is null. */
    private static void prefixTables(ConnectionSettings shop, String prefix) throws Exception {
        List<String> renames = new ArrayList<>();
        try (Connection connection = TestServer.connect(shop);
             ResultSet tables = connection.createStatement().executeQuery("SHOW TABLES")) {
            while (tables.next()) {
                String table = tables.getString(1);
                String renamed = prefix != null ? prefix + table : table.substring(table.indexOf('_') + 1);
                renames.add("`" + table + "` TO `" + renamed + "`");
            }
        }
        TestShops.execute(shop, "RENAME TABLE " + String.join(", ", renames));
    }
}
