package org.bluelight.simulator.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.intake.PatrolAreaLimits;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.TestTravel;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.force.Force;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.force.Rota;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

/** The records the simulated force's other systems publish, on the Andorra scenario with travel in straight lines. */
class RecordKeeperTest {

    private static final InputChecks CHECKS = new InputChecks(InputLimits.defaults(), PatrolAreaLimits.defaults());

    private final Scenario scenario = ScenarioFile.load("andorra");
    private final Instant start = scenario.start().plus(Duration.ofHours(10));
    private final Instant end = start.plus(Duration.ofDays(2));

    @Test
    void atTheStartTheHotSpotsTheScheduleAndSixDaysOfRecordsArePublished() {
        RecordKeeper keeper = new RecordKeeper(scenario, TestPlaces.EVERYWHERE, start, end);
        List<Publication<?, ?>> first = keeper.due(start);

        assertThat(values(first, Topic.HOTSPOTS, HotSpot.class)).hasSize(5);
        // The schedule covers every trial day from the first of the history to the end: 6 + 2 days and part days.
        assertThat(values(first, Topic.TRIAL_ALLOCATIONS, TrialAllocation.class).stream()
                .map(TrialAllocation::getTrialDay).distinct().count()).isBetween(8L, 10L);
        List<CrimeRecord> crimes = values(first, Topic.CRIME_RECORDS, CrimeRecord.class);
        List<CustodyRecord> custody = values(first, Topic.CUSTODY_RECORDS, CustodyRecord.class);
        // Andorra: 840 incidents a week, about a third of them crimes, 5% of those dispatched arrests.
        assertThat(crimes.size()).isBetween(150, 500);
        assertThat(custody.size()).isBetween(20, 150);
        assertThat(crimes).allSatisfy(c -> assertThat(c.getRecordedAt()).isBetween(start.minus(RecordKeeper.HISTORY), start));
        assertThat(crimes).anyMatch(CrimeRecord::getPreplannedOperation).anyMatch(c -> !c.getPreplannedOperation());
        // All published now, stamped now: what the apps judge the records' times against.
        assertThat(first).allSatisfy(p -> assertThat(p.at()).isEqualTo(start));
        first.forEach(RecordKeeperTest::assertAccepted);

        // A few people recur: the most frequent is named in many records, most people in one or two.
        Map<String, Long> named = crimes.stream().flatMap(c -> c.getPeople().stream()).map(CrimePerson::getPersonId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        custody.forEach(c -> named.merge(c.getPersonId(), 1L, Long::sum));
        assertThat(named.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThanOrEqualTo(10);
        assertThat(named.values().stream().filter(n -> n <= 2).count()).isGreaterThan(named.size() / 2);
        // The rest (releases still to come, the operations of the coming days) waits for its time.
        assertThat(keeper.due(start)).isEmpty();
        assertThat(keeper.due(end.plus(Duration.ofDays(3)))).isNotEmpty()
                .allSatisfy(p -> assertThat(p.at()).isAfter(start));
    }

    @Test
    void recordedCrimesAndArrestsOfTheSimulatedIncidentsGetTheirRecordsWhenTheyHappen() {
        Force force = Force.build(scenario, TestPlaces.EVERYWHERE);
        RecordKeeper keeper = new RecordKeeper(scenario, TestPlaces.EVERYWHERE, start, end);
        keeper.due(start);
        ForceSimulation simulation = new ForceSimulation(scenario, force.units(), TestTravel.STRAIGHT_LINE,
                keeper.trial().withPatrolPoints(PatrolPoints.of(scenario, TestPlaces.EVERYWHERE), TestPlaces.EVERYWHERE), start);
        simulation.deskIs(new FirstFreeDesk(simulation));
        simulation.listen(keeper);
        List<GeneratedIncident> incidents = new IncidentGenerator(scenario, TestPlaces.EVERYWHERE).generate(start, end);
        simulation.load(Rota.shifts(scenario, force, start, end), incidents);

        List<Publication<?, ?>> published = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
            simulation.advanceTo(t);
            List<Publication<?, ?>> due = keeper.due(t);
            assertThat(due).allSatisfy(p -> assertThat(p.at()).isBeforeOrEqualTo(simulation.now()));
            published.addAll(due);
        }
        published.forEach(RecordKeeperTest::assertAccepted);

        Map<String, GeneratedIncident> byId = incidents.stream().collect(Collectors.toMap(GeneratedIncident::id, i -> i));
        List<CrimeRecord> crimes = values(published, Topic.CRIME_RECORDS, CrimeRecord.class).stream()
                .filter(c -> c.getIncidentId() != null).toList();
        assertThat(crimes).isNotEmpty().allSatisfy(c -> {
            GeneratedIncident incident = byId.get(c.getIncidentId());
            assertThat(incident.recordedCrime()).isTrue();
            assertThat(c.getCrimeId()).isEqualTo("CR-" + incident.id());
            assertThat(c.getCategory()).isEqualTo(incident.category());
            assertThat(c.getRecordedAt()).isAfterOrEqualTo(incident.reportedAt());
        });
        RecordsSystem records = new RecordsSystem(new People(scenario), scenario.seed());
        List<CustodyRecord> arrivals = values(published, Topic.CUSTODY_RECORDS, CustodyRecord.class).stream()
                .filter(c -> c.getCustodyId().startsWith("CU-INC-") && c.getReleasedAt() == null).toList();
        assertThat(arrivals).isNotEmpty().allSatisfy(c -> {
            GeneratedIncident incident = byId.get(c.getCustodyId().substring("CU-".length()));
            assertThat(incident.arrest()).isTrue();
            assertThat(c.getPersonId()).isEqualTo(records.arrested(incident));
            assertThat(c.getArrivedAt()).isAfter(incident.reportedAt());
            crimes.stream().filter(crime -> crime.getIncidentId().equals(incident.id())).forEach(crime ->
                    assertThat(crime.getPeople()).anyMatch(p -> p.getPersonId().equals(c.getPersonId()) && p.getRole() == CrimeRole.OFFENDER));
        });
    }

    private static <V> List<V> values(List<Publication<?, ?>> publications, Topic<?, ?> topic, Class<V> type) {
        return publications.stream().filter(p -> p.topic() == topic).map(p -> type.cast(p.value())).toList();
    }

    /** The record passes the metrics app's edge checks, judged at the timestamp it is published with. */
    private static void assertAccepted(Publication<?, ?> p) {
        Result<?> checked;
        if (p.value() instanceof CrimeRecord crime) {
            checked = CHECKS.crime(crime, p.at());
        } else if (p.value() instanceof CustodyRecord custody) {
            checked = CHECKS.custody(custody, p.at());
        } else if (p.value() instanceof IncidentEvent incident) {
            checked = CHECKS.incident(incident, p.at());
        } else if (p.value() instanceof TrialAllocation allocation) {
            checked = CHECKS.allocation(allocation, p.at());
        } else {
            checked = CHECKS.hotSpotWithinLimits((HotSpot) p.value());
        }
        assertThat(checked).as("%s", p).isInstanceOf(Result.Valid.class);
    }

    /** Sends the first free unit of the incident's group (double-crewed for an arrest) to each uncovered incident. */
    private static final class FirstFreeDesk implements Desk {

        private final ForceSimulation simulation;

        FirstFreeDesk(ForceSimulation simulation) {
            this.simulation = simulation;
        }

        @Override
        public void reported(SimIncident incident) {
            serve();
        }

        @Override
        public void changed(SimUnit unit) {
            if (unit.state() == OfficerState.AVAILABLE) {
                serve();
            }
        }

        @Override
        public void uncovered(SimIncident incident) {
            // served at the next change
        }

        @Override
        public int waiting() {
            return 0;
        }

        private void serve() {
            for (SimIncident incident : List.copyOf(simulation.openIncidents())) {
                if (!incident.generated().dispatched() || !incident.uncovered()) {
                    continue;
                }
                simulation.units().stream()
                        .filter(u -> u.state() == OfficerState.AVAILABLE
                                && u.unit().dispatchGroup().equals(incident.generated().dispatchGroup())
                                && (!incident.generated().arrest() || u.unit().doubleCrewed())
                                && simulation.canGo(incident, List.of(u.id())))
                        .findFirst()
                        .ifPresent(u -> simulation.send(incident, List.of(u.id())));
            }
        }
    }
}
