package org.bluelight.metrics.intake;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the metrics app trusts the values of a record, so that no single record can make it
 * work without bound or poison its state. Times are judged against the record's own timestamp
 * (its event time on the topic), not the wall clock, so replaying a year of records is fine.
 *
 * @param maxBehind       an operational time (status change, fix, assignment, crime recorded,
 *                        custody release) may be at most this much before the record's timestamp
 * @param maxHistory      a time of the past (incident occurred or reported, crime committed,
 *                        custody arrival) may be at most this much before it
 * @param maxAhead        no time may be more than this after the record's timestamp
 * @param maxIdLength     longest id (incident, officer, dispatch group, person, hot spot, patrol
 *                        area, crime, custody, neighbourhood area), in characters
 * @param maxTeamSize     most officers one assignment may name
 * @param maxAreaSideKm   longest side of a patrol area's bounding box, in km
 * @param maxAreaVertices most vertices of one patrol area (all rings of all its polygons)
 */
public record InputLimits(Duration maxBehind, Duration maxHistory, Duration maxAhead, int maxIdLength, int maxTeamSize,
                          double maxAreaSideKm, int maxAreaVertices) {

    public InputLimits {
        requireNotNegative(maxBehind, "maxBehind");
        requireNotNegative(maxHistory, "maxHistory");
        requireNotNegative(maxAhead, "maxAhead");
        requirePositive(maxIdLength, "maxIdLength");
        requirePositive(maxTeamSize, "maxTeamSize");
        requirePositive(maxAreaVertices, "maxAreaVertices");
        if (!(maxAreaSideKm > 0) || Double.isInfinite(maxAreaSideKm)) {
            throw new IllegalArgumentException("maxAreaSideKm must be positive and finite, was " + maxAreaSideKm);
        }
    }

    /**
     * A week behind for operational times, a year (and a day) for times of the past, a day ahead
     * (clock skew between systems); ids of 128 characters; 50 officers per assignment; patrol
     * areas within 10 km by 10 km and 1,000 vertices (they are street-scale).
     */
    public static InputLimits defaults() {
        return new InputLimits(Duration.ofDays(7), Duration.ofDays(366), Duration.ofDays(1), 128, 50, 10.0, 1_000);
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
