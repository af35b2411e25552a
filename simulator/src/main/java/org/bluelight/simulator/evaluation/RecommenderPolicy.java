package org.bluelight.simulator.evaluation;

import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;

/**
 * Ours: the dispatch core's {@code Dispatcher} and {@link Recommender}, the very code streams-dispatch runs
 * (pre-filter, road ETAs per driving standard and traffic band, crew, home-area and shift-end preferences,
 * diversions, backlog order), with a dispatcher who takes the top candidate.
 */
public final class RecommenderPolicy implements DispatchPolicy {

    public static final String NAME = "recommender";

    private final Recommender recommender;

    public RecommenderPolicy(Recommender recommender) {
        this.recommender = recommender;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Desk desk(ForceSimulation simulation, DispatchRules rules) {
        return new DispatcherDesk(simulation, recommender);
    }
}
