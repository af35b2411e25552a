package org.bluelight.dispatch.recommend;

import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.ranking.Candidate;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;

/**
 * One revision of the recommendation for an incident, as dispatch publishes it.
 *
 * @param noCandidateReason plain-English reason when the status is NO_CANDIDATE, else null
 */
public record Recommendation(
        String incidentId,
        int revision,
        int grade,
        String dispatchGroup,
        Instant createdAt,
        RecommendationTrigger trigger,
        RecommendationStatus status,
        long targetSeconds,
        Instant targetAt,
        String noCandidateReason,
        List<Candidate> candidates) {

    public Recommendation {
        candidates = List.copyOf(candidates);
    }

    /** Incident id plus revision: unique, and the same on a replay. */
    public String recommendationId() {
        return incidentId + "#" + revision;
    }
}
