package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;

/** Invalid records: each reason named with its file, line and field; the valid records land. */
class InvalidRecordsTest extends SyncTestSupport {

    private static final String FILE = """
            entity_id,email,firstname,lastname,website,group,dob
            1,valid.one@example.org,Valid,One,base,General,1980-01-01
            2,not-an-email,Bad,Email,base,General,
            3,,Missing,Email,base,General,
            4,no.first@example.org,,Firstname,base,General,
            5,no.last@example.org,No,,base,General,
            6,mars@example.org,Unknown,Website,mars,General,
            7,gold@example.org,Unknown,Group,base,Gold,
            8,bad.date@example.org,Bad,Date,base,General,2020-02-30
            9,too.many@example.org,Too,Many,base,General,1990-01-01,surplus
            10,valid.two@example.org,Valid,Two,base,General,
            """;

    private TestShops shops;
    @TempDir
    Path files;
    private Path file;

    @BeforeEach
    void createShops() throws Exception {
        shops = new TestShops("invalid");
        file = files.resolve("customers.csv");
        Files.writeString(file, FILE);
    }

    @AfterEach
    void dropShops() throws Exception {
        shops.close();
    }

    private SyncJob sync(boolean skipInvalid, int batchSize) {
        return dataSync.sync(new JobSpec().entityType("customer").sourceSystem("crm").adapter("csv")
                .file(file).skipInvalid(skipInvalid).batchSize(batchSize), shops.destination());
    }

    @Test
    void withSkipInvalidTheValidLandAndEachInvalidIsDeadLetteredWithItsReason() throws Exception {
        SyncJob job = sync(true, 500);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(10, job.report().read());
        assertEquals(2, job.report().count(Outcome.CREATED));
        assertEquals(8, job.report().count(Outcome.INVALID));
        assertEquals(List.of("valid.one@example.org|base", "valid.two@example.org|base"),
                new ArrayList<>(CustomerView.load(shops.destination()).keySet()));

        Map<String, String> reasons = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(job.deadLetterFile())) {
            JsonNode letter = json.readTree(line);
            assertEquals("customers.csv", letter.get("source").asText());
            JsonNode problem = letter.get("problems").get(0);
            reasons.put(letter.get("record").asText(), problem.get("field").asText() + ": " + problem.get("reason").asText());
        }
        assertEquals(8, reasons.size());
        assertTrue(reasons.get("customers.csv line 3").startsWith("email: 'not-an-email' is not a valid email"), reasons.toString());
        assertEquals("email: is missing", reasons.get("customers.csv line 4"));
        assertEquals("firstname: is missing", reasons.get("customers.csv line 5"));
        assertEquals("lastname: is missing", reasons.get("customers.csv line 6"));
        assertTrue(reasons.get("customers.csv line 7").startsWith("website_id: unknown website 'mars'"), reasons.toString());
        assertEquals("group_id: unknown customer group 'Gold'", reasons.get("customers.csv line 8"));
        assertTrue(reasons.get("customers.csv line 9").startsWith("dob: '2020-02-30' is not a date"), reasons.toString());
        assertTrue(reasons.get("customers.csv line 10").contains("the line has 8 values but the header has 7 columns"),
                reasons.toString());
    }

    @Test
    void withoutSkipInvalidTheFirstInvalidRecordStopsTheRunAndNothingOfItsBatchIsWritten() throws Exception {
        Map<String, String> before = Checksums.of(shops.destination());

        SyncJob job = sync(false, 500);

        assertTrue(job.failed());
        assertTrue(job.failure().getMessage().contains("customers.csv line 3"), job.failure().getMessage());
        assertTrue(job.failure().getMessage().contains("email"), job.failure().getMessage());
        assertEquals(0, job.report().count(Outcome.CREATED));
        before.remove("datasync_entity_registry");
        Map<String, String> after = Checksums.of(shops.destination());
        after.remove("datasync_entity_registry");
        assertEquals(before, after, "the valid record before it, in the same batch, is not written either");
        assertEquals(0, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM datasync_entity_registry"));
    }

    @Test
    void withoutSkipInvalidBatchesBeforeTheInvalidRecordStayWritten() throws Exception {
        SyncJob job = sync(false, 1);

        assertTrue(job.failed());
        assertEquals(1, job.report().count(Outcome.CREATED));
        assertEquals(1, job.report().count(Outcome.INVALID));
        assertEquals(List.of("valid.one@example.org|base"), new ArrayList<>(CustomerView.load(shops.destination()).keySet()));
    }

    @Test
    void aSourceShopRecordWithAGroupTheDestinationLacksIsNamedByItsId() throws Exception {
        try (TestShops withCustomers = new TestShops("invalid_db").withCustomers(30, 3)) {
            TestShops.execute(withCustomers.source(),
                    "INSERT INTO customer_group (customer_group_id, customer_group_code, tax_class_id) VALUES (9, 'Platinum', 3)",
                    "UPDATE customer_entity SET group_id = 9 WHERE entity_id = 7",
                    "UPDATE customer_entity SET email = 'broken@@example' WHERE entity_id = 8");

            SyncJob job = dataSync.sync(new JobSpec().entityType("customer").sourceSystem("live")
                    .adapter("openmage").source(withCustomers.source()).skipInvalid(true),
                    withCustomers.destination());

            assertEquals(28, job.report().count(Outcome.CREATED));
            assertEquals(2, job.report().count(Outcome.INVALID));
            String letters = Files.readString(job.deadLetterFile());
            assertTrue(letters.contains("\"record\":\"customer_entity entity_id=7\"") && letters.contains("unknown customer group 'Platinum'"),
                    letters);
            assertTrue(letters.contains("\"record\":\"customer_entity entity_id=8\"") && letters.contains("not a valid email"), letters);
        }
    }
}
