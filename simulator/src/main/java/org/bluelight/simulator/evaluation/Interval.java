package org.bluelight.simulator.evaluation;

import java.util.List;

/** A mean across replications with its 95% confidence interval (Student's t). */
public record Interval(double mean, double halfWidth, int n) {

    private static final double[] T975 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
            2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
            2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    public static Interval of(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new Interval(mean, Double.NaN, n);
        }
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double t = n - 1 < T975.length ? T975[n - 1] : 1.96;
        return new Interval(mean, t * Math.sqrt(variance / n), n);
    }

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** True when this interval lies wholly below the other (both known). */
    public boolean whollyBelow(Interval other) {
        return high() < other.low();
    }
}
