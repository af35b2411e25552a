package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.OfficerStatus;

/**
 * Reads resource engagement from the status and assignment streams, per officer. A status naming
 * an incident (en route = deployed, on scene = arrived, or prisoner processing for it) or an
 * assignment engages the officer on it. A release CAD logs on the status
 * ({@code releasedFromIncidentId}) or a stand-down releases them from it; without a logged release,
 * it is inferred from the officer's next status naming no incident or another one, or an
 * assignment elsewhere.
 */
public final class OfficerEngagement {

    /** One officer's status change or assignment, as engagement needs it. */
    public record Signal(String officerId, String incidentId, Instant at, Kind kind, String releasedFrom) {

        public enum Kind { STATUS, ASSIGNED, STOOD_DOWN }

        public static Signal of(OfficerStatus status) {
            return new Signal(status.getOfficerId(), status.getIncidentId(), status.getChangedAt(), Kind.STATUS,
                    status.getReleasedFromIncidentId());
        }

        public static List<Signal> of(Assignment assignment) {
            Kind kind = assignment.getAction() == AssignmentAction.ASSIGNED ? Kind.ASSIGNED : Kind.STOOD_DOWN;
            return assignment.getOfficerIds().stream().filter(Objects::nonNull)
                    .map(officer -> new Signal(officer, assignment.getIncidentId(), assignment.getDecidedAt(), kind, null))
                    .toList();
        }
    }

    /** The resource events a signal causes and the incident the officer is on afterwards (null for none). */
    public record Step(List<ResourceEvent> events, String currentIncident) {
    }

    private OfficerEngagement() {
    }

    /** @param currentIncident the incident the officer is engaged on, or null */
    public static Step next(String currentIncident, Signal signal) {
        List<ResourceEvent> events = new ArrayList<>(2);
        String officer = signal.officerId();
        if (signal.kind() == Signal.Kind.STOOD_DOWN) {
            events.add(new ResourceEvent(signal.incidentId(), officer, false, signal.at()));
            return new Step(events, signal.incidentId().equals(currentIncident) ? null : currentIncident);
        }
        String incident = signal.incidentId();
        if (signal.releasedFrom() != null) {
            // CAD logged the release: that incident, and only that one, is released now.
            events.add(new ResourceEvent(signal.releasedFrom(), officer, false, signal.at()));
        } else if (currentIncident != null && !currentIncident.equals(incident)) {
            events.add(new ResourceEvent(currentIncident, officer, false, signal.at()));
        }
        if (incident != null) {
            events.add(new ResourceEvent(incident, officer, true, signal.at()));
        }
        return new Step(events, incident);
    }
}
