package org.bluelight.dispatch.recommend;

import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.ranking.Candidate;

/**
 * The ranked candidates for one incident at one moment, or why there are none.
 *
 * @param noCandidateReason plain-English reason when {@code candidates} is empty, else null
 * @param shortlistRadiusMeters straight-line distance of the farthest unit routed when the
 *     shortlist was full; a unit freed nearer than this would have been considered.
 *     {@link Double#MAX_VALUE} when the shortlist was not full (any newly free unit counts).
 */
public record Outcome(Instant computedAt, Instant targetAt, List<Candidate> candidates, String noCandidateReason,
                      double shortlistRadiusMeters) {

    public Outcome {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty() == (noCandidateReason == null)) {
            throw new IllegalArgumentException("an outcome has either candidates or a reason for having none");
        }
    }

    public boolean hasCandidates() {
        return !candidates.isEmpty();
    }

    public Candidate best() {
        return candidates.get(0);
    }
}
