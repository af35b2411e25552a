package org.bluelight.simulator.live;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bluelight.schemas.Recommendation;
import org.bluelight.simulator.demand.GeneratedIncident;

/** An incident as the live simulator tracks it; touched only by the simulator's thread. */
final class LiveIncident {
    final GeneratedIncident generated;
    final Set<LiveUnit> assigned = new HashSet<>();
    Recommendation pending;
    long publishedNanos;
    long firstRecommendationNanos;
    Instant firstArrival;
    Instant sceneUntil;
    boolean prisonerTaken;
    int token;

    LiveIncident(GeneratedIncident generated) {
        this.generated = generated;
    }

    String id() {
        return generated.id();
    }
}
