package org.bluelight.dispatch.desk;

import java.util.List;
import java.util.Objects;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.schemas.RecommendationStatus;

/**
 * Dispatch's memory of one open incident.
 *
 * @param revision revision of the last recommendation published, 0 before the first
 * @param lastStatus status of that recommendation, null before the first
 * @param recommendedOfficerIds units named in the last active recommendation
 * @param shortlistRadiusMeters see {@link org.bluelight.dispatch.recommend.Outcome#shortlistRadiusMeters}
 * @param bestScore score of the top candidate of the last active recommendation
 * @param waiting its backlog entry while {@link Stage#WAITING}, else null
 * @param breachReported true once a backlog snapshot has shown it breached
 */
public record IncidentCase(
        Incident incident,
        Stage stage,
        int revision,
        RecommendationStatus lastStatus,
        List<String> recommendedOfficerIds,
        double shortlistRadiusMeters,
        double bestScore,
        List<String> assignedOfficerIds,
        WaitingIncident waiting,
        boolean breachReported) {

    public IncidentCase {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(stage, "stage");
        recommendedOfficerIds = List.copyOf(recommendedOfficerIds);
        assignedOfficerIds = List.copyOf(assignedOfficerIds);
        if ((stage == Stage.WAITING) != (waiting != null)) {
            throw new IllegalArgumentException("a waiting incident, and only one, has a backlog entry");
        }
    }

    /** A newly reported incident, before its first evaluation. */
    static IncidentCase opened(Incident incident) {
        return new IncidentCase(incident, Stage.RECOMMENDED, 0, null, List.of(), Double.MAX_VALUE, 0, List.of(), null, false);
    }

    public String incidentId() {
        return incident.id();
    }

    public String dispatchGroup() {
        return incident.dispatchGroup();
    }

    /** True while a published recommendation (active or no-candidate) is still live. */
    public boolean hasLiveRecommendation() {
        return lastStatus == RecommendationStatus.ACTIVE || lastStatus == RecommendationStatus.NO_CANDIDATE;
    }

    IncidentCase with(Incident newIncident) {
        return new IncidentCase(newIncident, stage, revision, lastStatus, recommendedOfficerIds, shortlistRadiusMeters,
                bestScore, assignedOfficerIds, waiting, breachReported);
    }

    IncidentCase published(int newRevision, RecommendationStatus status) {
        return new IncidentCase(incident, stage, newRevision, status, recommendedOfficerIds, shortlistRadiusMeters,
                bestScore, assignedOfficerIds, waiting, breachReported);
    }

    IncidentCase recommended(List<String> officerIds, double radius, double score) {
        return new IncidentCase(incident, Stage.RECOMMENDED, revision, lastStatus, officerIds, radius, score,
                assignedOfficerIds, null, false);
    }

    IncidentCase waiting(WaitingIncident entry) {
        return new IncidentCase(incident, Stage.WAITING, revision, lastStatus, List.of(), Double.MAX_VALUE, 0,
                assignedOfficerIds, entry, breachReported && waiting != null);
    }

    IncidentCase assigned(List<String> officerIds) {
        return new IncidentCase(incident, Stage.ASSIGNED, revision, lastStatus, List.of(), Double.MAX_VALUE, 0,
                officerIds, null, false);
    }

    IncidentCase breachShown() {
        return new IncidentCase(incident, stage, revision, lastStatus, recommendedOfficerIds, shortlistRadiusMeters,
                bestScore, assignedOfficerIds, waiting, true);
    }
}
