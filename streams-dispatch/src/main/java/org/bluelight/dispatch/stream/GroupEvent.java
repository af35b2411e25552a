package org.bluelight.dispatch.stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEventType;

/**
 * Everything the dispatch desk of one group acts on, re-keyed by dispatch group so that a group's
 * work is in one partition, in one order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = GroupEvent.OfficerUpdated.class, name = "officer-updated"),
        @JsonSubTypes.Type(value = GroupEvent.OfficerLeft.class, name = "officer-left"),
        @JsonSubTypes.Type(value = GroupEvent.IncidentChanged.class, name = "incident-changed"),
        @JsonSubTypes.Type(value = GroupEvent.AssignmentMade.class, name = "assignment")
})
public sealed interface GroupEvent {

    /** A unit's state after a status, position or coverage change. */
    record OfficerUpdated(Officer officer) implements GroupEvent {
    }

    /** A unit moved to another dispatch group. */
    record OfficerLeft(String officerId, String dispatchGroup) implements GroupEvent {
    }

    /** A CAD change to an incident. */
    record IncidentChanged(Incident incident, IncidentEventType type) implements GroupEvent {
    }

    /** A dispatcher's decision in CAD. */
    record AssignmentMade(String incidentId, AssignmentAction action, List<String> officerIds) implements GroupEvent {
    }
}
