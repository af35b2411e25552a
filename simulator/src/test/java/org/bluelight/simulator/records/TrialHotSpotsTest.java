package org.bluelight.simulator.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.intake.PatrolAreaLimits;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialArm;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class TrialHotSpotsTest {

    private final Scenario scenario = ScenarioFile.load("andorra");
    private final TrialHotSpots trial = new TrialHotSpots(scenario);

    @Test
    void everyHotSpotHasPolygonPatrolAreasTheMetricsAppAccepts() {
        InputChecks checks = new InputChecks(InputLimits.defaults(), PatrolAreaLimits.defaults());
        assertThat(trial.hotSpots()).hasSize(scenario.demand().hotSpots().size());
        for (HotSpot hotSpot : trial.hotSpots()) {
            assertThat(hotSpot.getPatrolAreas()).hasSize(2);
            assertThat(checks.hotSpotWithinLimits(hotSpot)).as("%s", hotSpot).isInstanceOf(Result.Valid.class);
        }
        // The patrol areas cover the hot spot's centre and not a point twice its radius away.
        PatrolAreaIndex index = PatrolAreaIndex.of(trial.hotSpots());
        scenario.demand().hotSpots().stream().filter(spec -> trial.inTrial().contains(spec.id())).forEach(spec -> {
            assertThat(index.hotSpotsAt(spec.centre().lat() + 1e-5, spec.centre().lon())).contains(spec.id());
            GeoPoint far = spec.centre().offset(spec.radiusKm() * 2000, 45);
            assertThat(index.hotSpotsAt(far.lat(), far.lon())).doesNotContain(spec.id());
        });
    }

    @Test
    void anOddOneOutIsExcludedAndEachDayExactlyHalfTheRestAreTreated() {
        // Andorra has five hot spots: the least busy is left out of the trial.
        assertThat(trial.hotSpots().stream().filter(HotSpot::getExcluded).map(HotSpot::getHotSpotId)).containsExactly("HS_SANT_JULIA");
        List<TrialAllocation> allocations = trial.allocations(LocalDate.of(2024, 3, 4), 10);
        assertThat(allocations).hasSize(40);
        Map<LocalDate, Long> treated = allocations.stream().filter(a -> a.getArm() == TrialArm.TREATMENT)
                .collect(Collectors.groupingBy(TrialAllocation::getTrialDay, Collectors.counting()));
        assertThat(treated).hasSize(10).allSatisfy((day, count) -> assertThat(count).isEqualTo(2));
        assertThat(allocations).allSatisfy(a -> assertThat(a.getTrialId()).isEqualTo(TrialHotSpots.TRIAL_ID))
                .extracting(TrialAllocation::getHotSpotId).doesNotContain("HS_SANT_JULIA");
        // Random but seeded: the same scenario gives the same schedule, another seed another one.
        assertThat(new TrialHotSpots(scenario).allocations(LocalDate.of(2024, 3, 4), 10)).isEqualTo(allocations);
        assertThat(new TrialHotSpots(scenario.withSeed(7)).allocations(LocalDate.of(2024, 3, 4), 10)).isNotEqualTo(allocations);
    }

    @Test
    void trialDaysRunFromSixInTheMorningLocalTime() {
        assertThat(trial.clock().zone()).isEqualTo(scenario.timeZone());
        LocalDate monday = LocalDate.of(2024, 3, 4);
        assertThat(trial.clock().trialDayOf(monday.atTime(5, 59).atZone(scenario.timeZone()).toInstant())).isEqualTo(monday.minusDays(1));
        assertThat(trial.clock().trialDayOf(monday.atTime(6, 0).atZone(scenario.timeZone()).toInstant())).isEqualTo(monday);
    }

    @Test
    void unitsOnPatrolVisitEachHotSpot() {
        Map<String, List<GeoPoint>> areaPoints = PatrolPoints.of(scenario, TestPlaces.EVERYWHERE);
        Map<String, List<GeoPoint>> withHotSpots = trial.withPatrolPoints(areaPoints, TestPlaces.EVERYWHERE);
        assertThat(withHotSpots.keySet()).isEqualTo(areaPoints.keySet());
        areaPoints.forEach((area, points) -> assertThat(withHotSpots.get(area)).startsWith(points.toArray(GeoPoint[]::new)));
        PatrolAreaIndex index = PatrolAreaIndex.of(trial.hotSpots());
        Map<String, Long> pointsPerHotSpot = withHotSpots.values().stream().flatMap(List::stream)
                .flatMap(p -> index.hotSpotsAt(p.lat(), p.lon()).stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(trial.inTrial()).hasSize(4).allSatisfy(id ->
                assertThat(pointsPerHotSpot.get(id)).as(id).isGreaterThanOrEqualTo(TrialHotSpots.PATROL_POINTS));
    }
}
