package org.bluelight.simulator.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class ForceTest {

    @Test
    void theSameSeedGivesTheSameForceWithTheConfiguredCrewMix() {
        Scenario scenario = ScenarioFile.load("west-midlands");
        Force force = Force.build(scenario, TestPlaces.EVERYWHERE);
        assertThat(Force.build(scenario, TestPlaces.EVERYWHERE)).isEqualTo(force);
        assertThat(Force.build(scenario.withSeed(7), TestPlaces.EVERYWHERE)).isNotEqualTo(force);
        assertThat(force.units()).hasSize(164);
        assertThat(force.doubleCrewShare()).isCloseTo(0.58, within(0.005));
        assertThat(force.units()).extracting(Unit::callSign).doesNotHaveDuplicates();
    }

    @Test
    void shiftsFollowThePatternInLocalTimeWithABreakHalfway() {
        Scenario scenario = ScenarioFile.load("andorra");
        Force force = Force.build(scenario, TestPlaces.EVERYWHERE);
        Instant from = scenario.start();
        List<CrewShift> shifts = Rota.shifts(scenario, force, from, from.plus(Duration.ofDays(2)));
        assertThat(shifts).isNotEmpty();
        for (CrewShift shift : shifts) {
            LocalTime localStart = shift.start().atZone(scenario.timeZone()).toLocalTime();
            assertThat(shift.unit().shiftPattern().shifts()).anyMatch(s -> s.start().equals(localStart));
            Duration length = Duration.between(shift.start(), shift.end());
            assertThat(Duration.between(shift.start(), shift.breakDue())).isEqualTo(length.dividedBy(2));
        }
        Unit rotaUnit = force.units().stream().filter(u -> u.shiftPattern().name().equals("rota-8h")).findFirst().orElseThrow();
        Instant noon = from.plus(Duration.ofHours(12));
        assertThat(shifts.stream().filter(s -> s.unit().equals(rotaUnit) && s.covers(noon))).hasSize(1);
    }
}
