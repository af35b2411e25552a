package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.moveup.MoveUp;
import org.bluelight.dispatch.moveup.MoveUpPlanner;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.schemas.OfficerState;

/**
 * Move-ups in the simulation: every few minutes, per dispatch group, the {@link MoveUpPlanner} (the code
 * streams-dispatch runs) weighs the group's units against the demand learnt so far, and a dispatcher who accepts
 * every recommendation sends the units to their posts. A unit already sent is counted at its post.
 */
final class MoveUpDesk extends DelegatingDesk {

    private final MoveUpPlanner planner;
    private final DemandGrid demand;
    private final TaskingTally tally;
    private final Map<String, List<Instant>> recentMoves = new HashMap<>();

    MoveUpDesk(ForceSimulation simulation, Desk dispatch, MoveUpPlanner planner, Duration every, TaskingTally tally) {
        super(simulation, dispatch, every);
        this.planner = planner;
        this.demand = new DemandGrid(simulation.scenario(), simulation.now());
        this.tally = tally;
    }

    @Override
    public void reported(SimIncident incident) {
        super.reported(incident);
        if (incident.generated().dispatched()) {
            demand.add(incident.generated().location(), incident.generated().dispatchGroup());
        }
    }

    @Override
    protected void task() {
        Instant now = simulation.now();
        Map<String, List<Officer>> byGroup = new HashMap<>();
        for (SimUnit unit : simulation.units()) {
            if (unit.state() != OfficerState.OFF_DUTY) {
                Officer officer = unit.asOfficer(now);
                byGroup.computeIfAbsent(unit.unit().dispatchGroup(), g -> new ArrayList<>())
                        .add(unit.post() == null ? officer : officer.withPosition(unit.post(), now));
            }
        }
        byGroup.forEach((group, officers) -> {
            for (MoveUp move : planner.plan(officers, demand.cells(group, now), recentMoves, now)) {
                if (simulation.sendToPost(move.officerId(), move.target(), null)) {
                    recentMoves.computeIfAbsent(move.officerId(), id -> new ArrayList<>()).add(now);
                }
            }
        });
    }

    @Override
    public void sentToPost(SimUnit unit, double km) {
        super.sentToPost(unit, km);
        tally.moved(simulation.now(), km);
    }
}
