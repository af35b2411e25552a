package org.bluelight.coverage.reach;

import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.bluelight.routing.GeoPoint;

/**
 * When an officer's reach can have changed: they came on or off duty, changed transport
 * or driving standard, moved more than the threshold from where it was last computed, or moved
 * onto another road node. Anything else, such as a 50 m drift along the same road, keeps the
 * reach: a search per fix would cost far more than it could change.
 *
 * @param moveThresholdMeters       a move further than this recomputes (default 200 m)
 * @param recomputeOnRoadNodeChange whether a shorter move onto another road node recomputes
 */
public record ReachRule(double moveThresholdMeters, boolean recomputeOnRoadNodeChange) {

    public ReachRule {
        if (!(moveThresholdMeters > 0)) {
            throw new IllegalArgumentException("Move threshold must be > 0 m, was " + moveThresholdMeters);
        }
    }

    public static ReachRule defaults() {
        return new ReachRule(200, true);
    }

    /**
     * @param officer   the officer after the update, with the reach computed before it
     * @param roadNodes finds the road node at a position, asked only when the answer matters
     */
    public ReachDecision decide(OfficerReach officer, BiFunction<GeoPoint, ReachProfile, OptionalLong> roadNodes) {
        Reach reach = officer.reach();
        if (!officer.canCover()) {
            return reach == null ? ReachDecision.KEEP : ReachDecision.CLEAR;
        }
        if (reach == null) {
            return ReachDecision.ON_DUTY;
        }
        if (!reach.profile().equals(officer.profile())) {
            return ReachDecision.PROFILE_CHANGED;
        }
        if (officer.position().equals(reach.origin())) {
            return ReachDecision.KEEP;
        }
        if (officer.position().metersTo(reach.origin()) > moveThresholdMeters) {
            return ReachDecision.MOVED;
        }
        if (recomputeOnRoadNodeChange
                && !roadNodes.apply(officer.position(), officer.profile()).equals(reach.originNode())) {
            return ReachDecision.ROAD_NODE_CHANGED;
        }
        return ReachDecision.KEEP;
    }
}
