package org.bluelight.coverage.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellState;
import org.junit.jupiter.api.Test;

class OfficerImpactTest {

    private static final long CELL = 0x8839601a8dfffffL;

    private final CellState aloneWithDemand =
            CellState.empty().apply(new CellDelta(CELL, "a", +1, true), null, () -> null).withDemand(0.4);

    @Test
    void theOnlyOfficerInReachOfACellWithDemandIsItsSoleCover() {
        assertThat(SoleCover.changes(CELL, CellState.empty().withDemand(0.4), aloneWithDemand))
                .containsExactly(new SoleCoverChange("a", CELL, true, 0.4));
    }

    @Test
    void aSecondOfficerArrivingEndsTheSoleCoverAndTheSecondLastLeavingStartsIt() {
        CellState both = aloneWithDemand.apply(new CellDelta(CELL, "b", +1, true), null, () -> null);
        assertThat(SoleCover.changes(CELL, aloneWithDemand, both)).containsExactly(new SoleCoverChange("a", CELL, false, 0));
        CellState onlyB = both.apply(new CellDelta(CELL, "a", -1, true), true, () -> "b");
        assertThat(SoleCover.changes(CELL, both, onlyB)).containsExactly(new SoleCoverChange("b", CELL, true, 0.4));
    }

    @Test
    void aDemandChangeUpdatesTheSoleCoverAndNoDemandEndsIt() {
        assertThat(SoleCover.changes(CELL, aloneWithDemand, aloneWithDemand.withDemand(0.7)))
                .containsExactly(new SoleCoverChange("a", CELL, true, 0.7));
        assertThat(SoleCover.changes(CELL, aloneWithDemand, aloneWithDemand.withDemand(0)))
                .containsExactly(new SoleCoverChange("a", CELL, false, 0));
        assertThat(SoleCover.changes(CELL, aloneWithDemand,
                aloneWithDemand.apply(new CellDelta(CELL, "a", 0, false), true, () -> null)))
                .isEmpty();
    }

    @Test
    void theImpactSumsTheSoleCoverDemand() {
        OfficerImpact impact = OfficerImpact.none()
                .apply(new ReachSize("a", 12))
                .apply(new SoleCoverChange("a", 1L, true, 0.25))
                .apply(new SoleCoverChange("a", 2L, true, 0.5))
                .apply(new SoleCoverChange("a", 1L, true, 0.1));
        assertThat(impact.soleCoverCellCount()).isEqualTo(2);
        assertThat(impact.soleCoverDemandPerHour()).isCloseTo(0.6, within(1e-9));
        assertThat(impact.reachableCells()).isEqualTo(12);
        OfficerImpact gone = impact.apply(new SoleCoverChange("a", 1L, false, 0))
                .apply(new SoleCoverChange("a", 2L, false, 0)).apply(new ReachSize("a", 0));
        assertThat(gone.isNone()).isTrue();
    }
}
