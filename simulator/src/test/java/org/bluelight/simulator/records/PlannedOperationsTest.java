package org.bluelight.simulator.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.intake.PatrolAreaLimits;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.Topic;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class PlannedOperationsTest {

    private static final InputChecks CHECKS = new InputChecks(InputLimits.defaults(), PatrolAreaLimits.defaults());

    private final Scenario scenario = ScenarioFile.load("andorra");
    private final PlannedOperations operations = new PlannedOperations(scenario,
            new RecordsSystem(new People(scenario), scenario.seed()));
    private final Instant from = scenario.start();
    private final Instant to = from.plus(Duration.ofDays(60));

    @Test
    void nowAndThenADawnOperationArrestsAFewPeopleAtAHotSpot() {
        List<PlannedOperations.Operation> planned = operations.between(from, to, "OP-");
        // About one day in three.
        assertThat(planned.size()).isBetween(10, 32);
        assertThat(planned).allSatisfy(op -> {
            LocalTime start = op.start().atZone(scenario.timeZone()).toLocalTime();
            assertThat(start).isBetween(LocalTime.of(5, 0), LocalTime.of(7, 0));
            assertThat(Duration.between(op.start(), op.end())).isBetween(Duration.ofHours(2), Duration.ofHours(4));
            assertThat(op.arrested()).doesNotHaveDuplicates().hasSizeBetween(PlannedOperations.MIN_ARRESTS, PlannedOperations.MAX_ARRESTS);
            assertThat(scenario.demand().hotSpots()).anyMatch(h -> h.id().equals(op.hotSpotId()) && h.centre().equals(op.location()));
        });
        assertThat(planned).extracting(PlannedOperations.Operation::id).doesNotHaveDuplicates().startsWith("OP-001");
        assertThat(operations.between(from, to, "OP-")).isEqualTo(planned);
    }

    @Test
    void itsRecordsAreFlaggedAndPassTheMetricsAppsChecks() {
        PlannedOperations.Operation op = operations.between(from, to, "OP-").get(0);
        List<Publication<?, ?>> records = operations.records(op, true);
        int arrests = op.arrested().size();
        assertThat(records).hasSize(2 + 3 * arrests);
        List<IncidentEvent> cad = records.stream().filter(p -> p.topic() == Topic.INCIDENTS).map(p -> (IncidentEvent) p.value()).toList();
        assertThat(cad).extracting(IncidentEvent::getEventType).containsExactly(IncidentEventType.REPORTED, IncidentEventType.CLOSED);
        assertThat(cad).allSatisfy(e -> {
            assertThat(e.getPreplannedOperation()).isTrue();
            assertThat(e.getGrade()).isEqualTo(3);
            assertThat(e.getSubjectPersonIds()).isEqualTo(op.arrested());
        });
        for (Publication<?, ?> p : records) {
            Result<?> checked;
            if (p.value() instanceof IncidentEvent e) {
                checked = CHECKS.incident(e, p.at());
            } else if (p.value() instanceof CrimeRecord c) {
                assertThat(c.getPreplannedOperation()).isTrue();
                checked = CHECKS.crime(c, p.at());
            } else {
                CustodyRecord c = (CustodyRecord) p.value();
                assertThat(c.getPreplannedOperation()).isTrue();
                assertThat(op.arrested()).contains(c.getPersonId());
                checked = CHECKS.custody(c, p.at());
            }
            assertThat(checked).as("%s", p).isInstanceOf(Result.Valid.class);
        }
        assertThat(operations.records(op, false)).hasSize(3 * arrests).noneMatch(p -> p.topic() == Topic.INCIDENTS);
    }
}
