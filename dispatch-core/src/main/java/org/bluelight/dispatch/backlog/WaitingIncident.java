package org.bluelight.dispatch.backlog;

import java.time.Instant;
import java.util.Objects;
import org.bluelight.dispatch.incident.Incident;

/**
 * An incident waiting in its dispatch group's backlog.
 *
 * @param queuedAt when it (last) entered the backlog
 * @param targetAt when its attendance target runs out
 * @param serviceMinutes expected time on scene used for ordering (CAD's estimate or the default)
 * @param reason why it waits, in plain English
 */
public record WaitingIncident(Incident incident, Instant queuedAt, Instant targetAt, int serviceMinutes, String reason) {

    public WaitingIncident {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(targetAt, "targetAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** True once the target has passed while the incident waits. */
    public boolean breached(Instant now) {
        return now.isAfter(targetAt);
    }

    public String incidentId() {
        return incident.id();
    }
}
