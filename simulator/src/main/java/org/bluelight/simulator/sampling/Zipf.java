package org.bluelight.simulator.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws ranks 1..n with probability proportional to 1/rank^s, so low ranks (frequent callers) recur often. */
public final class Zipf {

    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("Zipf needs n >= 1");
        }
        cumulative = new double[n];
        double total = 0;
        for (int rank = 1; rank <= n; rank++) {
            total += 1.0 / Math.pow(rank, exponent);
            cumulative[rank - 1] = total;
        }
    }

    public int draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, u);
        return (index >= 0 ? index : -index - 1) + 1;
    }
}
