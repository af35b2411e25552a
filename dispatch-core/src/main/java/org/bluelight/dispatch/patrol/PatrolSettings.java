package org.bluelight.dispatch.patrol;

import java.time.Duration;

/**
 * How the patrol tasker works.
 *
 * @param visit              length of one patrol visit (the trial app's default: 15 minutes)
 * @param visitsPerHotSpot   the day's budget, per treatment hot spot, shared out by {@link PatrolAllocation}
 * @param detectability      {@code q} of the concave allocation
 * @param maxTravel          only officers within this drive are tasked
 * @param moveKmh            straight-line speed of a patrol drive, for that
 * @param minGap             no new visit to a hot spot sooner than this after the last one began
 * @param keepAvailable      officers of a group left untasked, so incidents still find someone free at once
 * @param shiftEndMargin     no task for an officer whose shift ends sooner than the drive, the visit and this
 */
public record PatrolSettings(Duration visit, int visitsPerHotSpot, double detectability, Duration maxTravel,
                             double moveKmh, Duration minGap, int keepAvailable, Duration shiftEndMargin) {

    public PatrolSettings {
        if (visit.isNegative() || visit.isZero() || visitsPerHotSpot < 0 || !(detectability > 0) || !(moveKmh > 0)
                || keepAvailable < 0) {
            throw new IllegalArgumentException("patrol settings out of range");
        }
    }

    public static PatrolSettings defaults() {
        return new PatrolSettings(Duration.ofMinutes(15), 8, 0.3, Duration.ofMinutes(15), 30, Duration.ofMinutes(45),
                2, Duration.ofMinutes(15));
    }

    double travelMinutes(double meters) {
        return meters / (moveKmh * 1000) * 60;
    }
}
