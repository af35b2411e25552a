package org.bluelight.simulator.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws one of several values with probability proportional to its weight, in a fixed order (deterministic). */
public final class WeightedChoice<T> {

    private final List<T> values = new ArrayList<>();
    private final double[] cumulative;

    public WeightedChoice(Map<T, Double> weights) {
        cumulative = new double[weights.size()];
        double total = 0;
        int i = 0;
        for (Map.Entry<T, Double> entry : weights.entrySet()) {
            values.add(entry.getKey());
            total += entry.getValue();
            cumulative[i++] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights must sum to a positive number");
        }
    }

    public T draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
