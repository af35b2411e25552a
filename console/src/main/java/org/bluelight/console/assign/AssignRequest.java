package org.bluelight.console.assign;

import java.util.List;

/**
 * What a dispatcher asks for from the recommendation panel.
 *
 * @param incidentId       the incident
 * @param officerIds       the units to send (the candidate's, in its order)
 * @param recommendationId the recommendation on screen, if any
 * @param overrideReason   why, when the units are not the top candidate
 */
public record AssignRequest(String incidentId, List<String> officerIds, String recommendationId, String overrideReason) {

    public AssignRequest {
        officerIds = officerIds == null ? List.of() : List.copyOf(officerIds);
    }
}
