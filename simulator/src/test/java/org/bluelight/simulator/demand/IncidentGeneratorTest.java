package org.bluelight.simulator.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class IncidentGeneratorTest {

    private final Scenario scenario = ScenarioFile.load("andorra");

    @Test
    void theSameSeedGivesTheSameIncidentsAndAnotherSeedOthers() {
        Instant from = scenario.start();
        Instant to = from.plus(Duration.ofDays(3));
        List<GeneratedIncident> first = new IncidentGenerator(scenario, TestPlaces.EVERYWHERE).generate(from, to);
        List<GeneratedIncident> again = new IncidentGenerator(scenario, TestPlaces.EVERYWHERE).generate(from, to);
        List<GeneratedIncident> other = new IncidentGenerator(scenario.withSeed(scenario.seed() + 1), TestPlaces.EVERYWHERE)
                .generate(from, to);
        assertThat(first).isNotEmpty().isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theHourlyShapeMatchesTheConfiguredCurve() {
        Instant from = scenario.start();
        int weeks = 12;
        List<GeneratedIncident> incidents = new IncidentGenerator(scenario, TestPlaces.EVERYWHERE)
                .generate(from, from.plus(Duration.ofDays(7L * weeks)));
        assertThat((double) incidents.size()).isCloseTo(scenario.demand().incidentsPerWeek() * weeks,
                within(scenario.demand().incidentsPerWeek() * weeks * 0.03));
        double[] counts = new double[24];
        incidents.forEach(i -> counts[i.reportedAt().atZone(scenario.timeZone()).getHour()]++);
        double[] expected = DemandCurve.hourShares(scenario.demand());
        for (int h = 0; h < 24; h++) {
            double share = counts[h] / incidents.size();
            assertThat(share).as("share of incidents at %02d:00", h).isCloseTo(expected[h], within(expected[h] * 0.15));
        }
        int lowest = 0;
        int highest = 0;
        for (int h = 0; h < 24; h++) {
            lowest = counts[h] < counts[lowest] ? h : lowest;
            highest = counts[h] > counts[highest] ? h : highest;
        }
        assertThat(lowest).isBetween(5, 7);
        assertThat(highest).isBetween(21, 23);
    }

    @Test
    void timeOnSceneArrestsAndFrequentCallersFollowTheScenario() {
        Instant from = scenario.start();
        List<GeneratedIncident> incidents = new IncidentGenerator(scenario, TestPlaces.EVERYWHERE)
                .generate(from, from.plus(Duration.ofDays(28)));
        double[] minutes = incidents.stream().mapToDouble(i -> i.timeOnScene().toMillis() / 60_000.0).sorted().toArray();
        assertThat(minutes[minutes.length / 2]).isCloseTo(75, within(6.0));
        assertThat(minutes[minutes.length / 10]).isCloseTo(12, within(2.0));
        assertThat(minutes[minutes.length * 9 / 10]).isCloseTo(265, within(30.0));

        List<GeneratedIncident> dispatched = incidents.stream().filter(GeneratedIncident::dispatched).toList();
        long arrests = dispatched.stream().filter(GeneratedIncident::arrest).count();
        assertThat(arrests / (double) dispatched.size()).isCloseTo(0.054, within(0.015));
        assertThat(dispatched.stream().filter(GeneratedIncident::arrest))
                .allMatch(i -> i.officersRequired() >= 2 && i.toDispatch().doubleCrewRequired());
        assertThat(incidents.stream().filter(i -> !i.dispatched())).allMatch(i -> !i.arrest());

        Map<String, Integer> calls = new HashMap<>();
        incidents.forEach(i -> calls.merge(i.originatorPersonId(), 1, Integer::sum));
        int most = calls.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertThat(most).as("the most frequent caller's calls").isGreaterThan(50);
        assertThat(calls.values().stream().filter(c -> c == 1).count()).as("people who called once").isGreaterThan(500);
    }
}
