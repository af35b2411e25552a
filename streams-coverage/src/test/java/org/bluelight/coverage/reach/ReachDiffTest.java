package org.bluelight.coverage.reach;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellSet;
import org.junit.jupiter.api.Test;

class ReachDiffTest {

    @Test
    void onlyChangedCellsYieldDeltas() {
        assertThat(ReachDiff.between("a", CellSet.of(1, 2, 3), true, CellSet.of(2, 3, 4), true))
                .containsExactlyInAnyOrder(new CellDelta(1, "a", -1, true), new CellDelta(4, "a", +1, true));
    }

    @Test
    void anAvailabilityChangeTouchesEveryKeptCell() {
        assertThat(ReachDiff.between("a", CellSet.of(1, 2), true, CellSet.of(2, 3), false))
                .containsExactlyInAnyOrder(new CellDelta(1, "a", -1, false), new CellDelta(3, "a", +1, false),
                        new CellDelta(2, "a", 0, false));
    }

    @Test
    void theSameReachGivesNothing() {
        assertThat(ReachDiff.between("a", CellSet.of(1, 2), false, CellSet.of(2, 1), false)).isEmpty();
    }
}
