package org.bluelight.coverage.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class CellCoverageTest {

    private static final long CELL = new CellGrid(8).cellOf(new GeoPoint(42.5, 1.5));

    @Test
    void countsOfficersInReachAndTheAvailableOnes() {
        CellState state = CellState.empty()
                .apply(enter("a", true), null, this::unexpected)
                .apply(enter("b", false), null, this::unexpected)
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
                .apply(enter("a", true), null, this::unexpected)
                .apply(new CellDelta(CELL, "a", -1, true), true, this::unexpected)
                .withDemand(0.5);
        assertThat(state.officersInReach()).isZero();
        assertThat(CellCoverage.of(CELL, state, RequiredLevels.defaults()).deficit()).isEqualTo(1);
    }

    @Test
    void anAvailabilityChangeKeepsTheOfficerInReach() {
        CellState state = CellState.empty()
                .apply(enter("a", true), null, this::unexpected)
                .apply(new CellDelta(CELL, "a", 0, false), true, this::unexpected);
        assertThat(state.officersInReach()).isEqualTo(1);
        assertThat(state.availableInReach()).isZero();
    }

    @Test
    void aRepeatedDeltaCountsOnce() {
        CellState once = CellState.empty().apply(enter("a", true), null, this::unexpected);
        assertThat(once.apply(enter("a", true), true, this::unexpected)).isEqualTo(once);
        assertThat(CellState.empty().apply(new CellDelta(CELL, "a", -1, true), null, this::unexpected))
                .isEqualTo(CellState.empty());
    }

    @Test
    void theOnlyOfficerIsKnownWhileThereIsExactlyOne() {
        CellState a = CellState.empty().apply(enter("a", true), null, this::unexpected);
        assertThat(a.onlyOfficer()).isEqualTo("a");
        CellState ab = a.apply(enter("b", true), null, this::unexpected);
        assertThat(ab.onlyOfficer()).isNull();
        CellState b = ab.apply(new CellDelta(CELL, "a", -1, true), true, () -> "b");
        assertThat(b.onlyOfficer()).isEqualTo("b");
        assertThat(b.soleCover()).isEmpty();
        assertThat(b.withDemand(0.1).soleCover()).contains("b");
    }

    @Test
    void inconsistentCountsAreRefused() {
        assertThatThrownBy(() -> new CellState(1, 2, "a", Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellState(2, 0, "a", Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellState(1, 0, null, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
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

    private static CellDelta enter(String officer, boolean available) {
        return new CellDelta(CELL, officer, +1, available);
    }

    private String unexpected() {
        throw new AssertionError("remaining officer asked for");
    }
}
