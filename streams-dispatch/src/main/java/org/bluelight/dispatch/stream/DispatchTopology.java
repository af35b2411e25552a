package org.bluelight.dispatch.stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.desk.IncidentCase;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;

/**
 * The dispatch app, top to bottom.
 *
 * <ol>
 *   <li><b>Live availability</b>, keyed by officer id: status, telematics and coverage impact
 *       update one table of units ({@value #OFFICERS_STORE}); every change goes on to the unit's
 *       dispatch group. Bad input (unknown officer, position off the map) is dead-lettered here,
 *       before any repartition, so it lands in its own topic's {@code .dlq}.</li>
 *   <li><b>Incidents and assignments</b>, keyed by incident id: checked (unknown grade, no dispatch
 *       group), then routed to the incident's dispatch group ({@value #INCIDENT_GROUPS_STORE}
 *       remembers it for assignments).</li>
 *   <li><b>Re-keyed by dispatch group</b> through one repartition topic, so all the work of a
 *       group is in one partition, in one order.</li>
 *   <li><b>The dispatch desk</b> per group partition: its units, open incidents and backlog in
 *       local stores, the plain-Java {@link org.bluelight.dispatch.desk.Dispatcher} deciding;
 *       recommendations to {@code dispatch.recommendations}, backlog snapshots to
 *       {@code dispatch.backlog}.</li>
 * </ol>
 */
public final class DispatchTopology {

    public static final String OFFICERS_STORE = "officer-availability";
    public static final String INCIDENT_GROUPS_STORE = "incident-groups";
    public static final String GROUP_OFFICERS_STORE = "group-officers";
    public static final String CASES_STORE = "group-incidents";
    public static final String BACKLOG_STORE = "group-backlog";
    public static final String LATEST_RECOMMENDATIONS_STORE = "latest-recommendations";
    public static final String GROUP_EVENTS = "group-events";

    private DispatchTopology() {
    }

    public static Topology build(AppSerdes serdes, DispatchRules rules, TravelTimes travelTimes) {
        StreamsBuilder builder = new StreamsBuilder();
        Inbound inbound = new Inbound(rules);
        Serde<String> ids = Serdes.String();

        // 1. Live availability, keyed by officer id.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OFFICERS_STORE),
                ids, JsonSerde.of(Officer.class)));
        KStream<String, GroupEvent> statusChanges = builder
                .stream(Topic.OFFICER_STATUS.topicName(), serdes.consumed(Topic.OFFICER_STATUS))
                .process(() -> new StatusProcessor(inbound), Named.as("officer-status"), OFFICERS_STORE);
        KStream<String, GroupEvent> moves = builder
                .stream(Topic.TELEMATICS.topicName(), serdes.consumed(Topic.TELEMATICS))
                .process(() -> new PositionProcessor(inbound), Named.as("officer-position"), OFFICERS_STORE);
        KStream<String, GroupEvent> coverage = builder
                .stream(Topic.OFFICER_IMPACT.topicName(), serdes.consumed(Topic.OFFICER_IMPACT))
                .process(CoverageProcessor::new, Named.as("officer-coverage"), OFFICERS_STORE);

        // 2. Incidents and assignments, keyed by incident id.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENT_GROUPS_STORE),
                ids, ids));
        KStream<String, GroupEvent> incidents = builder
                .stream(Topic.INCIDENTS.topicName(), serdes.consumed(Topic.INCIDENTS))
                .process(() -> new IncidentRouter.Incidents(inbound), Named.as("incident-router"), INCIDENT_GROUPS_STORE);
        KStream<String, GroupEvent> assignments = builder
                .stream(Topic.ASSIGNMENTS.topicName(), serdes.consumed(Topic.ASSIGNMENTS))
                .process(IncidentRouter.Assignments::new, Named.as("assignment-router"), INCIDENT_GROUPS_STORE);

        // 3. Everything re-keyed by dispatch group, in one partition per group.
        KStream<String, GroupEvent> byGroup = statusChanges.merge(moves).merge(coverage).merge(incidents).merge(assignments)
                .repartition(Repartitioned.<String, GroupEvent>as(GROUP_EVENTS)
                        .withKeySerde(ids).withValueSerde(JsonSerde.of(GroupEvent.class)));

        // 4. The dispatch desk per group.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUP_OFFICERS_STORE),
                ids, JsonSerde.of(Officer.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES_STORE),
                ids, JsonSerde.of(IncidentCase.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BACKLOG_STORE),
                ids, JsonSerde.of(WaitingIncident.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_RECOMMENDATIONS_STORE),
                ids, serdes.valueSerde(Topic.RECOMMENDATIONS)));
        Recommender recommender = new Recommender(rules, travelTimes);
        KStream<String, SpecificRecord> published = byGroup.process(() -> new DispatchProcessor(recommender),
                Named.as("dispatch-desk"), GROUP_OFFICERS_STORE, CASES_STORE, BACKLOG_STORE, LATEST_RECOMMENDATIONS_STORE);

        published.filter((key, value) -> value instanceof Recommendation, Named.as("recommendations"))
                .mapValues(value -> (Recommendation) value)
                .to(Topic.RECOMMENDATIONS.topicName(), serdes.produced(Topic.RECOMMENDATIONS));
        published.filter((key, value) -> value instanceof BacklogSnapshot, Named.as("backlog-snapshots"))
                .mapValues(value -> (BacklogSnapshot) value)
                .to(Topic.BACKLOG.topicName(), serdes.produced(Topic.BACKLOG));
        return builder.build();
    }
}
