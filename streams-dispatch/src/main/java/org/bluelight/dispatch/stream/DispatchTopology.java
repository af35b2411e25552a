package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.dispatch.app.TaskingSettings;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.desk.IncidentCase;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.runtime.deadletter.PoisonRecordGuard;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;

/**
 * The dispatch app, top to bottom.
 *
 * <ol>
 *   <li><b>Live availability</b>, keyed by officer id: status, coverage impact and the fixes that
 *       move a unit enough to matter update one table of units ({@value #OFFICERS_STORE}); fixes are
 *       read in a task of their own, which sends on only those ({@link DeskForwarding#movesOn},
 *       {@value #MOVES_SENT_STORE}, through {@value #MOVES}). Changes go on to the unit's dispatch
 *       group, a move only when the unit has moved or the desk's position aged enough to matter
 *       ({@link DeskForwarding}; {@value #AT_DESK_STORE} keeps what the desk last got). Bad input (an id, time or team size beyond the {@link InputLimits}, a
 *       position off the map) is dead-lettered here, before any repartition, so it lands in its own
 *       topic's {@code .dlq}. A fix or coverage impact read before the officer's first status is
 *       held for it ({@value #EARLY_UPDATES_STORE}, bounded by {@link EarlyHold}), not refused:
 *       topics are not read in step.</li>
 *   <li><b>Incidents and assignments</b>, keyed by incident id: checked (unknown grade, no dispatch
 *       group), then routed to the incident's dispatch group ({@value #INCIDENT_GROUPS_STORE}
 *       remembers it for assignments). An assignment read before its incident is held for it
 *       ({@value #EARLY_ASSIGNMENTS_STORE}, bounded by {@link EarlyHold}) and dead-lettered only
 *       if the incident does not come in time.</li>
 *   <li><b>Re-keyed by dispatch group</b> through one repartition topic, so all the work of a
 *       group is in one partition, in one order.</li>
 *   <li><b>The dispatch desk</b> per group partition: its units, open incidents and backlog in
 *       local stores, the plain-Java {@link org.bluelight.dispatch.desk.Dispatcher} deciding;
 *       recommendations to {@code dispatch.recommendations}, backlog snapshots to
 *       {@code dispatch.backlog}.</li>
 *   <li><b>Idle officers</b> ({@link TaskingTopology}): move-ups to {@code dispatch.moveups}, hot-spot patrol
 *       visits to {@code dispatch.patrol-tasks}.</li>
 * </ol>
 */
public final class DispatchTopology {

    public static final String OFFICERS_STORE = "officer-availability";
    public static final String AT_DESK_STORE = "officer-at-desk";
    public static final String INCIDENT_GROUPS_STORE = "incident-groups";
    public static final String GROUP_OFFICERS_STORE = "group-officers";
    public static final String CASES_STORE = "group-incidents";
    public static final String BACKLOG_STORE = "group-backlog";
    public static final String LATEST_RECOMMENDATIONS_STORE = "latest-recommendations";
    public static final String EARLY_UPDATES_STORE = "officer-early-updates";
    public static final String EARLY_COUNT_STORE = "officer-early-count";
    public static final String EARLY_ASSIGNMENTS_STORE = "incident-early-assignments";
    public static final String EARLY_ASSIGNMENTS_COUNT_STORE = "incident-early-count";
    public static final String GROUP_EVENTS = "group-events";
    public static final String MOVES_SENT_STORE = "officer-moves-sent";
    public static final String MOVES = "officer-moves";

    private DispatchTopology() {
    }

    /**
     * @param limits what a record may say (ids, team sizes, times near its timestamp); beyond them it is dead-lettered
     * @param early  how many officers' updates, and for how long, are held until their first status
     * @param meters where the input corrections and early updates are counted
     */
    public static Topology build(AppSerdes serdes, DispatchRules rules, InputLimits limits, EarlyHold early,
                                 TravelTimes travelTimes, MeterRegistry meters) {
        return build(serdes, rules, limits, early, DeskForwarding.defaults(), DeskLimits.defaults(), travelTimes,
                TaskingSettings.defaults(), meters);
    }

