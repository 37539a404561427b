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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.service.ApiCredentials;
import org.maho.datasync.service.DataSyncService;
import org.maho.datasync.service.PasswordHash;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless browser (Debian's chromium, driven by its chromedriver): a person logs in, sees every
 * entity type, retries a parked change and pauses a schedule, and the databases show it. With
 * -Ddatasync.test.screenshots=<dir> it saves the README's screenshots there.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static TestShops shops;

    @BeforeAll
    static void syncedShopsWithTheTracker() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("required".equals(System.getProperty("datasync.test.browser"))) {
            assertTrue(installed, "chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "no chromium and chromedriver: apt-get install chromium chromium-driver");
        shops = new TestShops("console").withCustomers(12, 9).syncedWithTracker("customergroup", "customer");
    }

    @AfterAll
    static void dropShops() throws Exception {
        if (shops != null) {
            shops.close();
        }
    }

    @Test
    void aPersonSeesEveryTypeRetriesAParkedChangeAndPausesASchedule() throws Exception {
        int port = ServiceApi.freePort();
        ApiCredentials credentials = new ApiCredentials(null, "shop-owner", PasswordHash.of("a long secret".toCharArray()));
        TestShops.execute(shops.source(), "INSERT INTO datasync_change_tracker (entity_type, entity_id, action, created_at,"
                + " sync_completed, attempts, last_error) VALUES ('customer', 2, 'update', UTC_TIMESTAMP(), 2, 5,"
                + " 'Duplicate entry for key UNQ_CUSTOMER_EMAIL (the test parked it)')");
        WebDriver browser = null;
        try (DataSyncService ignored = DataSyncService.start(Path.of(""), shops.source(), shops.destination(), "live", credentials,
                Map.of("datasync.schedule.incremental", "* * * * * ?", "camel.server.port", String.valueOf(port)))) {
            browser = browser();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get("http://localhost:" + port + "/");

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
            browser.findElement(By.name("user")).sendKeys("shop-owner");
            browser.findElement(By.name("password")).sendKeys("wrong");
            browser.findElement(By.cssSelector("#login-form button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "wrong"));
            browser.findElement(By.name("password")).clear();
            browser.findElement(By.name("password")).sendKeys("a long secret");
            browser.findElement(By.cssSelector("#login-form button")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
            wait.until(driver -> driver.findElements(By.cssSelector("#overview tbody tr")).size() == EntityHandlers.IN_DEPENDENCY_ORDER.size());
            List<String> types = browser.findElements(By.cssSelector("#overview tbody tr")).stream()
                    .map(row -> row.getAttribute("data-type")).toList();
            assertEquals(EntityHandlers.IN_DEPENDENCY_ORDER, types, "the overview lists every entity type");

            // a change made on the source shows as a run in the history, with the scheduled runs every second
            TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'seen.in.the.console@example.com' WHERE entity_id = 1");
            wait.until(driver -> !driver.findElements(By.cssSelector("#runs tbody tr")).isEmpty());
            screenshot(browser, "console-overview.png");

            String id = wait.ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.cssSelector("#parked tr[data-id]")).getAttribute("data-id"));
            click(wait, By.cssSelector("#parked tr[data-id='" + id + "'] button.retry"));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#parked tr[data-id='" + id + "']"), 0));
            assertEquals(0, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 2"),
                    "the retried change left the parked ones");
            awaitNoPending();
            assertEquals(1, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE entity_id = 2"
                    + " AND sync_completed = 1"), "the next scheduled run synced the retried change");

            click(wait, By.cssSelector("#schedules tr[data-name='incremental'] button.toggle"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#schedules tr[data-name='incremental'] .state"),
                    "paused"));
            assertEquals(1, Checksums.single(shops.destination(), "SELECT paused FROM datasync_schedule WHERE name = 'incremental'"));
            // a run that had fired before the pause may still be finishing: let it end, then change the source
            Thread.sleep(1500);
            TestShops.execute(shops.source(), "UPDATE customer_entity SET email = 'waits.for.the.schedule@example.com' WHERE entity_id = 3");
            Thread.sleep(3000);
            assertEquals(1, Checksums.single(shops.source(), "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0"),
                    "the paused schedule fired no run: the change waits");
            screenshot(browser, "console-schedules.png");

            click(wait, By.cssSelector("#schedules tr[data-name='incremental'] button.toggle"));
            awaitNoPending();
            assertEquals("waits.for.the.schedule@example.com", Checksums.text(shops.destination(), "SELECT email FROM customer_entity e JOIN"
                    + " datasync_entity_registry r ON r.target_id = e.entity_id AND r.entity_type = 'customer' AND r.source_id = 3"));
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static void awaitNoPending() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String pending = "SELECT COUNT(*) FROM datasync_change_tracker WHERE sync_completed = 0";
        while (System.nanoTime() < deadline && Checksums.single(shops.source(), pending) > 0) {
            Thread.sleep(200);
        }
        assertEquals(0, Checksums.single(shops.source(), pending), "the schedule synced every pending change");
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // the README's screenshots show the whole page
        String size = System.getProperty("datasync.test.screenshots") == null ? "1400,1000" : "1400,2000";
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + size);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Clicks what the selector finds, found afresh until the click lands: the console redraws its lists as it polls. */
    private static void click(WebDriverWait wait, By selector) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(selector).click();
            return true;
        });
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        String directory = System.getProperty("datasync.test.screenshots");
        if (directory != null) {
            Files.createDirectories(Path.of(directory));
            Files.write(Path.of(directory, name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
