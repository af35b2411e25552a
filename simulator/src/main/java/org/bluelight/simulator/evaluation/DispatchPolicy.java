package org.bluelight.simulator.evaluation;

import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;

/** How units are chosen for an incident: the thing the evaluation compares. */
public interface DispatchPolicy {

    String name();

    /**
     * The units to send now, or an empty list to leave the incident waiting in its group's backlog.
     *
     * @param officers the on-duty units of the incident's dispatch group, as dispatch sees them
     */
    List<String> choose(Incident incident, List<Officer> officers, Instant now, IncidentGrades grades);
}
