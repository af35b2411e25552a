package org.bluelight.simulator.tasking;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.bluelight.dispatch.patrol.PatrolSettings;
import org.bluelight.simulator.evaluation.EvaluationPlan;
import org.bluelight.simulator.evaluation.Interval;
import org.bluelight.simulator.evaluation.ReplicationResult;

/** The tasking evaluation's figures: per arm mean ± 95% interval, and paired differences against no tasking. */
public record TaskingReport(EvaluationPlan plan, int hotSpots, PatrolSettings patrol, List<Run> runs, double wallSeconds) {

    /** One replication of one arm. */
    public record Run(TaskingPolicy.Tasking tasking, ReplicationResult result, int moves, double moveKm, int patrolTasks,
                      double treatmentMinutes, double controlMinutes, double treatmentLongVisits,
                      double controlLongVisits, double treatmentPresence, double controlPresence,
                      int lateBeforeSetOff, int lateOnTheRoad, double lateMinutesToSetOff) {

        /** Grade 1 incidents reached after the target, or never. */
        double lateGrade1() {
            return result.grade1Count() * (1 - result.grade1WithinTarget());
        }

        double movesPerShift() {
            return result.shiftsEnded() == 0 ? Double.NaN : moves / (double) result.shiftsEnded();
        }
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Scenario %s: %d days (%d warm-up), %d replication%s, common random numbers; mean ± 95%% interval%n",
                plan.scenario().name(), plan.days(), plan.warmupDays(), plan.replications(),
                plan.replications() == 1 ? "" : "s"));
        out.append(String.format(Locale.ROOT, "%d hot spots in the trial (%d in treatment a day); patrol budget %d visits "
                        + "of %d min per treatment hot spot a day%n", hotSpots, hotSpots / 2, patrol.visitsPerHotSpot(),
                patrol.visit().toMinutes()));
        out.append(String.format(Locale.ROOT, "%-24s %14s %14s %14s %14s %10s %14s %10s%n", "arm", "late G1", "G1 median",
                "G1 p90", "km/incident", "moves", "moves/shift", "km/move"));
        for (TaskingPolicy.Tasking arm : TaskingPolicy.Tasking.values()) {
            out.append(String.format(Locale.ROOT, "%-24s %14s %14s %14s %14s %10s %14s %10s%n", name(arm),
                    of(arm, Run::lateGrade1, 1), of(arm, r -> r.result().grade1MedianMinutes(), 1),
                    of(arm, r -> r.result().grade1P90Minutes(), 1), of(arm, r -> r.result().kmPerIncident(), 2),
                    of(arm, r -> r.moves(), 0), of(arm, Run::movesPerShift, 2),
                    of(arm, r -> r.moves() == 0 ? 0 : r.moveKm() / r.moves(), 1)));
        }
        out.append(String.format(Locale.ROOT, "%nLate grade 1: lost before a crew set off (after the target, or never) "
                + "or on the road (set off in time, arrived late):%n"));
        out.append(String.format(Locale.ROOT, "%-24s %14s %14s %22s%n", "arm", "before set-off", "on the road",
                "late: min to set-off"));
        for (TaskingPolicy.Tasking arm : TaskingPolicy.Tasking.values()) {
            out.append(String.format(Locale.ROOT, "%-24s %14s %14s %22s%n", name(arm), of(arm, r -> r.lateBeforeSetOff(), 1),
                    of(arm, r -> r.lateOnTheRoad(), 1), of(arm, Run::lateMinutesToSetOff, 1)));
        }
        out.append(String.format(Locale.ROOT, "%nPaired against the recommender alone (same seeds):%n"));
        out.append(String.format(Locale.ROOT, "%-24s %22s %22s %22s%n", "arm", "late G1 change", "G1 median change",
                "G1 p90 change"));
        for (TaskingPolicy.Tasking arm : List.of(TaskingPolicy.Tasking.MOVE_UPS, TaskingPolicy.Tasking.PATROL)) {
            out.append(String.format(Locale.ROOT, "%-24s %22s %22s %22s%n", name(arm), relative(arm, Run::lateGrade1),
                    relative(arm, r -> r.result().grade1MedianMinutes()), relative(arm, r -> r.result().grade1P90Minutes())));
        }
        out.append(String.format(Locale.ROOT, "%nDosage per hot spot per trial day (patrol: free in the hot spot; "
                + "presence: free or at a scene there):%n"));
        out.append(String.format(Locale.ROOT, "%-24s %14s %14s %14s %14s %16s %16s %8s%n", "arm", "treat. min",
                "control min", "treat. >=10", "control >=10", "treat. presence", "ctrl presence", "tasks"));
        for (TaskingPolicy.Tasking arm : TaskingPolicy.Tasking.values()) {
            out.append(String.format(Locale.ROOT, "%-24s %14s %14s %14s %14s %16s %16s %8s%n", name(arm),
                    of(arm, Run::treatmentMinutes, 1), of(arm, Run::controlMinutes, 1),
                    of(arm, Run::treatmentLongVisits, 2), of(arm, Run::controlLongVisits, 2),
                    of(arm, Run::treatmentPresence, 0), of(arm, Run::controlPresence, 0),
                    of(arm, r -> r.patrolTasks(), 0)));
        }
        out.append(String.format(Locale.ROOT, "%nTreatment over control per replication (patrol minutes; >=10-min stays):%n"));
        for (TaskingPolicy.Tasking arm : TaskingPolicy.Tasking.values()) {
            out.append(String.format(Locale.ROOT, "%-24s %14s %14s%n", name(arm),
                    of(arm, r -> r.treatmentMinutes() / r.controlMinutes(), 2),
                    of(arm, r -> r.treatmentLongVisits() / r.controlLongVisits(), 2)));
        }
        return out.toString();
    }

    private String name(TaskingPolicy.Tasking arm) {
        return runs.stream().filter(r -> r.tasking() == arm).findFirst().map(r -> r.result().policy()).orElse(arm.name());
    }

    private String of(TaskingPolicy.Tasking arm, ToDoubleFunction<Run> figure, int decimals) {
        Interval i = Interval.of(runs.stream().filter(r -> r.tasking() == arm).map(r -> figure.applyAsDouble(r)).toList());
        String format = "%." + decimals + "f";
        return Double.isNaN(i.halfWidth()) ? String.format(Locale.ROOT, format, i.mean())
                : String.format(Locale.ROOT, format + " ± " + format, i.mean(), i.halfWidth());
    }

    /** Per replication (arm − none) / none, as a percentage with its interval. */
    private String relative(TaskingPolicy.Tasking arm, ToDoubleFunction<Run> figure) {
        List<Run> base = runs.stream().filter(r -> r.tasking() == TaskingPolicy.Tasking.NONE).toList();
        List<Double> changes = runs.stream().filter(r -> r.tasking() == arm).map(r -> {
            Run b = base.stream().filter(x -> x.result().replication() == r.result().replication()).findFirst().orElseThrow();
            double before = figure.applyAsDouble(b);
            return 100 * (figure.applyAsDouble(r) - before) / before;
        }).toList();
        Interval i = Interval.of(changes);
        return Double.isNaN(i.halfWidth()) ? String.format(Locale.ROOT, "%+.1f%%", i.mean())
                : String.format(Locale.ROOT, "%+.1f%% ± %.1f", i.mean(), i.halfWidth());
    }
}
