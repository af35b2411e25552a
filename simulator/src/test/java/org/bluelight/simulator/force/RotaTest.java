package org.bluelight.simulator.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class RotaTest {

    private final Scenario westMidlands = ScenarioFile.load("west-midlands");

    @Test
    void onlyTheCrewedShareOfVehicleShiftsIsWorkedAndTheDrawDoesNotDependOnTheWindow() {
        Force force = Force.build(westMidlands, TestPlaces.EVERYWHERE);
        Instant from = westMidlands.start();
        Instant to = from.plus(Duration.ofDays(14));
        long vehicleShifts = Rota.shifts(westMidlands.withCrewedShare(1.0), force, from, to).size();
        List<CrewShift> crewed = Rota.shifts(westMidlands, force, from, to);
        assertThat(crewed.size() / (double) vehicleShifts).isCloseTo(westMidlands.fleet().crewedShare(), within(0.03));
        // The second week's crews are the same whether the rota is drawn for two weeks or for the second alone.
        Instant week2 = from.plus(Duration.ofDays(7));
        List<CrewShift> second = Rota.shifts(westMidlands, force, week2, to);
        assertThat(second).containsAll(crewed.stream().filter(s -> !s.start().isBefore(week2)).toList());
        assertThat(Rota.shifts(westMidlands.withSeed(99), force, from, to)).isNotEqualTo(crewed);
    }
}
