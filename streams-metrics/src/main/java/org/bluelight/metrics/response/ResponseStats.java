package org.bluelight.metrics.response;

import java.util.Arrays;
import java.util.Collection;

/**
 * Count, median, 90th percentile and share on target of a set of response times. Percentiles
 * interpolate linearly between closest ranks (the R-7 / Excel PERCENTILE.INC definition), so
 * the median of an even count is the mean of the middle two.
 */
public record ResponseStats(long count, Double medianSeconds, Double p90Seconds, long onTargetCount, Double onTargetShare) {

    public static ResponseStats of(Collection<Double> seconds, double targetSeconds) {
        if (seconds.isEmpty()) {
            return new ResponseStats(0, null, null, 0, null);
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        long onTarget = Arrays.stream(sorted).filter(s -> s <= targetSeconds).count();
        return new ResponseStats(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.9), onTarget,
                onTarget / (double) sorted.length);
    }

    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
