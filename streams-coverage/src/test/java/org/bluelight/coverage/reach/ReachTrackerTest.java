package org.bluelight.coverage.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

class ReachTrackerTest {

    private static final ReachProfile CAR = new ReachProfile(Transport.CAR, DrivingStandard.STANDARD);
    private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");

    private final LatticeReachability valley = new LatticeReachability(new GeoPoint(42.5, 1.5), 40, 40, 200, 2000);
    private final CellGrid grid = new CellGrid(8);
    private final ReachTracker tracker = new ReachTracker(ReachRule.defaults(), valley, grid);

    @Test
    void anOfficerComingOnDutyGainsEveryCellOfTheRoadNodesTheyReach() {
        ReachStep step = tracker.apply("a", OfficerReach.unknown(), status(OfficerState.AVAILABLE, valley.node(20, 20), 0));

        assertThat(step.decision()).isEqualTo(ReachDecision.ON_DUTY);
        long expectedCells = valley.reachableFrom(valley.node(20, 20), CAR, T).nodes().stream()
                .map(n -> grid.cellOf(n.position())).distinct().count();
        assertThat(step.officer().cells().size()).isEqualTo((int) expectedCells).isGreaterThan(3);
        assertThat(step.deltas()).hasSize((int) expectedCells)
                .allSatisfy(d -> assertThat(d.reachChange()).isEqualTo(+1));
        assertThat(step.reachSizeChanged()).isTrue();
    }

    @Test
    void aFiftyMetreMoveTriggersNoSearchAndNoDeltas() {
        OfficerReach on = tracker.apply("a", OfficerReach.unknown(), status(OfficerState.AVAILABLE, valley.node(20, 20), 0)).officer();
        int searches = valley.searches();

        ReachStep step = tracker.apply("a", on, new OfficerUpdate.PositionUpdate(valley.offset(20, 20, 50, 0), T.plusSeconds(5)));

        assertThat(valley.searches()).isEqualTo(searches);
        assertThat(step.decision()).isEqualTo(ReachDecision.KEEP);
        assertThat(step.deltas()).isEmpty();
        assertThat(step.officer().position()).isEqualTo(valley.offset(20, 20, 50, 0));
    }

    @Test
    void drivingAwaySearchesAgainAndEmitsOnlyTheChangedCells() {
        OfficerReach on = tracker.apply("a", OfficerReach.unknown(), status(OfficerState.AVAILABLE, valley.node(10, 10), 0)).officer();

        ReachStep step = tracker.apply("a", on, new OfficerUpdate.PositionUpdate(valley.node(30, 30), T.plusSeconds(60)));

        assertThat(step.decision()).isEqualTo(ReachDecision.MOVED);
        long lost = step.deltas().stream().filter(d -> d.reachChange() < 0).count();
        long gained = step.deltas().stream().filter(d -> d.reachChange() > 0).count();
        assertThat(lost).isEqualTo(on.cells().minus(step.officer().cells()).length).isPositive();
        assertThat(gained).isEqualTo(step.officer().cells().minus(on.cells()).length).isPositive();
    }

    @Test
    void goingOffDutyRemovesEveryCellAndABusyOfficerStillCovers() {
        OfficerReach on = tracker.apply("a", OfficerReach.unknown(), status(OfficerState.AVAILABLE, valley.node(20, 20), 0)).officer();

        ReachStep busy = tracker.apply("a", on, status(OfficerState.EN_ROUTE, null, 10));
        assertThat(busy.officer().cells()).isEqualTo(on.cells());
        assertThat(busy.deltas()).hasSize(on.cells().size())
                .allSatisfy(d -> assertThat(d.reachChange()).isZero())
                .allSatisfy(d -> assertThat(d.available()).isFalse());

        ReachStep off = tracker.apply("a", busy.officer(), status(OfficerState.OFF_DUTY, null, 20));
        assertThat(off.decision()).isEqualTo(ReachDecision.CLEAR);
        assertThat(off.officer().cells().isEmpty()).isTrue();
        assertThat(off.deltas()).hasSize(on.cells().size()).allSatisfy(d -> assertThat(d.reachChange()).isEqualTo(-1));
    }

    @Test
    void anOlderFixThanTheLastOneIsIgnored() {
        OfficerReach on = tracker.apply("a", OfficerReach.unknown(), status(OfficerState.AVAILABLE, valley.node(20, 20), 60)).officer();
        ReachStep step = tracker.apply("a", on, new OfficerUpdate.PositionUpdate(valley.node(0, 0), T));
        assertThat(step.officer()).isEqualTo(on);
        assertThat(step.deltas()).isEmpty();
    }

    private static OfficerUpdate status(OfficerState state, GeoPoint position, int seconds) {
        return new OfficerUpdate.StatusUpdate(state, CAR, position, T.plusSeconds(seconds));
    }
}
