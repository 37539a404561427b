package org.maho.datasync.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * For benchmarks (-Ddatasync.report.stats=true): the heap's peak, sampled while the run goes (the JVM keeps peaks
 * per memory pool only, and those do not add up to one), and the most it held right after a collection: what the run
 * really keeps, as opposed to garbage not yet collected.
 */
final class HeapWatch {

    private static volatile long peakUsed;
    private static volatile long peakLive;

    private HeapWatch() {}

    static void start() {
        Thread sampler = new Thread(() -> {
            while (true) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "datasync-heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void sample() {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterCollection = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterCollection != null) {
                live += afterCollection.getUsed();
            }
        }
        peakLive = Math.max(peakLive, live);
    }

    static String report() {
        sample();
        return "peak heap: " + (peakUsed >> 20) + " MB used, " + (peakLive >> 20) + " MB kept after a collection (limit "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB)";
    }
}
