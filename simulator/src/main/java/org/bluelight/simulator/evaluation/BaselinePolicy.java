package org.bluelight.simulator.evaluation;

import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;

/** What a dispatcher without our tool does: picks units by a rule of thumb, and keeps a backlog in dispatch's order. */
public interface BaselinePolicy extends DispatchPolicy {

    /**
     * The units to send now, or an empty list to leave the incident waiting in its group's backlog.
     *
     * @param officers the on-duty units of the incident's dispatch group, as dispatch sees them
     */
    List<String> choose(Incident incident, List<Officer> officers, Instant now, IncidentGrades grades);

    @Override
    default Desk desk(ForceSimulation simulation, DispatchRules rules) {
        return new BaselineDesk(simulation, this, rules);
    }
}
