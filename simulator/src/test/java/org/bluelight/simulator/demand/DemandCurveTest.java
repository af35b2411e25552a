package org.bluelight.simulator.demand;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class DemandCurveTest {

    @Test
    void theBusiestHoursAreThoseOfHighestWeight() {
        // West Midlands: demand highest from the evening to midnight (document 003).
        assertThat(DemandCurve.busiestHours(ScenarioFile.load("west-midlands").demand(), 6))
                .containsExactly(18, 19, 20, 21, 22, 23);
    }
}
