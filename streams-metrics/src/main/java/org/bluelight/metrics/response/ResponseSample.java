package org.bluelight.metrics.response;

import java.time.Instant;

/** One incident's response time: from the call being answered to the first officer's arrival. */
public record ResponseSample(String incidentId, String dispatchGroup, int grade, Instant reportedAt, Instant firstArrivalAt) {

    public double seconds() {
        return (firstArrivalAt.toEpochMilli() - reportedAt.toEpochMilli()) / 1000.0;
    }
}
