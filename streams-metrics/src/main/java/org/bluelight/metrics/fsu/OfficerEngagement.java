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
 * assignment engages the officer on it; the officer's next status naming no incident or another
 * one, an assignment elsewhere, or a stand-down releases them from it.
 */
public final class OfficerEngagement {

    /** One officer's status change or assignment, as engagement needs it. */
    public record Signal(String officerId, String incidentId, Instant at, Kind kind) {

        public enum Kind { STATUS, ASSIGNED, STOOD_DOWN }

        public static Signal of(OfficerStatus status) {
            return new Signal(status.getOfficerId(), status.getIncidentId(), status.getChangedAt(), Kind.STATUS);
        }

        public static List<Signal> of(Assignment assignment) {
            Kind kind = assignment.getAction() == AssignmentAction.ASSIGNED ? Kind.ASSIGNED : Kind.STOOD_DOWN;
            return assignment.getOfficerIds().stream().filter(Objects::nonNull)
                    .map(officer -> new Signal(officer, assignment.getIncidentId(), assignment.getDecidedAt(), kind))
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
        if (currentIncident != null && !currentIncident.equals(incident)) {
            events.add(new ResourceEvent(currentIncident, officer, false, signal.at()));
        }
        if (incident != null) {
            events.add(new ResourceEvent(incident, officer, true, signal.at()));
        }
        return new Step(events, incident);
    }
}
