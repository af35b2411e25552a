package org.bluelight.dispatch.patrol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Patrol visits per hot spot for a day, in the concave form of "Prediction and Optimization for Police Beats"
 * (Part II): maximise {@code Σ wᵢ (1 − e^(−q nᵢ))} over visits {@code nᵢ} with {@code Σ nᵢ ≤ budget}. Each visit goes
 * where its marginal gain {@code wᵢ e^(−q nᵢ)} is highest, so effort spreads with diminishing returns instead of
 * following crime in proportion (the greedy step is optimal for a separable concave objective).
 */
public final class PatrolAllocation {

    private PatrolAllocation() {
    }

    /**
     * @param weights        per hot spot, its crime weight
     * @param budget         visits to share out
     * @param detectability  {@code q}: how fast one more visit stops paying
     */
    public static Map<String, Integer> visits(Map<String, Double> weights, int budget, double detectability) {
        Map<String, Integer> visits = new LinkedHashMap<>();
        weights.keySet().forEach(id -> visits.put(id, 0));
        for (int v = 0; v < budget && !weights.isEmpty(); v++) {
            String best = null;
            double bestGain = -1;
            for (Map.Entry<String, Double> hotSpot : weights.entrySet()) {
                double gain = marginalGain(hotSpot.getValue(), visits.get(hotSpot.getKey()), detectability);
                if (gain > bestGain) {
                    best = hotSpot.getKey();
                    bestGain = gain;
                }
            }
            visits.merge(best, 1, Integer::sum);
        }
        return visits;
    }

    /** What one more visit adds to a hot spot that has had {@code visits} already. */
    public static double marginalGain(double weight, int visits, double detectability) {
        return weight * Math.exp(-detectability * visits) * (1 - Math.exp(-detectability));
    }
}
