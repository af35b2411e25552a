package org.bluelight.dispatch.desk;

import java.util.List;
import java.util.Optional;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.WaitingIncident;

/**
 * The state dispatch keeps, per dispatch group: its units, its open incidents and its backlog.
 * The streams app backs it with state stores, the simulator with maps.
 */
public interface DispatchBoard {

    Optional<Officer> officer(String group, String officerId);

    /** Stores the unit under its own dispatch group. */
    void putOfficer(Officer officer);

    void removeOfficer(String group, String officerId);

    List<Officer> officers(String group);

    Optional<IncidentCase> incidentCase(String group, String incidentId);

    /** Stores the case, and keeps the backlog in step with its backlog entry. */
    void putCase(IncidentCase incidentCase);

    void removeCase(IncidentCase incidentCase);

    List<IncidentCase> cases(String group);

    /** The group's waiting incidents, head of the queue first. */
    List<WaitingIncident> backlog(String group);

    /** Groups that have a non-empty backlog. */
    List<String> groupsWithBacklog();
}
