package org.bluelight.coverage.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CellCoverageTest {

    private static final long CELL = new CellGrid(8).cellOf(new Position(42.5, 1.5));

    @Test
    void countsOfficersInReachAndTheAvailableOnes() {
        CellState state = CellState.empty()
                .apply(new CellDelta(CELL, "a", +1, true))
                .apply(new CellDelta(CELL, "b", +1, false))
                .withDemand(0.5);
        CellCoverage coverage = CellCoverage.of(CELL, state, RequiredLevels.defaults());
        assertThat(coverage.officersInReach()).isEqualTo(2);
        assertThat(coverage.availableInReach()).isEqualTo(1);
        assertThat(coverage.requiredLevel()).isEqualTo(1);
        assertThat(coverage.deficit()).isZero();
    }

    @Test
    void aCellWithDemandAndNobodyInReachIsInDeficit() {
        CellState state = CellState.empty()
                .apply(new CellDelta(CELL, "a", +1, true))
                .apply(new CellDelta(CELL, "a", -1, true))
                .withDemand(0.5);
        assertThat(CellCoverage.of(CELL, state, RequiredLevels.defaults()).deficit()).isEqualTo(1);
    }

    @Test
    void anAvailabilityChangeKeepsTheOfficerInReach() {
        CellState state = CellState.empty()
                .apply(new CellDelta(CELL, "a", +1, true))
                .apply(new CellDelta(CELL, "a", 0, false));
        assertThat(state.officersInReach()).isEqualTo(1);
        assertThat(state.availableInReach()).isZero();
    }

    @Test
    void incidentsAreCountedOnceWithdrawnAndForgottenOutsideTheWindow() {
        Instant t = Instant.parse("2025-03-03T10:00:00Z");
        CellState state = CellState.empty()
                .apply(new CellIncident(CELL, "i1", t, true))
                .apply(new CellIncident(CELL, "i1", t, true))
                .apply(new CellIncident(CELL, "i2", t.plusSeconds(60), true));
        assertThat(state.incidents()).hasSize(2);
        assertThat(state.apply(new CellIncident(CELL, "i2", t, false)).incidents()).containsOnlyKeys("i1");
        assertThat(state.trimmedTo(t.plusSeconds(1)).incidents()).containsOnlyKeys("i2");
    }

    @Test
    void soleCoverNeedsDemandAndExactlyOneOfficer() {
        CellState one = CellState.empty().apply(new CellDelta(CELL, "a", +1, false));
        assertThat(one.soleCover()).isEmpty();
        assertThat(one.withDemand(0.1).soleCover()).contains("a");
        assertThat(one.withDemand(0.1).apply(new CellDelta(CELL, "b", +1, true)).soleCover()).isEmpty();
    }
}
