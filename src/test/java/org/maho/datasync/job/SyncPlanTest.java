package org.maho.datasync.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan of several entity types, which needs no database: order, revisits, the stock rule, the stop at a failure. */
class SyncPlanTest {

    private final EntityHandlers handlers = new EntityHandlers();

    @Test
    void typesRunInDependencyOrderWhateverOrderTheyAreAskedIn() {
        assertEquals(List.of("customergroup", "product", "customer", "order", "invoice"),
                SyncPlan.of(handlers, List.of("invoice", "order", "customer", "product", "customergroup")).types());
    }

    @Test
    void aTypeReferringToOneWrittenAfterItRunsAgainOnceThatOneIs() {
        assertEquals(List.of("store", "cms_block", "category", "store", "product", "cms_block"),
                SyncPlan.of(handlers, List.of("product", "category", "cms_block", "store")).types());
        assertEquals(List.of("store", "customer"), SyncPlan.of(handlers, List.of("customer", "store")).types(),
                "no revisit without the type it waits for");
    }

    @Test
    void productsLeaveTheirStockToTheStockTypeWhenBothRun() {
        List<JobSpec> both = SyncPlan.of(handlers, List.of("stock", "product")).jobs(type -> new JobSpec().entityType(type));
        assertEquals(List.of("product", "stock"), both.stream().map(JobSpec::entityType).toList());
        assertEquals(JobSpec.StockMode.EXCLUDE, both.get(0).stockMode());

        List<JobSpec> alone = SyncPlan.of(handlers, List.of("product")).jobs(type -> new JobSpec().entityType(type));
        assertEquals(JobSpec.StockMode.INCLUDE, alone.get(0).stockMode(), "a product sync alone writes its stock");
    }

    @Test
    void theRunStopsAfterTheFirstTypeThatFailedAndSkipsTypesWithoutAJob() {
        List<String> ran = new ArrayList<>();
        List<SyncJob> done = SyncPlan.of(handlers, List.of("taxclass", "customergroup", "customer", "order")).run(
                type -> "customergroup".equals(type) ? null : new JobSpec().entityType(type),
                spec -> {
                    ran.add(spec.entityType());
                    SyncJob job = new SyncJob(spec, handlers, handlers.find(spec.entityType()).orElseThrow(), null, null, null,
                            Path.of("target"));
                    if ("customer".equals(spec.entityType())) {
                        job.fail(new IllegalStateException("on purpose"));
                    }
                    return job;
                }, () -> false);

        assertEquals(List.of("taxclass", "customer"), ran);
        assertEquals(2, done.size());
    }
}
