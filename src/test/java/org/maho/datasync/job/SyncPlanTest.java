package org.maho.datasync.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The plan of several entity types, which needs no database: order, revisits, the stock rule, the stop at a failure,
 * which types run at once.
 */
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
                type -> "customergroup".equals(type) ? null : new JobSpec().entityType(type), 1,
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

    @Test
    void everyTypeATypeNeedsWrittenComesBeforeItInTheOrder() {
        for (EntityHandler handler : handlers.all()) {
            if (handler.needsWritten() == null) {
                continue;
            }
            for (String needed : handler.needsWritten()) {
                assertTrue(EntityHandlers.IN_DEPENDENCY_ORDER.indexOf(needed) >= 0
                        && EntityHandlers.IN_DEPENDENCY_ORDER.indexOf(needed) < EntityHandlers.IN_DEPENDENCY_ORDER.indexOf(handler.type()),
                        handler.type() + " needs " + needed + " written, which the order puts after it");
            }
        }
    }

    /**
     * Two lanes: customers run beside products (each waits, with a timeout, until the other started), shipments beside
     * invoices, and a type never starts before one it needs is finished.
     */
    @Test
    void typesRunBesideEachOtherOnceTheTypesTheyNeedAreWritten() throws Exception {
        List<String> types = List.of("store", "customergroup", "customerattribute", "addressattribute", "product",
                "customer", "order", "invoice", "shipment", "creditmemo", "newsletter", "stock");
        Map<String, CountDownLatch> started = new ConcurrentHashMap<>();
        types.forEach(type -> started.put(type, new CountDownLatch(1)));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> meets = Map.of("product", "customer", "customer", "product", "invoice", "shipment", "shipment", "invoice");
        List<SyncJob> done = SyncPlan.of(handlers, types).run(type -> new JobSpec().entityType(type), 2, spec -> {
            String type = spec.entityType();
            events.add("start " + type);
            started.get(type).countDown();
            if (meets.containsKey(type)) {
                try {
                    assertTrue(started.get(meets.get(type)).await(10, TimeUnit.SECONDS), type + " ran alone");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            events.add("end " + type);
            return new SyncJob(spec, handlers, handlers.find(type).orElseThrow(), null, null, null, Path.of("target"));
        }, () -> false);

        assertEquals(SyncPlan.of(handlers, types).types(), done.stream().map(job -> job.spec().entityType()).toList(),
                "the jobs come back in the plan's order");
        for (String[] after : new String[][] {{"order", "product"}, {"order", "customer"}, {"invoice", "order"},
                {"shipment", "order"}, {"creditmemo", "invoice"}, {"newsletter", "customer"}, {"stock", "product"},
                {"product", "addressattribute"}}) {
            assertTrue(events.indexOf("start " + after[0]) > events.indexOf("end " + after[1]),
                    after[0] + " started before " + after[1] + " was written: " + events);
        }
    }

    @Test
    void afterAFailureNothingMoreStartsAndTheTypesRunningFinish() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch customerStarted = new CountDownLatch(1);
        List<SyncJob> done = SyncPlan.of(handlers, List.of("product", "customer", "order", "stock")).run(
                type -> new JobSpec().entityType(type), 2, spec -> {
                    String type = spec.entityType();
                    ran.add(type);
                    SyncJob job = new SyncJob(spec, handlers, handlers.find(type).orElseThrow(), null, null, null, Path.of("target"));
                    if ("product".equals(type)) {
                        try {
                            customerStarted.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        job.fail(new IllegalStateException("on purpose"));
                    } else if ("customer".equals(type)) {
                        customerStarted.countDown();
                    }
                    return job;
                }, () -> false);

        assertEquals(List.of("product", "customer"), done.stream().map(job -> job.spec().entityType()).toList(),
                "customers, running beside the failed products, finish; orders and stock never start: " + ran);
    }
}
