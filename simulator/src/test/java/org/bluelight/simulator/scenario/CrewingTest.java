package org.bluelight.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Document 003's experiment: the same officers crewed with another share of double crews, or more officers. */
class CrewingTest {

    private final Scenario today = ScenarioFile.load("west-midlands");

    private static double officers(Scenario s) {
        return s.unitCount() * (1 + s.fleet().doubleCrewShare());
    }

    @Test
    void moreDoubleCrewsWithTheSameOfficersMeansFewerCrews() {
        Scenario moreDoubles = today.withCrewing(0.8, 1.0);
        assertThat(moreDoubles.fleet().doubleCrewShare()).isEqualTo(0.8);
        assertThat(moreDoubles.unitCount()).isLessThan(today.unitCount());
        assertThat(officers(moreDoubles)).isCloseTo(officers(today), within(officers(today) * 0.02));
    }

    @Test
    void twentyPercentMoreOfficersAtTodaysMixMeansTwentyPercentMoreCrews() {
        Scenario more = today.withCrewing(today.fleet().doubleCrewShare(), 1.2);
        assertThat(more.unitCount() / (double) today.unitCount()).isCloseTo(1.2, within(0.02));
        assertThat(more.fleet().crewedShare()).isEqualTo(today.fleet().crewedShare());
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> today.withCrewing(1.5, 1.0)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("doubleCrewShare");
    }
}
