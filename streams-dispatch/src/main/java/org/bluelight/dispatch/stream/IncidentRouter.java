package org.bluelight.dispatch.stream;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;

/**
 * Routes incident changes and assignments (keyed by incident id) to the incident's dispatch group,
 * remembering each open incident's group because an assignment does not name it.
 */
final class IncidentRouter {

    private IncidentRouter() {
    }

    static final class Incidents implements Processor<String, IncidentEvent, String, GroupEvent> {

        private final Inbound inbound;
        private ProcessorContext<String, GroupEvent> context;
        private KeyValueStore<String, String> groups;

        Incidents(Inbound inbound) {
            this.inbound = inbound;
        }

        @Override
        public void init(ProcessorContext<String, GroupEvent> context) {
            this.context = context;
            this.groups = context.getStateStore(DispatchTopology.INCIDENT_GROUPS_STORE);
        }

        @Override
        public void process(Record<String, IncidentEvent> record) {
            IncidentEvent event = record.value();
            Result<Incident> checked = inbound.incident(record.key(), event, Instant.ofEpochMilli(record.timestamp()));
            if (checked instanceof Result.Invalid<Incident> invalid) {
                throw new InvalidRecordException(invalid.reason(), invalid.detail());
            }
            Incident incident = ((Result.Valid<Incident>) checked).value();
            String previousGroup = groups.get(incident.id());
            if (previousGroup != null && !previousGroup.equals(incident.dispatchGroup())) {
                // Handed to another group: the old group lets it go.
                Incident leaving = new Incident(incident.id(), incident.grade(), incident.reportedAt(), incident.location(),
                        incident.neighbourhoodArea(), previousGroup, incident.officersRequired(),
                        incident.doubleCrewRequired(), incident.expectedServiceMinutes());
                context.forward(record.withKey(previousGroup)
                        .withValue(new GroupEvent.IncidentChanged(leaving, IncidentEventType.CANCELLED)));
            }
            boolean over = event.getEventType() == IncidentEventType.CLOSED || event.getEventType() == IncidentEventType.CANCELLED;
            if (over) {
                groups.delete(incident.id());
            } else {
                groups.put(incident.id(), incident.dispatchGroup());
            }
            context.forward(record.withKey(incident.dispatchGroup())
                    .withValue(new GroupEvent.IncidentChanged(incident, event.getEventType())));
        }
    }

    static final class Assignments implements Processor<String, Assignment, String, GroupEvent> {

        private final Inbound inbound;
        private ProcessorContext<String, GroupEvent> context;
        private KeyValueStore<String, String> groups;

        Assignments(Inbound inbound) {
            this.inbound = inbound;
        }

        @Override
        public void init(ProcessorContext<String, GroupEvent> context) {
            this.context = context;
            this.groups = context.getStateStore(DispatchTopology.INCIDENT_GROUPS_STORE);
        }

        @Override
        public void process(Record<String, Assignment> record) {
            Result<GroupEvent.AssignmentMade> checked = inbound.assignment(record.key(), record.value(),
                    Instant.ofEpochMilli(record.timestamp()));
            if (checked instanceof Result.Invalid<GroupEvent.AssignmentMade> invalid) {
                throw new InvalidRecordException(invalid.reason(), invalid.detail());
            }
            GroupEvent.AssignmentMade made = ((Result.Valid<GroupEvent.AssignmentMade>) checked).value();
            String group = groups.get(made.incidentId());
            if (group == null) {
                throw new InvalidRecordException("unknown-incident", "assignment for incident " + made.incidentId()
                        + ", which is not open");
            }
            context.forward(record.withKey(group).withValue(made));
        }
    }
}
