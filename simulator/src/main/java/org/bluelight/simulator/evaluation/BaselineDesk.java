package org.bluelight.simulator.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.BacklogOrder;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;

/**
 * The desk of a {@link BaselinePolicy}: each incident gets the policy's units at once, or waits in its group's
 * backlog in the dispatch core's {@link BacklogOrder}; when a unit becomes free, each waiting incident in order is
 * offered the group's units until none is left.
 */
final class BaselineDesk implements Desk {

    private final ForceSimulation simulation;
    private final BaselinePolicy policy;
    private final DispatchRules rules;
    private final Map<String, TreeSet<WaitingIncident>> backlogs = new HashMap<>();
    private final Map<String, SimIncident> waiting = new HashMap<>();
    private boolean uncoveredMeanwhile;

    BaselineDesk(ForceSimulation simulation, BaselinePolicy policy, DispatchRules rules) {
        this.simulation = simulation;
        this.policy = policy;
        this.rules = rules;
    }

    @Override
    public void reported(SimIncident incident) {
        if (!incident.generated().dispatched()) {
            return;
        }
        uncoveredMeanwhile = false;
        if (!tryDispatch(incident)) {
            enqueue(incident);
        }
        if (uncoveredMeanwhile) {
            serveBacklog(incident.generated().dispatchGroup()); // the incident a unit was taken from may go to another
        }
    }

    @Override
    public void changed(SimUnit unit) {
        if (unit.state() == OfficerState.AVAILABLE) {
            serveBacklog(unit.unit().dispatchGroup());
        }
    }

    @Override
    public void uncovered(SimIncident incident) {
        enqueue(incident);
        uncoveredMeanwhile = true;
    }

    @Override
    public int waiting() {
        return waiting.size();
    }

    private boolean tryDispatch(SimIncident incident) {
        List<Officer> officers = simulation.officersFor(incident);
        if (officers.isEmpty()) {
            return false;
        }
        List<String> chosen = policy.choose(incident.dispatch(), officers, simulation.now(), simulation.grades());
        if (chosen.isEmpty()) {
            return false;
        }
        // When every chosen unit was unreachable, choose again without them.
        return simulation.send(incident, chosen) || tryDispatch(incident);
    }

    private void enqueue(SimIncident incident) {
        if (waiting.putIfAbsent(incident.id(), incident) == null) {
            Incident dispatch = incident.dispatch();
            backlogs.computeIfAbsent(dispatch.dispatchGroup(), g -> new TreeSet<>(BacklogOrder.HEAD_FIRST))
                    .add(new WaitingIncident(dispatch, simulation.now(), dispatch.reportedAt().plus(rules.target(dispatch.grade())),
                            (int) dispatch.expectedServiceTime(rules.defaultServiceTime()).toMinutes(), "no unit free"));
        }
    }

    /** Head of the queue first: each waiting incident in order is offered the group's units until none can go. */
    private void serveBacklog(String group) {
        TreeSet<WaitingIncident> backlog = backlogs.get(group);
        if (backlog == null || backlog.isEmpty()) {
            return;
        }
        for (WaitingIncident entry : new ArrayList<>(backlog)) {
            if (!simulation.anyAvailable(group)) {
                return;
            }
            SimIncident incident = waiting.get(entry.incidentId());
            if (tryDispatch(incident)) {
                backlog.remove(entry);
                waiting.remove(entry.incidentId());
            }
        }
    }
}
