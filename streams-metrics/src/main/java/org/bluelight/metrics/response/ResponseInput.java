package org.bluelight.metrics.response;

import java.time.Instant;

/**
 * An incident version or an officer's arrival, keyed by incident id on the way to the first
 * arrival tracker. Exactly one of {@code reportedAt} (incident) and {@code arrivedAt} (arrival) is set.
 */
public record ResponseInput(String incidentId, Instant reportedAt, Integer grade, String dispatchGroup,
                            boolean cancelled, Instant arrivedAt) {

    public static ResponseInput arrival(String incidentId, Instant arrivedAt) {
        return new ResponseInput(incidentId, null, null, null, false, arrivedAt);
    }

    public boolean isArrival() {
        return arrivedAt != null;
    }
}
