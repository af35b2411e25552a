package org.bluelight.simulator.evaluation;

import java.util.List;
import java.util.Set;
import org.bluelight.simulator.scenario.Scenario;

/**
 * What to evaluate.
 *
 * @param days simulated days in total, warm-up included (the West Midlands study: 14 with 7 of warm-up)
 * @param warmupDays first days not measured, while backlogs and positions settle
 * @param replications independent runs; each uses another seed for force and demand, the same for every policy
 * @param policies names among {@code random}, {@code nearest}, {@code recommender}
 */
public record EvaluationPlan(Scenario scenario, int days, int warmupDays, int replications, List<String> policies) {

    public static final Set<String> KNOWN_POLICIES = Set.of(RandomPolicy.NAME, NearestPolicy.NAME, RecommenderPolicy.NAME);

    public EvaluationPlan {
        if (days < 1 || warmupDays < 0 || warmupDays >= days) {
            throw new IllegalArgumentException("need days >= 1 and 0 <= warmup < days, got days " + days + ", warmup " + warmupDays);
        }
        if (replications < 1) {
            throw new IllegalArgumentException("need at least one replication");
        }
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("name at least one policy");
        }
        for (String policy : policies) {
            if (!KNOWN_POLICIES.contains(policy)) {
                throw new IllegalArgumentException("unknown policy '" + policy + "'; choose from random, nearest, recommender");
            }
        }
    }
}
