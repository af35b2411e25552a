package org.bluelight.metrics.fsu;

import java.time.Duration;
import java.time.Instant;

/** Custody duration per the method: hours from arrival to release, over 200 taken as 200, negative (data entry errors) as 0. */
public final class CustodyHours {

    public static final double CAP_HOURS = 200.0;

    private CustodyHours() {
    }

    /** @param releasedAt release time, or the reporting time for someone still in custody */
    public static double of(Instant arrivedAt, Instant releasedAt) {
        double hours = Duration.between(arrivedAt, releasedAt).toMillis() / 3_600_000.0;
        return Math.max(0.0, Math.min(CAP_HOURS, hours));
    }
}
