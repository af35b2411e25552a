package org.bluelight.simulator.records;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.sampling.WeightedChoice;
import org.bluelight.simulator.sampling.Zipf;
import org.bluelight.simulator.scenario.AreaSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * The scenario's pseudonymous people, as the records systems know them: the ids its incidents name (a Zipf draw
 * over {@code demand.people}, so a few people recur often as callers, subjects, suspects and detainees), each
 * living in one neighbourhood area.
 */
public final class People {

    private static final long SALT = 0x9E0_91E5L;

    private final long seed;
    private final Zipf ranks;
    private final WeightedChoice<String> homes;

    public People(Scenario scenario) {
        this.seed = scenario.seed() ^ SALT;
        this.ranks = new Zipf(scenario.demand().people().population(), scenario.demand().people().zipfExponent());
        Map<String, Double> weights = new LinkedHashMap<>();
        for (AreaSpec area : scenario.areas()) {
            weights.put(area.id(), scenario.demand().areaWeights().getOrDefault(area.id(), 1.0));
        }
        this.homes = new WeightedChoice<>(weights);
    }

    /** Someone from the population, the frequent more likely. */
    public String draw(SplittableRandom random) {
        return IncidentGenerator.person(ranks.draw(random));
    }

    /** Where the person lives: the same area every time (weighted like background demand), whoever asks. */
    public String homeArea(String personId) {
        return homes.draw(new SplittableRandom(seed ^ personId.hashCode()));
    }
}
