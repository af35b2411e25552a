package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.patrol.PatrolTask;
import org.bluelight.dispatch.patrol.PatrolTasker;
import org.bluelight.dispatch.patrol.TrialHotSpot;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.TrialArm;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.scenario.HotSpotSpec;

/**
 * Hot-spot patrol tasking in the simulation: every few minutes, per dispatch group, the {@link PatrolTasker} (the
 * code streams-dispatch runs) tasks free units to visits of today's treatment hot spots, and each tasked unit goes.
 * A visit ends early when the unit is sent to an incident ({@link ForceSimulation#send} takes it off its post).
 */
final class PatrolDesk extends DelegatingDesk {

    private final PatrolTasker tasker;
    private final TrialDays trial;
    private final long seed;
    private final TaskingTally tally;
    private final Map<String, Integer> delivered = new HashMap<>();
    private final Map<String, Instant> lastVisit = new HashMap<>();
    private LocalDate today;

    PatrolDesk(ForceSimulation simulation, Desk dispatch, PatrolTasker tasker, TrialDays trial, long seed,
               Duration every, TaskingTally tally) {
        super(simulation, dispatch, every);
        this.tasker = tasker;
        this.trial = trial;
        this.seed = seed;
        this.tally = tally;
    }

    @Override
    protected void task() {
        Instant now = simulation.now();
        LocalDate day = trial.dayOf(now);
        if (!day.equals(today)) {
            today = day;
            delivered.clear();
            lastVisit.clear();
        }
        Map<String, TrialArm> arms = trial.arms(now);
        List<TrialHotSpot> hotSpots = new ArrayList<>();
        for (HotSpotSpec spec : trial.hotSpots()) {
            hotSpots.add(new TrialHotSpot(spec.id(), spec.centre(), spec.weight(), arms.get(spec.id())));
        }
        Map<String, List<Officer>> byGroup = new HashMap<>();
        Set<String> engaged = new HashSet<>();
        for (SimUnit unit : simulation.units()) {
            if (unit.state() != OfficerState.OFF_DUTY) {
                byGroup.computeIfAbsent(unit.unit().dispatchGroup(), g -> new ArrayList<>()).add(unit.asOfficer(now));
                if (unit.post() != null) {
                    engaged.add(unit.id());
                }
            }
        }
        long daySeed = seed * 7_919L + day.toEpochDay();
        byGroup.forEach((group, officers) -> {
            for (PatrolTask task : tasker.task(officers, hotSpots, delivered, lastVisit, engaged, daySeed, now)) {
                if (simulation.sendToPost(task.officerId(), task.target(), task.visit())) {
                    delivered.merge(task.hotSpotId(), 1, Integer::sum);
                    lastVisit.put(task.hotSpotId(), now);
                    engaged.add(task.officerId());
                    tally.tasked(now);
                }
            }
        });
    }
}
