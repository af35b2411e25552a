package org.bluelight.simulator.sampling;

import java.util.SplittableRandom;

/** Standard normal draws (Box-Muller) from a {@link SplittableRandom}, which has none of its own. */
public final class Gaussian {

    private Gaussian() {
    }

    public static double next(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A Poisson count with the given mean (inversion for small means, a rounded normal for large ones). */
    public static int poisson(SplittableRandom random, double mean) {
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * next(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
