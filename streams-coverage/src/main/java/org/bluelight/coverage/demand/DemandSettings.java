package org.bluelight.coverage.demand;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How demand is estimated from past incidents.
 *
 * @param halfLife    an incident this old weighs half as much as one today
 * @param windowWeeks incidents older than this many weeks are forgotten; whole weeks, so every
 *                    hour of the week is seen equally often
 * @param zone        the local time zone that defines the hour of the week
 */
public record DemandSettings(Duration halfLife, int windowWeeks, ZoneId zone) {

    public DemandSettings {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("Demand half-life must be positive, was " + halfLife);
        }
        if (windowWeeks < 1) {
            throw new IllegalArgumentException("Demand window must be at least 1 week, was " + windowWeeks);
        }
    }

    public static DemandSettings defaults() {
        return new DemandSettings(Duration.ofDays(28), 12, ZoneId.of("Europe/London"));
    }

    public Duration window() {
        return Duration.ofDays(7L * windowWeeks);
    }
}
