package se.benefitledger.tools.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap of this JVM (service and client alike), sampled every 100 ms: the peak used, and the peak left right
 * after a collection (what the step kept alive, plus what the collector promoted), each since the last reset.
 */
final class HeapSampler {
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong afterGc = new AtomicLong();

    static HeapSampler start() {
        var sampler = new HeapSampler();
        var thread = new Thread(() -> {
            while (true) {
                sampler.sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
        return sampler;
    }

    private void sample() {
        used.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        afterGc.accumulateAndGet(afterLastGc(), Math::max);
    }

    private static long afterLastGc() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                                .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                                .sum();
    }

    /** Peak heap used, and peak heap left right after a collection, in bytes. */
    record Peaks(long used, long afterGc) {
    }

    /** The peaks since the last reset; starts anew from now. */
    Peaks reset() {
        var peaks = new Peaks(used.getAndSet(0), afterGc.getAndSet(0));
        sample();
        return peaks;
    }
}
