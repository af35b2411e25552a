package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.runtime.deadletter.DeadLetter;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.Stage;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.Topic;

/**
 * Routes incident changes and assignments (keyed by incident id) to the incident's dispatch group,
 * remembering each open incident's group because an assignment does not name it. An assignment read
 * before its incident waits for it (the two topics are not read in step).
 */
final class IncidentRouter {

    static final String UNKNOWN_INCIDENT = "unknown-incident";
    /** The assignment router's node name, named in its dead letters. */
    static final String ROUTER = "assignment-router";

    private IncidentRouter() {
    }

    static final class Incidents implements Processor<String, IncidentEvent, String, GroupEvent> {

        private final Inbound inbound;
        private final EarlyHold hold;
        private final CommitOnIncident commit;
        private final MeterRegistry meters;
        private ProcessorContext<String, GroupEvent> context;
        private KeyValueStore<String, String> groups;
        private EarlyAssignments early;

        /** @param commit whether to ask for a commit after an incident, so its group event is visible to the desk without waiting for the interval */
        Incidents(Inbound inbound, EarlyHold hold, CommitOnIncident commit, MeterRegistry meters) {
            this.inbound = inbound;
            this.hold = hold;
            this.commit = commit;
            this.meters = meters;
        }

        @Override
        public void init(ProcessorContext<String, GroupEvent> context) {
            this.context = context;
            this.groups = context.getStateStore(DispatchTopology.INCIDENT_GROUPS_STORE);
            this.early = earlyAssignments(context, hold, meters);
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
            if (!over) {
                early.release(incident.id()).forEach(made -> context.forward(record.withKey(incident.dispatchGroup()).withValue(made)));
            }
            commit.requestAfter(context, record.timestamp());
        }
    }

    /**
     * Routes an assignment to its incident's group; one read before its incident is held for it
     * ({@link EarlyAssignments}) and dead-lettered {@value #UNKNOWN_INCIDENT} only when the hold
     * runs out (or is full). Its output is the {@link GroupEvent.AssignmentMade} for the group, or
     * the {@link Letter} of an assignment whose incident never came.
     */
    static final class Assignments implements Processor<String, Assignment, String, Object> {

        private final Inbound inbound;
        private final EarlyHold hold;
        private final AppSerdes serdes;
        private final MeterRegistry meters;
        private ProcessorContext<String, Object> context;
        private KeyValueStore<String, String> groups;
        private EarlyAssignments early;

        Assignments(Inbound inbound, EarlyHold hold, AppSerdes serdes, MeterRegistry meters) {
            this.inbound = inbound;
            this.hold = hold;
            this.serdes = serdes;
            this.meters = meters;
        }

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
            this.groups = context.getStateStore(DispatchTopology.INCIDENT_GROUPS_STORE);
            this.early = earlyAssignments(context, hold, meters);
            context.schedule(StatusProcessor.EXPIRY_CHECK_INTERVAL, PunctuationType.STREAM_TIME,
                    timestamp -> deadLetterExpired(Instant.ofEpochMilli(timestamp)));
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
            if (group != null) {
                context.forward(record.withKey(group).withValue(made));
                return;
            }
            RecordMetadata origin = context.recordMetadata().orElseThrow();
            String topic = Topic.ASSIGNMENTS.topicName();
            EarlyAssignments.Held held = new EarlyAssignments.Held(made, origin.partition(), origin.offset(), record.timestamp(),
                    serdes.keySerde(Topic.ASSIGNMENTS).serializer().serialize(topic, record.key()),
                    serdes.valueSerde(Topic.ASSIGNMENTS).serializer().serialize(topic, record.value()));
            if (!early.hold(held, Instant.ofEpochMilli(record.timestamp()))) {
                throw new InvalidRecordException(UNKNOWN_INCIDENT, "assignment for incident " + made.incidentId()
                        + ", which is not open, and the early hold is full (at most " + early.maxIncidents()
                        + " incidents, " + EarlyAssignments.MAX_PER_INCIDENT + " assignments each)");
            }
        }

        private void deadLetterExpired(Instant streamTime) {
            for (EarlyAssignments.Held held : early.expire(streamTime, hold.holdFor())) {
                DeadLetter letter = DeadLetter.of(Topic.ASSIGNMENTS.topicName(), held.partition(), held.offset(), held.timestamp(),
                        held.key(), held.value(), new RecordHeaders(), Stage.VALIDATION,
                        new InvalidRecordException(UNKNOWN_INCIDENT, "assignment for incident " + held.made().incidentId()
                                + ", which was not opened within " + hold.holdFor() + " of it"),
                        Optional.of(ROUTER));
                for (ProducerRecord<byte[], byte[]> written : DeadLetterQueue.from(context.appConfigs()).divert(letter)) {
                    context.forward(new Record<>(held.made().incidentId(), new Letter(written.key(), written.value()),
                            held.timestamp(), written.headers()));
                }
            }
        }
    }

    /** A dead letter for {@code cad.assignments.dlq}; its headers travel on the record. */
    record Letter(byte[] key, byte[] value) {
    }

    private static EarlyAssignments earlyAssignments(ProcessorContext<?, ?> context, EarlyHold hold, MeterRegistry meters) {
        return new EarlyAssignments(context.getStateStore(DispatchTopology.EARLY_ASSIGNMENTS_STORE),
                context.getStateStore(DispatchTopology.EARLY_ASSIGNMENTS_COUNT_STORE), hold, meters);
    }
}
