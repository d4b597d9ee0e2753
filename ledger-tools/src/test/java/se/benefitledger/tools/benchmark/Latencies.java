package se.benefitledger.tools.benchmark;

import java.util.Collection;

/** Percentiles of measured durations (nanoseconds), in milliseconds. */
record Latencies(long count, double p50, double p99, double max) {

    static Latencies of(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latencies(0, 0, 0, 0);
        }
        return new Latencies(sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p99 %.1f ms", p50, p99);
    }
}
