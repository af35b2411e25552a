package org.bluelight.simulator.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/** Checks a map of relative weights: not empty, none negative, some positive. */
final class Weights {

    private Weights() {
    }

    static <K> Map<K, Double> check(String key, Map<K, Double> weights) {
        ScenarioException.require(weights != null && !weights.isEmpty(), key + " needs at least one entry");
        double total = 0;
        for (Map.Entry<K, Double> entry : weights.entrySet()) {
            ScenarioException.require(entry.getValue() != null && entry.getValue() >= 0,
                    key + "." + entry.getKey() + " must be a weight >= 0");
            total += entry.getValue();
        }
        ScenarioException.require(total > 0, key + " needs a positive weight");
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }
}