    /**
     * @param forwarding which changes of a unit go on to its dispatch group's desk
     * @param desk       how many units and open incidents a group may hold, and how many incidents a freed unit is offered
     * @param tasking    how idle officers are tasked: move-ups and hot-spot patrol visits ({@link TaskingTopology})
     */
    public static Topology build(AppSerdes serdes, DispatchRules rules, InputLimits limits, EarlyHold early, DeskForwarding forwarding,
                                 DeskLimits desk, TravelTimes travelTimes, TaskingSettings tasking, MeterRegistry meters) {
        return build(serdes, rules, limits, early, forwarding, desk, travelTimes, tasking, false, meters);
    }

    /**
     * @param commitOnIncident whether the incident router and the desk ask for a commit as soon as they have passed an
     *                         incident on (its group event, a recommendation), instead of leaving it to
     *                         {@code commit.interval.ms}: under exactly-once each of the incident's two hops is visible
     *                         only at a commit ({@code dispatch.commit.on.incident}; a live incident's, see {@link CommitOnIncident})
     */
    public static Topology build(AppSerdes serdes, DispatchRules rules, InputLimits limits, EarlyHold early, DeskForwarding forwarding,
                                 DeskLimits desk, TravelTimes travelTimes, TaskingSettings tasking, boolean commitOnIncident,
                                 MeterRegistry meters) {
        StreamsBuilder builder = PoisonRecordGuard.streamsBuilder();
        CommitOnIncident commit = new CommitOnIncident(commitOnIncident);
        Inbound inbound = new Inbound(rules, limits, meters);
        Serde<String> ids = Serdes.String();

        // 1. Live availability, keyed by officer id; updates that come before the first status are held.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OFFICERS_STORE),
                ids, OfficerSerde.create()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AT_DESK_STORE),
                ids, OfficerSerde.create()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EARLY_UPDATES_STORE),
                ids, JsonSerde.of(EarlyUpdate.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EARLY_COUNT_STORE),
                ids, Serdes.Long()));
        String[] officerStores = {OFFICERS_STORE, AT_DESK_STORE, EARLY_UPDATES_STORE, EARLY_COUNT_STORE};
        KStream<String, GroupEvent> statusChanges = builder
                .stream(Topic.OFFICER_STATUS.topicName(), serdes.consumed(Topic.OFFICER_STATUS))
                .process(() -> new StatusProcessor(inbound, early, forwarding, meters), Named.as("officer-status"), officerStores);
        KStream<String, GroupEvent> moves = movesOf(builder, serdes, inbound, forwarding)
                .process(() -> new PositionProcessor(early, forwarding, meters), Named.as("officer-move"), officerStores);
        KStream<String, GroupEvent> coverage = builder
                .stream(Topic.OFFICER_IMPACT.topicName(), serdes.consumed(Topic.OFFICER_IMPACT))
                .process(() -> new CoverageProcessor(inbound, early, forwarding, meters), Named.as("officer-coverage"), officerStores);

        // 2. Incidents and assignments, keyed by incident id.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENT_GROUPS_STORE),
                ids, ids));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EARLY_ASSIGNMENTS_STORE),
                ids, JsonSerde.of(EarlyAssignments.Waiting.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EARLY_ASSIGNMENTS_COUNT_STORE),
                ids, Serdes.Long()));
        String[] incidentStores = {INCIDENT_GROUPS_STORE, EARLY_ASSIGNMENTS_STORE, EARLY_ASSIGNMENTS_COUNT_STORE};
        KStream<String, GroupEvent> incidents = builder
                .stream(Topic.INCIDENTS.topicName(), serdes.consumed(Topic.INCIDENTS))
                .process(() -> new IncidentRouter.Incidents(inbound, early, commit, meters), Named.as("incident-router"), incidentStores);
        KStream<String, Object> routedAssignments = builder
                .stream(Topic.ASSIGNMENTS.topicName(), serdes.consumed(Topic.ASSIGNMENTS))
                .process(() -> new IncidentRouter.Assignments(inbound, early, serdes, meters), Named.as(IncidentRouter.ROUTER),
                        incidentStores);
        KStream<String, GroupEvent> assignments = routedAssignments
                .filter((key, value) -> value instanceof GroupEvent, Named.as("assignments-routed"))
                .mapValues(value -> (GroupEvent) value);
        // Assignments whose incident never came, to their dead-letter topic.
        routedAssignments.filter((key, value) -> value instanceof IncidentRouter.Letter, Named.as("assignments-expired"))
                .map((key, value) -> KeyValue.pair(((IncidentRouter.Letter) value).key(), ((IncidentRouter.Letter) value).value()))
                .to(Topic.ASSIGNMENTS.topicName() + Topic.DLQ_SUFFIX, Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("write-expired-assignments"));

        // 3. Everything re-keyed by dispatch group, in one partition per group.
        KStream<String, GroupEvent> byGroup = statusChanges.merge(moves).merge(coverage).merge(incidents).merge(assignments)
                .repartition(Repartitioned.<String, GroupEvent>as(GROUP_EVENTS)
                        .withKeySerde(ids).withValueSerde(GroupEventSerde.create()));

        // 4. The dispatch desk per group.
        addDesk(builder, byGroup, serdes, new Recommender(rules, travelTimes), desk, commit);

        // 5. Idle officers: move-ups and hot-spot patrol tasks, in one tasking partition.
        TaskingTopology.addTo(builder, byGroup, serdes, inbound, limits, tasking);
        return builder.build();
    }

    /**
     * Step 1's fixes, read by a task whose only input is {@code officer.telematics}: checked there, and only those
     * {@link DeskForwarding#movesOn} passes (one in eight in {@code bench telematics}) go on to the officer table, through
     * {@value #MOVES}, keyed by officer id as before. Read with the table's other inputs, every fix cost Kafka Streams'
     * check of each empty one (with {@code max.task.idle.ms=0}, two formatted log messages each, whatever the log level).
     */
    private static KStream<String, Inbound.PositionUpdate> movesOf(StreamsBuilder builder, AppSerdes serdes, Inbound inbound,
                                                                   DeskForwarding forwarding) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MOVES_SENT_STORE),
                Serdes.String(), PositionSerde.create()));
        return builder.stream(Topic.TELEMATICS.topicName(), serdes.consumed(Topic.TELEMATICS))
                .process(() -> new FixProcessor(inbound, forwarding), Named.as("officer-position"), MOVES_SENT_STORE)
                .repartition(Repartitioned.<String, Inbound.PositionUpdate>as(MOVES)
                        .withKeySerde(Serdes.String()).withValueSerde(PositionSerde.create()));
    }

    /**
     * The dispatch desk alone, reading its group events from {@code groupEvents} as the app's desk reads its
     * repartition topic: the crash audit replays a run's recorded desk input through it.
     */
    public static Topology desk(String groupEvents, AppSerdes serdes, DispatchRules rules, DeskLimits desk, TravelTimes travelTimes) {
        StreamsBuilder builder = new StreamsBuilder();
        addDesk(builder, builder.stream(groupEvents, Consumed.with(Serdes.String(), GroupEventSerde.create())), serdes,
                new Recommender(rules, travelTimes), desk, CommitOnIncident.OFF);
        return builder.build();
    }

    /** Step 4: the desk's stores and processor, its recommendations and backlog snapshots to their topics. */
    private static void addDesk(StreamsBuilder builder, KStream<String, GroupEvent> byGroup, AppSerdes serdes, Recommender recommender,
                                DeskLimits desk, CommitOnIncident commit) {
        Serde<String> ids = Serdes.String();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUP_OFFICERS_STORE),
                ids, OfficerSerde.create()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES_STORE),
                ids, JsonSerde.of(IncidentCase.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BACKLOG_STORE),
                ids, JsonSerde.of(WaitingIncident.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_RECOMMENDATIONS_STORE),
                ids, serdes.storeValueSerde(LATEST_RECOMMENDATIONS_STORE, Topic.RECOMMENDATIONS)));
        KStream<String, SpecificRecord> published = byGroup.process(() -> new DispatchProcessor(recommender, desk, commit),
                Named.as("dispatch-desk"), GROUP_OFFICERS_STORE, CASES_STORE, BACKLOG_STORE, LATEST_RECOMMENDATIONS_STORE);

        published.filter((key, value) -> value instanceof Recommendation, Named.as("recommendations"))
                .mapValues(value -> (Recommendation) value)
                .to(Topic.RECOMMENDATIONS.topicName(), serdes.produced(Topic.RECOMMENDATIONS));
        published.filter((key, value) -> value instanceof BacklogSnapshot, Named.as("backlog-snapshots"))
                .mapValues(value -> (BacklogSnapshot) value)
                .to(Topic.BACKLOG.topicName(), serdes.produced(Topic.BACKLOG));
    }
}
