package org.bluelight.simulator.tasking;

import java.time.Duration;
import org.bluelight.dispatch.moveup.MoveUpPlanner;
import org.bluelight.dispatch.patrol.PatrolTasker;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.evaluation.DispatchPolicy;
import org.bluelight.simulator.evaluation.SimulationWindow;

/**
 * A dispatch policy with idle units tasked or not: the same dispatch desk, plus move-ups or hot-spot patrol visits
 * every {@link #EVERY}; every run also measures patrol dosage, so the plain desk gives the business-as-usual level.
 */
public final class TaskingPolicy implements DispatchPolicy {

    /** How often the tasking desks look at the force (the live app re-plans on a similar wall-clock period). */
    static final Duration EVERY = Duration.ofMinutes(5);

    /** What idle units do besides their home-area patrol. */
    public enum Tasking { NONE, MOVE_UPS, PATROL }

    private final DispatchPolicy dispatch;
    private final Tasking tasking;
    private final MoveUpPlanner planner;
    private final PatrolTasker tasker;
    private final TrialDays trial;
    private final long seed;
    private final DosageLog dosage;
    private final TaskingTally tally;
    private final LateGrade1 late;

    public TaskingPolicy(DispatchPolicy dispatch, Tasking tasking, MoveUpPlanner planner, PatrolTasker tasker,
                         TrialDays trial, long seed, SimulationWindow window) {
        this.dispatch = dispatch;
        this.tasking = tasking;
        this.planner = planner;
        this.tasker = tasker;
        this.trial = trial;
        this.seed = seed;
        this.dosage = new DosageLog(trial, window);
        this.tally = new TaskingTally(window);
        this.late = new LateGrade1(window);
    }

    @Override
    public String name() {
        return switch (tasking) {
            case NONE -> dispatch.name();
            case MOVE_UPS -> dispatch.name() + "+moveups";
            case PATROL -> dispatch.name() + "+patrol";
        };
    }

    @Override
    public Desk desk(ForceSimulation simulation, DispatchRules rules) {
        simulation.listen(dosage);
        simulation.listen(late);
        Desk desk = dispatch.desk(simulation, rules);
        return switch (tasking) {
            case NONE -> desk;
            case MOVE_UPS -> new MoveUpDesk(simulation, desk, planner, EVERY, tally);
            case PATROL -> new PatrolDesk(simulation, desk, tasker, trial, seed, EVERY, tally);
        };
    }

    public DosageLog dosage() {
        return dosage;
    }

    public TaskingTally tally() {
        return tally;
    }

    public LateGrade1 late() {
        return late;
    }
}
