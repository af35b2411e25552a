package org.bluelight.metrics.patrol;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the dosage tracker remembers of one officer's track.
 *
 * @param lastFixAt time of the last accepted fix
 * @param runStarts for each zone the officer was in at the last fix, when the current unbroken
 *                  presence there began
 * @param visitsCounted zones whose current presence has already been counted as a visit
 */
public record TrackState(Instant lastFixAt, Map<String, Instant> runStarts, Set<String> visitsCounted) {

    public TrackState {
        runStarts = Map.copyOf(runStarts);
        visitsCounted = Set.copyOf(visitsCounted);
    }
}
