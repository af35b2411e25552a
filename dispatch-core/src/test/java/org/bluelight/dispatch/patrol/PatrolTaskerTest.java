package org.bluelight.dispatch.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;

class PatrolTaskerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final GeoPoint CENTRE = new GeoPoint(52.58, -1.23);

    private final PatrolTasker tasker = new PatrolTasker(PatrolSettings.defaults());

    private static List<Officer> officers(int n) {
        List<Officer> officers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            officers.add(unit("O" + i).at(CENTRE.offset(200.0 * i, 45), NOW).shiftEnd(NOW.plusSeconds(8 * 3600)).build());
        }
        return officers;
    }

    @Test
    void allocationSpreadsVisitsWithDiminishingReturnsNotInProportionToCrime() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("big", 4.0);
        weights.put("small", 1.0);

        Map<String, Integer> visits = PatrolAllocation.visits(weights, 20, 0.3);

        assertThat(visits.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(visits.get("big")).isGreaterThan(visits.get("small"));
        assertThat(visits.get("small")).as("proportional would give 4").isGreaterThan(4);
    }

    @Test
    void aControlHotSpotIsNeverTasked() {
        List<TrialHotSpot> hotSpots = List.of(new TrialHotSpot("T", CENTRE, 1, TrialArm.TREATMENT),
                new TrialHotSpot("C", CENTRE.offset(300, 0), 50, TrialArm.CONTROL));
        Map<String, Integer> delivered = new HashMap<>();
        for (int day = 0; day < 30; day++) {
            List<PatrolTask> tasks = tasker.task(officers(10), hotSpots, delivered, Map.of(), Set.of(), day, NOW);
            assertThat(tasks).extracting(PatrolTask::hotSpotId).containsOnly("T");
        }
    }

    @Test
    void officersAreLeftFreeAndEngagedOnesAreNotTasked() {
        List<TrialHotSpot> hotSpots = List.of(new TrialHotSpot("A", CENTRE, 1, TrialArm.TREATMENT),
                new TrialHotSpot("B", CENTRE, 1, TrialArm.TREATMENT), new TrialHotSpot("C", CENTRE, 1, TrialArm.TREATMENT));

        List<PatrolTask> tasks = tasker.task(officers(4), hotSpots, Map.of(), Map.of(), Set.of("O0"), 1, NOW);

        assertThat(tasks).hasSize(1).extracting(PatrolTask::officerId).doesNotContain("O0");
        assertThat(tasks.get(0).visit()).hasMinutes(15);
    }

    @Test
    void theOrderOfHotSpotsDiffersFromDayToDay() {
        List<TrialHotSpot> hotSpots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hotSpots.add(new TrialHotSpot("H" + i, CENTRE.offset(100.0 * i, 0), 1, TrialArm.TREATMENT));
        }
        Set<String> firstPicks = new java.util.HashSet<>();
        for (long day = 0; day < 20; day++) {
            List<PatrolTask> tasks = tasker.task(officers(3), hotSpots, Map.of(), Map.of(), Set.of(), day * 7919, NOW);
            firstPicks.add(tasks.get(0).hotSpotId());
        }
        assertThat(firstPicks).hasSizeGreaterThan(2);
    }

    @Test
    void aHotSpotVisitedLatelyOrWithItsDaysVisitsDoneWaits() {
        List<TrialHotSpot> hotSpots = List.of(new TrialHotSpot("A", CENTRE, 1, TrialArm.TREATMENT));

        assertThat(tasker.task(officers(5), hotSpots, Map.of("A", 3), Map.of("A", NOW.minusSeconds(600)), Set.of(), 1, NOW)).isEmpty();
        assertThat(tasker.task(officers(5), hotSpots, Map.of("A", 8), Map.of(), Set.of(), 1, NOW)).isEmpty();
        assertThat(tasker.task(officers(5), hotSpots, Map.of("A", 3), Map.of("A", NOW.minusSeconds(3600)), Set.of(), 1, NOW))
                .hasSize(1);
    }
}
