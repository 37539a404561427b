package org.maho.datasync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Route;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maho.datasync.Checksums;
import org.maho.datasync.TestShops;
import org.maho.datasync.db.ShopDatabase;
import org.maho.datasync.db.TransientDatabaseException;
import org.maho.datasync.job.EntityHandlers;
import org.maho.datasync.job.JobSpec;
import org.maho.datasync.job.Settings;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Outcome;
import org.maho.datasync.pipeline.Batch;
import org.maho.datasync.pipeline.BatchWriter;
import org.maho.datasync.registry.Registry;

/**
 * The shipped routes as camel-main loads them (routes/*.camel.yaml from the classpath, config/application.properties, the beans of
 * DataSyncBeans), booted by camel-test-main: a job sent to direct:sync goes through split (in batches), write and report;
 * the dead-letter route writes a line per invalid record; the shared error policy retries a transient failure. The
 * databases are real; only the retry test weaves its batch writer into one that fails twice on purpose.
 */
class RoutesTest extends CamelMainTestSupport {

    private static TestShops shops;
    private static ShopDatabase source;
    private static ShopDatabase destination;
    private static Path deadLetters;
    private static final FailingOnce WRITER = new FailingOnce();

    /** The shipped batch writer, failing with a lost connection as many times as asked before it writes. */
    public static final class FailingOnce {
        private final BatchWriter writer = new BatchWriter();
        private final AtomicInteger failures = new AtomicInteger();

        public void write(Batch batch) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TransientDatabaseException("connection lost (on purpose)", null);
            }
            writer.write(batch);
        }
    }

    /** The shipped batch writer, noting how deep the stack is at each batch it writes. */
    public static final class StackDepths {
        private final BatchWriter writer = new BatchWriter();
        final List<Integer> depths = new java.util.concurrent.CopyOnWriteArrayList<>();

        public void write(Batch batch) {
            depths.add(Thread.currentThread().getStackTrace().length);
            writer.write(batch);
        }
    }

    @BeforeAll
    static void shops() throws Exception {
        shops = new TestShops("routes").withCustomers(30, 11);
        source = ShopDatabase.open("source", shops.source(), 2, 20);
        destination = ShopDatabase.open("destination", shops.destination(), 2, 20);
        deadLetters = Files.createTempDirectory("datasync-routes");
    }

    @AfterAll
    static void close() throws Exception {
        source.close();
        destination.close();
        shops.close();
    }

    /** The shipped beans; the routes as config/application.properties finds them. */
    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(new DataSyncBeans());
    }



    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:config/application.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties quick = new Properties();
        quick.put("datasync.retry.delay-ms", "10");
        // the home whose routes/ config/application.properties names: this checkout, as bin/datasync sets it
        quick.put("datasync.home", Path.of("").toAbsolutePath().toString());
        return quick;
    }

    private SyncJob job(String type, JobSpec spec) {
        EntityHandlers handlers = new EntityHandlers();
        Settings settings = new Settings(key -> context.getPropertiesComponent().resolveProperty(key));
        spec.entityType(type).sourceSystem("routes");
        SyncJob job = new SyncJob(spec, handlers, handlers.find(type).orElseThrow(), "csv".equals(spec.adapter()) ? null : source,
                destination, new Registry(destination, "routes", 1000), deadLetters).settings(settings);
        try {
            job.registry().ensureTable();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return job;
    }

    @Test
    void theShippedRoutesLoadWithTheirSharedErrorPolicy() {
        List<String> ids = context.getRoutes().stream().map(Route::getRouteId).sorted().toList();

        assertEquals(List.of("datasync-dead-letter", "datasync-sync", "datasync-sync-batch"), ids);
        assertEquals(1, ((org.apache.camel.model.ModelCamelContext) context).getRouteConfigurationDefinitions().size());
    }

    @Test
    void aJobGoesThroughItsBatchesWriteAndReport() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("datasync-sync").whenDone(1).create();
        SyncJob job = job("customer", new JobSpec().adapter("openmage").source(shops.source()).batchSize(10));

        template.sendBody("direct:sync", job);

        assertTrue(done.matches(30, TimeUnit.SECONDS));
        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(30, job.report().read());
        assertEquals(30, job.report().count(Outcome.CREATED));
        assertEquals(30, Checksums.single(shops.destination(), "SELECT COUNT(*) FROM customer_entity"));
    }

    @Test
    void theDeadLetterRouteWritesALinePerInvalidRecord() throws Exception {
        SyncJob job = job("customer", new JobSpec().adapter("csv").file(Path.of("examples/customers.csv")).skipInvalid(true)
                .dryRun(true).batchSize(500));

        template.sendBody("direct:sync", job);

        assertEquals(2, job.report().count(Outcome.INVALID));
        List<String> lines = Files.readAllLines(job.deadLetterFile());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"record\":\"customers.csv line"), lines.get(0));
    }

    @Test
    void theErrorPolicyRetriesATransientFailureAndTheBatchIsWritten() throws Exception {
        // the batch route's write step, woven to go through a writer that loses its connection twice first
        org.apache.camel.builder.AdviceWith.adviceWith(context, "datasync-sync-batch",
                route -> route.weaveByToString(".*batchWriter.*").replace().bean(WRITER, "write"));
        WRITER.failures.set(2);
        SyncJob job = job("customergroup", new JobSpec().adapter("openmage").source(shops.source()).batchSize(500));

        template.sendBody("direct:sync", job);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(0, WRITER.failures.get(), "both failures happened");
        assertEquals(2, job.report().retries());
        assertEquals(5, job.report().processed());
    }

    /**
     * Each batch is written at about the same depth of the reading thread's stack: with an aggregator gathering the batches
     * each one went a level deeper, and a million-order run ran out of stack after 780 batches of orders.
     */
    @Test
    void everyBatchIsWrittenAtTheSameStackDepth() throws Exception {
        StackDepths writer = new StackDepths();
        org.apache.camel.builder.AdviceWith.adviceWith(context, "datasync-sync-batch",
                route -> route.weaveByToString(".*batchWriter.*").replace().bean(writer, "write"));
        SyncJob job = job("customer", new JobSpec().adapter("openmage").source(shops.source()).batchSize(1));

        template.sendBody("direct:sync", job);

        assertFalse(job.failed(), () -> String.valueOf(job.failure()));
        assertEquals(30, writer.depths.size());
        // a frame or two either way is the reading (a new page); the aggregator added eleven per batch
        int first = writer.depths.get(0);
        assertTrue(writer.depths.stream().allMatch(depth -> Math.abs(depth - first) <= 3), writer.depths::toString);
    }
}
