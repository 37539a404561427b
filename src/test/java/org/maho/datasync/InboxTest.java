package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;

/**
 * The service's inbox: the CSV files users already have, dropped into <inbox>/<entity>/, are imported and moved to done/
 * or failed/ with their report beside them; the valid records of a file with invalid ones are written all the same.
 */
class InboxTest {

    private static TestShops shops;

    @BeforeAll
    static void shopsWithTheTracker() throws Exception {
        shops = new TestShops("inbox").withCustomers(3, 2).syncedWithTracker("customergroup");
    }

    @AfterAll
    static void dropShops() throws Exception {
        shops.close();
    }

    @Test
    void droppedFilesAreImportedAndMovedWithTheirReport() throws Exception {
        Path inbox = Files.createTempDirectory("datasync-inbox");
        int port = ServiceApi.freePort();
        try (DataSyncService ignored = DataSyncService.start(Path.of(""), shops.source(), shops.destination(), "live",
                new ApiCredentials("inbox-token", null, null), Map.of("camel.server.port", String.valueOf(port),
                        "datasync.inbox.dir", inbox.toString()))) {
            Path customers = Files.createDirectories(inbox.resolve("customer"));
            Path subscribers = Files.createDirectories(inbox.resolve("newsletter"));
            Path stores = Files.createDirectories(inbox.resolve("store"));
            Files.copy(Path.of("examples/customers.csv"), customers.resolve("customers.csv"));
            Files.copy(Path.of("examples/newsletter_subscribers.csv"), subscribers.resolve("subscribers.csv"));
            Files.writeString(stores.resolve("stores.csv"), "code,name\nfr,French\n");

            Path customersReport = customers.resolve("failed/customers.csv.report.json");
            Path subscribersReport = subscribers.resolve("done/subscribers.csv.report.json");
            Path storesReport = stores.resolve("failed/stores.csv.report.json");
            await(customersReport, subscribersReport, storesReport);

            assertTrue(Files.exists(customers.resolve("failed/customers.csv")), "a file with invalid records goes to failed/");
            assertFalse(Files.exists(customers.resolve("customers.csv")));
            String report = Files.readString(customersReport);
            assertTrue(report.contains("\"outcome\" : \"invalid\"") && report.contains("\"invalid\" : 2"), report);
            assertEquals(2, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity WHERE email IN"
                    + " ('ada.lovelace@example.org', 'grace.hopper@example.org')"), "the file's valid customers are on the destination");
            assertEquals(0, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity WHERE email = 'not-an-email'"));

            assertTrue(Files.exists(subscribers.resolve("done/subscribers.csv")), Files.readString(subscribersReport));
            assertTrue(Files.readString(subscribersReport).contains("\"outcome\" : \"completed\""), Files.readString(subscribersReport));

            assertTrue(Files.readString(storesReport).contains("imports no 'store' CSV file"), Files.readString(storesReport));
            assertEquals("completed|inbox", Checksums.text(shops.destination(), "SELECT CONCAT(outcome, '|', cause) FROM datasync_run"
                    + " WHERE command LIKE 'sync newsletter inbox -f subscribers.csv'"));
        }
    }

    private static void await(Path... files) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline && !List.of(files).stream().allMatch(Files::exists)) {
            Thread.sleep(200);
        }
        for (Path file : files) {
            assertTrue(Files.exists(file), file + " within 40 s");
        }
    }
}
