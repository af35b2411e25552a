package org.bluelight.dispatch.moveup;

import java.time.Duration;

/**
 * How the move-up planner weighs gain against cost.
 *
 * @param responseTarget      a cell is covered from a point that reaches it within this (the grade 1 target)
 * @param responseKmh         straight-line speed of a grade 1 response, for that reach
 * @param moveKmh             straight-line speed of a move-up drive (no blue lights), for its cost
 * @param maxTravel           no move longer than this
 * @param minGainPerHour      no move that gains less expected covered demand than this (incidents per hour)
 * @param leaveHomeFactor     a move out of the officer's home area keeps this share of its score
 * @param shiftEndMargin      no move for an officer whose shift ends sooner than this
 * @param maxMovesPerHour     per officer, counting recommendations made in the last hour, so crews are not bounced
 * @param maxMovesPerPlan     moves recommended at once in one dispatch group
 */
public record MoveUpSettings(Duration responseTarget, double responseKmh, double moveKmh, Duration maxTravel,
                             double minGainPerHour, double leaveHomeFactor, Duration shiftEndMargin,
                             int maxMovesPerHour, int maxMovesPerPlan) {

    public MoveUpSettings {
        if (!(responseKmh > 0) || !(moveKmh > 0) || !(minGainPerHour >= 0) || !(leaveHomeFactor >= 0)
                || leaveHomeFactor > 1 || maxMovesPerHour < 1 || maxMovesPerPlan < 1) {
            throw new IllegalArgumentException("move-up settings out of range");
        }
    }

    /** 15-minute target, 40 km/h straight-line response and moves of at most 25 minutes, one move an hour. */
    public static MoveUpSettings defaults() {
        return new MoveUpSettings(Duration.ofMinutes(15), 40, 40, Duration.ofMinutes(25), 0.02, 0.5,
                Duration.ofMinutes(45), 1, 3);
    }

    /** Metres a response covers within the target. */
    double reachMeters() {
        return responseKmh * 1000 * responseTarget.toMillis() / 3_600_000.0;
    }

    double moveMinutes(double meters) {
        return meters / (moveKmh * 1000) * 60;
    }
}
