package org.bluelight.simulator.tasking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.moveup.MoveUpPlanner;
import org.bluelight.dispatch.moveup.MoveUpSettings;
import org.bluelight.dispatch.patrol.PatrolSettings;
import org.bluelight.dispatch.patrol.PatrolTasker;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.TrialArm;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.evaluation.EvaluationPlan;
import org.bluelight.simulator.evaluation.Evaluator;
import org.bluelight.simulator.evaluation.RecommenderPolicy;
import org.bluelight.simulator.evaluation.ReplicationResult;
import org.bluelight.simulator.evaluation.Simulation;
import org.bluelight.simulator.evaluation.SimulationWindow;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Force;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.force.Rota;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.progress.Progress;
import org.bluelight.simulator.progress.ProgressBar;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * Move-ups and hot-spot patrol tasking against the recommender alone: per replication one seed gives the force,
 * incidents and shifts, and all three run on them (common random numbers), so each replication gives a paired
 * difference; a dispatcher accepts every move and task.
 */
public final class TaskingEvaluator {

    private static final long REPLICATION_SEED_STEP = 1_000_003L;

    private final Evaluator evaluator;
    private final MapPlaces places;

    public TaskingEvaluator(Evaluator evaluator, MapPlaces places) {
        this.evaluator = evaluator;
        this.places = places;
    }

    /** Runs the plan on the scenario's demand hot spots with the default patrol settings. */
    public TaskingReport run(EvaluationPlan plan, ProgressBar bar) {
        return run(plan, plan.scenario().demand().hotSpots(), PatrolSettings.defaults(), bar);
    }

    /**
     * Runs the plan (its policy list is ignored: the three arms are fixed) with {@code hotSpots} in the trial, half
     * of them in treatment each day, and the tasker's {@code patrol} settings; {@code bar} may be null.
     */
    public TaskingReport run(EvaluationPlan plan, List<HotSpotSpec> hotSpots, PatrolSettings patrol, ProgressBar bar) {
        long started = System.nanoTime();
        List<TaskingReport.Run> runs = new ArrayList<>();
        int step = 0;
        for (int r = 1; r <= plan.replications(); r++) {
            Scenario scenario = plan.scenario().withSeed(plan.scenario().seed() + REPLICATION_SEED_STEP * (r - 1));
            SimulationWindow window = SimulationWindow.ofDays(scenario.start(), plan.days(), plan.warmupDays());
            Force force = Force.build(scenario, places);
            List<GeneratedIncident> incidents = new IncidentGenerator(scenario, places).generate(window.start(), window.end());
            List<CrewShift> shifts = Rota.shifts(scenario, force, window.start(), window.stop());
            Map<String, List<GeoPoint>> patrolPoints = PatrolPoints.of(scenario, places);
            TrialDays trial = new TrialDays(hotSpots, scenario.timeZone(), scenario.seed());
            for (TaskingPolicy.Tasking tasking : TaskingPolicy.Tasking.values()) {
                TaskingPolicy policy = new TaskingPolicy(
                        new RecommenderPolicy(new Recommender(evaluator.rules(), evaluator.travel())), tasking,
                        new MoveUpPlanner(MoveUpSettings.defaults()), new PatrolTasker(patrol),
                        trial, scenario.seed(), window);
                Progress progress = bar == null ? Progress.NONE
                        : bar.step(step, policy.name() + " replication " + r + "/" + plan.replications());
                step++;
                ReplicationResult result = new Simulation(scenario, force.units(), incidents, shifts, policy,
                        evaluator.travel(), evaluator.rules(), window, patrolPoints, progress).run(r);
                runs.add(new TaskingReport.Run(tasking, result, policy.tally().moves(), policy.tally().moveKm(),
                        policy.tally().patrolTasks(),
                        policy.dosage().patrolMinutes(TrialArm.TREATMENT), policy.dosage().patrolMinutes(TrialArm.CONTROL),
                        policy.dosage().longVisits(TrialArm.TREATMENT), policy.dosage().longVisits(TrialArm.CONTROL),
                        policy.dosage().presenceMinutes(TrialArm.TREATMENT),
                        policy.dosage().presenceMinutes(TrialArm.CONTROL), policy.late().lateBeforeSetOff(),
                        policy.late().lateOnTheRoad(), policy.late().lateMinutesToSetOff()));
            }
        }
        if (bar != null) {
            bar.finish();
        }
        return new TaskingReport(plan, hotSpots.size(), patrol, runs, (System.nanoTime() - started) / 1e9);
    }
}
