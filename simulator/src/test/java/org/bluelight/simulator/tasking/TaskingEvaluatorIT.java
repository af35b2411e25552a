package org.bluelight.simulator.tasking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.evaluation.EvaluationPlan;
import org.bluelight.simulator.evaluation.Evaluator;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.map.NetworkPlaces;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

/** Move-ups and patrol tasking in the evaluator on the real Andorra roads, on the same seeds as the plain recommender. */
class TaskingEvaluatorIT {

    @Test
    void onlyTheTaskingArmsTaskAndEveryArmFacesTheSameIncidents() {
        Path work = Path.of("target", "evaluator-it");
        Scenario scenario = ScenarioFile.load("andorra");
        try (RoadNetwork network = MapSource.open(MapSource.resolve(scenario.map(), null, work), work)) {
            EvaluationPlan plan = new EvaluationPlan(scenario, 2, 1, 1, List.of("recommender"));
            TaskingReport report = new TaskingEvaluator(new Evaluator(network), new NetworkPlaces(network)).run(plan, null);

            assertThat(report.runs()).hasSize(3);
            TaskingReport.Run none = run(report, TaskingPolicy.Tasking.NONE);
            TaskingReport.Run moveUps = run(report, TaskingPolicy.Tasking.MOVE_UPS);
            TaskingReport.Run patrol = run(report, TaskingPolicy.Tasking.PATROL);
            assertThat(List.of(moveUps, patrol)).allMatch(r -> r.result().grade1Count() == none.result().grade1Count());
            assertThat(none.moves() + none.patrolTasks() + patrol.moves() + moveUps.patrolTasks()).isZero();
            assertThat(patrol.patrolTasks()).isPositive();
            assertThat(none.controlMinutes()).isNotNaN();
            // Every late grade 1 incident is lost either before a crew set off or on the road.
            assertThat((double) none.lateBeforeSetOff() + none.lateOnTheRoad()).isCloseTo(none.lateGrade1(), within(1.0));
            assertThat(report.text()).contains("recommender+moveups", "recommender+patrol", "late G1 change");
        }
    }

    private static TaskingReport.Run run(TaskingReport report, TaskingPolicy.Tasking tasking) {
        return report.runs().stream().filter(r -> r.tasking() == tasking).findFirst().orElseThrow();
    }
}
