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

    /**
     * The resource events a signal causes and the incident the officer is on afterwards (null for none).
     *
     * @param since when the officer was engaged on {@code currentIncident}; null when not known
     */
    public record Step(List<ResourceEvent> events, String currentIncident, Instant since) {

        /** The officer's engagement as its store keeps it: {@code <since millis>|<incident>}; null when on none. */
        public String stored() {
            return currentIncident == null ? null : (since == null ? "" : since.toEpochMilli()) + "|" + currentIncident;
        }
    }

    private OfficerEngagement() {
    }

    /** @param currentIncident the incident the officer is engaged on, or null; since when not known */
    public static Step next(String currentIncident, Signal signal) {
        return next(currentIncident, null, signal);
    }

    /**
     * @param stored the officer's engagement as {@link Step#stored()} keeps it, or a bare incident id (as kept
     *               before the engagement's time was), or null when on none
     */
    public static Step nextAfterStored(String stored, Signal signal) {
        if (stored == null) {
            return next(null, null, signal);
        }
        int bar = stored.indexOf('|');
        String millis = bar < 0 ? null : stored.substring(0, bar);
        if (millis == null || !millis.chars().allMatch(Character::isDigit)) {
            return next(stored, signal);
        }
        return next(stored.substring(bar + 1), millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis)), signal);
    }

    /**
     * A status or assignment older than the officer's current engagement is read late (the statuses
     * and the assignments come from partitions of different topics, read in no fixed order): it
     * tells what the officer did before, so it releases nothing that began after it. Taken as new,
     * an on-duty status read after the assignment that followed it would end that engagement
     * before it began, and the resource time would restart at the next status.
     *
     * @param since when the officer was engaged on {@code currentIncident}; null when not known
     */
    static Step next(String currentIncident, Instant since, Signal signal) {
        List<ResourceEvent> events = new ArrayList<>(2);
        String officer = signal.officerId();
        if (signal.kind() == Signal.Kind.STOOD_DOWN) {
            events.add(new ResourceEvent(signal.incidentId(), officer, false, signal.at()));
            return signal.incidentId().equals(currentIncident) ? new Step(events, null, null) : new Step(events, currentIncident, since);
        }
        String incident = signal.incidentId();
        if (currentIncident != null && since != null && signal.at().isBefore(since)) {
            if (signal.releasedFrom() != null && !signal.releasedFrom().equals(currentIncident)) {
                events.add(new ResourceEvent(signal.releasedFrom(), officer, false, signal.at()));
            }
            if (currentIncident.equals(incident)) {
                events.add(new ResourceEvent(incident, officer, true, signal.at()));
                return new Step(events, currentIncident, signal.at());
            }
            if (incident != null) {
                // Engaged there before the current incident took the officer away.
                events.add(new ResourceEvent(incident, officer, true, signal.at()));
                events.add(new ResourceEvent(incident, officer, false, since));
            }
            return new Step(events, currentIncident, since);
        }
        if (signal.releasedFrom() != null) {
            // CAD logged the release: that incident, and only that one, is released now.
            events.add(new ResourceEvent(signal.releasedFrom(), officer, false, signal.at()));
        } else if (currentIncident != null && !currentIncident.equals(incident)) {
            events.add(new ResourceEvent(currentIncident, officer, false, signal.at()));
        }
        if (incident != null) {
            events.add(new ResourceEvent(incident, officer, true, signal.at()));
        }
        if (incident == null) {
            return new Step(events, null, null);
        }
        boolean sameEngagement = incident.equals(currentIncident) && signal.releasedFrom() == null;
        return new Step(events, incident, sameEngagement && since != null ? since : signal.at());
    }
}
