package org.bluelight.coverage.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

class ReachRuleTest {

    private static final ReachProfile CAR = new ReachProfile(Transport.CAR, DrivingStandard.STANDARD);
    private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");

    private final LatticeReachability valley = new LatticeReachability(new GeoPoint(42.5, 1.5), 30, 30, 200, 1000);
    private final ReachRule rule = ReachRule.defaults();
    private final GeoPoint origin = valley.node(10, 10);
    private final Reach reach = new Reach(origin, valley.roadNodeAt(origin, CAR), CAR, CellSet.of(1L), T);

    @Test
    void aFiftyMetreMoveOnTheSameRoadNodeKeepsTheReach() {
        OfficerReach moved = onDutyAt(valley.offset(10, 10, 50, 0));
        assertThat(rule.decide(moved, valley::roadNodeAt)).isEqualTo(ReachDecision.KEEP);
    }

    @Test
    void aShortMoveOntoAnotherRoadNodeRecomputesUnlessThatRuleIsOff() {
        OfficerReach moved = onDutyAt(valley.offset(10, 10, 0, 120));
        assertThat(rule.decide(moved, valley::roadNodeAt)).isEqualTo(ReachDecision.ROAD_NODE_CHANGED);
        assertThat(new ReachRule(200, false).decide(moved, valley::roadNodeAt)).isEqualTo(ReachDecision.KEEP);
    }

    @Test
    void aMoveBeyondTheThresholdRecomputesWithoutLookingUpTheRoadNode() {
        BiFunction<GeoPoint, ReachProfile, OptionalLong> mustNotBeAsked = (p, profile) -> {
            throw new AssertionError("road node looked up");
        };
        assertThat(rule.decide(onDutyAt(valley.offset(10, 10, 201, 0)), mustNotBeAsked)).isEqualTo(ReachDecision.MOVED);
        assertThat(rule.decide(onDutyAt(origin), mustNotBeAsked)).isEqualTo(ReachDecision.KEEP);
    }

    @Test
    void comingOnDutyGoingOffDutyAndChangingTransportAreDecided() {
        OfficerReach fresh = new OfficerReach(true, true, CAR, origin, T, null);
        assertThat(rule.decide(fresh, valley::roadNodeAt)).isEqualTo(ReachDecision.ON_DUTY);

        OfficerReach offDuty = new OfficerReach(false, false, CAR, origin, T, reach);
        assertThat(rule.decide(offDuty, valley::roadNodeAt)).isEqualTo(ReachDecision.CLEAR);
        assertThat(rule.decide(offDuty.withReach(null), valley::roadNodeAt)).isEqualTo(ReachDecision.KEEP);

        OfficerReach onFoot = new OfficerReach(true, true, new ReachProfile(Transport.FOOT, DrivingStandard.STANDARD),
                origin, T, reach);
        assertThat(rule.decide(onFoot, valley::roadNodeAt)).isEqualTo(ReachDecision.PROFILE_CHANGED);
    }

    @Test
    void anOnDutyOfficerWithoutAPositionYetCoversNothing() {
        OfficerReach noFix = new OfficerReach(true, true, CAR, null, null, null);
        assertThat(rule.decide(noFix, valley::roadNodeAt)).isEqualTo(ReachDecision.KEEP);
    }

    private OfficerReach onDutyAt(GeoPoint position) {
        return new OfficerReach(true, true, CAR, position, T.plusSeconds(5), reach);
    }
}
