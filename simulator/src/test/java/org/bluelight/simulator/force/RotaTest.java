package org.bluelight.simulator.force;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

    @Test
    void theCrewsOfOneShiftFallDueForTheirBreakAtTheirOwnMomentsAcrossTheBreakWindow() {
        Force force = Force.build(westMidlands, TestPlaces.EVERYWHERE);
        Instant from = westMidlands.start();
        List<CrewShift> shifts = Rota.shifts(westMidlands, force, from, from.plus(Duration.ofDays(2)));
        Map<List<Instant>, List<CrewShift>> byShift = shifts.stream().collect(Collectors.groupingBy(s -> List.of(s.start(), s.end())));
        double spread = westMidlands.shifts().breakSpreadShareOfShift();
        double centre = westMidlands.shifts().breakAtShareOfShift();
        for (List<CrewShift> oneShift : byShift.values()) {
            if (oneShift.size() < 20) {
                continue;
            }
            Duration length = Duration.between(oneShift.get(0).start(), oneShift.get(0).end());
            Map<Long, Long> perQuarterHour = new TreeMap<>();
            for (CrewShift shift : oneShift) {
                double share = Duration.between(shift.start(), shift.breakDue()).toMillis() / (double) length.toMillis();
                assertThat(share).isBetween(centre - spread / 2, centre + spread / 2);
                perQuarterHour.merge(Duration.between(shift.start(), shift.breakDue()).toMinutes() / 15, 1L, Long::sum);
            }
            // Spread over the window (8 hours x 3/8 = 12 quarter hours), no quarter hour holds most of the crews.
            assertThat(perQuarterHour.size()).as("quarter hours with a break falling due").isGreaterThanOrEqualTo(6);
            assertThat(perQuarterHour.values()).allMatch(n -> n < oneShift.size() / 3);
        }
        // The same seed gives the same moments; another seed others.
        assertThat(Rota.shifts(westMidlands, force, from, from.plus(Duration.ofDays(2)))).isEqualTo(shifts);
        assertThat(Rota.shifts(westMidlands.withSeed(99), force, from, from.plus(Duration.ofDays(2))))
                .extracting(CrewShift::breakDue).isNotEqualTo(shifts.stream().map(CrewShift::breakDue).toList());
    }
}
