package org.bluelight.simulator.evaluation;

import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.recommend.Outcome;
import org.bluelight.dispatch.recommend.Recommender;

/**
 * Ours: the top candidate of the dispatch {@link Recommender}, the very code streams-dispatch runs (pre-filter,
 * road ETAs per driving standard and traffic band, crew, home-area and shift-end preferences, diversions).
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
    public List<String> choose(Incident incident, List<Officer> officers, Instant now, IncidentGrades grades) {
        Outcome outcome = recommender.recommend(incident, officers, now, grades);
        return outcome.hasCandidates() ? outcome.best().officerIds() : List.of();
    }
}
