package org.bluelight.metrics.response;

import java.time.Instant;
import org.bluelight.schemas.OfficerState;

/**
 * What reaches a dispatch group's KPI tracker: a measured response, or an officer's status change.
 * Exactly one of {@code sample} and {@code officerId} is set.
 */
public record GroupInput(ResponseSample sample, String officerId, OfficerState state, Instant changedAt) {

    public static GroupInput sample(ResponseSample sample) {
        return new GroupInput(sample, null, null, null);
    }

    public static GroupInput status(String officerId, OfficerState state, Instant changedAt) {
        return new GroupInput(null, officerId, state, changedAt);
    }

    public boolean hasSample() {
        return sample != null;
    }
}
