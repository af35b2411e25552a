package org.bluelight.ops.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
public record LatencyStats(long count, double p50Millis, double p99Millis, double meanMillis, double maxMillis) {

    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0)
            throw new IllegalArgumentException("no latencies");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new LatencyStats(sorted.length, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, mean / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
