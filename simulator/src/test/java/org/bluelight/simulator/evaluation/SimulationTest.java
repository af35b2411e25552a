package org.bluelight.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.TestTravel;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Force;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.force.Rota;
import org.bluelight.simulator.progress.Progress;
import org.bluelight.simulator.scenario.MinutesDistribution;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

/** The simulation's bookkeeping, with travel at 30 km/h in a straight line instead of a road network. */
class SimulationTest {

    private final Scenario scenario = ScenarioFile.load("andorra");

    private ReplicationResult run(DispatchPolicy policy, int days, int warmup) {
        return run(scenario, policy, days, warmup);
    }

    private ReplicationResult run(Scenario scenario, DispatchPolicy policy, int days, int warmup) {
        SimulationWindow window = SimulationWindow.ofDays(scenario.start(), days, warmup);
        Force force = Force.build(scenario, TestPlaces.EVERYWHERE);
        List<GeneratedIncident> incidents = new IncidentGenerator(scenario, TestPlaces.EVERYWHERE).generate(window.start(), window.end());
        List<CrewShift> shifts = Rota.shifts(scenario, force, window.start(), window.stop());
        return new Simulation(scenario, force.units(), incidents, shifts, policy, TestTravel.STRAIGHT_LINE, DispatchRules.defaults(),
                window, PatrolPoints.of(scenario, TestPlaces.EVERYWHERE), Progress.NONE).run(1);
    }

    @Test
    void crewsTakeTheirBreakAndLeaveAtShiftEnd() {
        ReplicationResult result = run(new NearestPolicy(), 3, 1);
        Force force = Force.build(scenario, TestPlaces.EVERYWHERE);
        SimulationWindow window = SimulationWindow.ofDays(scenario.start(), 3, 1);
        List<CrewShift> shifts = Rota.shifts(scenario, force, window.start(), window.stop());
        long endingInRun = shifts.stream().filter(s -> s.end().isAfter(window.start()) && !s.end().isAfter(window.stop())).count();
        long breaksInRun = shifts.stream().filter(s -> s.breakDue().isAfter(window.start())
                && s.end().isBefore(window.stop())).count();
        // Every crew whose shift ends within the run goes off duty (some after finishing a task).
        assertThat(result.shiftsEnded()).isEqualTo((int) endingInRun);
        assertThat(result.shiftsOverrun()).isPositive().isLessThan(result.shiftsEnded());
        // Each crew whose break falls due within the run takes it, unless the shift ends first while on a task.
        assertThat(result.breaksTaken()).isLessThanOrEqualTo((int) breaksInRun + force.units().size())
                .isGreaterThanOrEqualTo((int) (breaksInRun * 0.9));
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        ReplicationResult first = run(new RandomPolicy(5), 2, 1);
        ReplicationResult second = run(new RandomPolicy(5), 2, 1);
        assertThat(first.grade1MedianMinutes()).isEqualTo(second.grade1MedianMinutes());
        assertThat(first.kmPerIncident()).isEqualTo(second.kmPerIncident());
        assertThat(first.breaksTaken()).isEqualTo(second.breaksTaken());
    }

    @Test
    void everyMeasuredIncidentIsCountedAndTheNearestUnitDrivesLessThanARandomOne() {
        ReplicationResult random = run(new RandomPolicy(5), 3, 1);
        ReplicationResult nearest = run(new NearestPolicy(), 3, 1);
        assertThat(random.grade1Count()).isEqualTo(nearest.grade1Count()).isPositive();
        assertThat(random.grade2Count()).isEqualTo(nearest.grade2Count()).isPositive();
        assertThat(nearest.kmPerIncident()).isLessThan(random.kmPerIncident());
        assertThat(nearest.availability()).isBetween(0.0, 1.0);
    }

    @Test
    void aCallReachesTheDeskOnlyAfterItsHandlingTimeWhichCountsInTheResponse() {
        ReplicationResult instant = run(new NearestPolicy(), 2, 1);
        Scenario handled = scenario.withCallHandling(Map.of(1, new MinutesDistribution(10, 9.9, 10.1, 11)));
        ReplicationResult later = run(handled, new NearestPolicy(), 2, 1);
        assertThat(later.grade1Count()).isEqualTo(instant.grade1Count());
        assertThat(instant.grade1P10Minutes()).isLessThan(9.9);
        assertThat(later.grade1P10Minutes()).isGreaterThanOrEqualTo(9.9);
        assertThat(later.grade1MedianMinutes()).isGreaterThan(instant.grade1MedianMinutes() + 9);
    }

    @Test
    void theForceFiguresCountEveryMeasuredCallArrestAndCrewOnScene() {
        ReplicationResult result = run(new NearestPolicy(), 3, 1);
        ForceFigures force = result.force();
        assertThat(force.weeks()).isCloseTo(2 / 7.0, within(1e-9));
        assertThat(force.incidents()).isGreaterThan(result.grade1Count() + result.grade2Count() - 1);
        assertThat(force.grade1Incidents()).isEqualTo(result.grade1Count());
        assertThat(force.arrests()).isPositive().isLessThan(result.grade1Count() + result.grade2Count());
        assertThat(force.sceneMedianMinutes()).isBetween(force.sceneP10Minutes(), force.sceneP90Minutes());
        assertThat(force.grade1MedianByHour()).hasSize(24);
        assertThat(result.busyGrade1WithinTarget()).isBetween(0.0, 1.0);
    }
}
