package org.bluelight.metrics.fsu;

import java.time.Instant;

/** A resource engaged on or released from an incident. */
public record ResourceEvent(String incidentId, String officerId, boolean engaged, Instant at) {

    public ResourceTimeline applyTo(ResourceTimeline timeline) {
        return engaged ? timeline.engaged(officerId, at) : timeline.released(officerId, at);
    }
}
