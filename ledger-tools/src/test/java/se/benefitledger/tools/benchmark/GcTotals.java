package se.benefitledger.tools.benchmark;

import java.lang.management.ManagementFactory;

/** Collections and their pause time so far, over every collector of this JVM. */
record GcTotals(long count, long millis) {

    static GcTotals now() {
        long count = 0;
        long millis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcTotals(count, millis);
    }

    GcTotals minus(GcTotals before) {
        return new GcTotals(count - before.count, millis - before.millis);
    }
}
