package org.bluelight.dispatch.stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.dispatch.app.TaskingSettings;
import org.bluelight.dispatch.moveup.DemandCell;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.Topic;

/**
 * The dispatch app's tasking of idle officers, top to bottom:
 * <ol>
 *   <li>coverage cells, dispatchers' task decisions, hot spots and trial allocations are checked as they are read
 *       (refused ones are dead-lettered with their reason);</li>
 *   <li>with the dispatch desk's officer changes, everything is re-keyed to one tasking partition
 *       ({@value #TASKING_EVENTS}): move-ups weigh officers of a group against cells anywhere, and a force's
 *       officers and cells fit one partition;</li>
 *   <li>the tasking desk ({@link TaskingProcessor}) re-plans every {@code tasking.interval.ms}:
 *       {@code dispatch.moveups} and {@code dispatch.patrol-tasks}, keyed by officer id.</li>
 * </ol>
 */
final class TaskingTopology {

    static final String TASKING_EVENTS = "tasking-events";
    static final String OFFICERS_STORE = "tasking-officers";
    static final String CELLS_STORE = "tasking-cells";
    static final String MOVEUPS_STORE = "tasking-moveups";
    static final String PATROLS_STORE = "tasking-patrols";
    static final String HOTSPOTS_STORE = "tasking-hotspots";
    static final String ARMS_STORE = "tasking-arms";
    static final String LEDGER_STORE = "tasking-ledger";
    private static final String FORCE = "force";

    private TaskingTopology() {
    }

    static void addTo(StreamsBuilder builder, KStream<String, GroupEvent> groupEvents, AppSerdes serdes,
                      Inbound inbound, InputLimits limits, TaskingSettings settings) {
        TaskingIntake intake = new TaskingIntake(inbound, limits);
        Serde<String> ids = Serdes.String();

        // 1. Checked inputs.
        KStream<String, TaskingEvent> cells = builder.stream(Topic.COVERAGE_CELLS.topicName(), serdes.consumed(Topic.COVERAGE_CELLS))
                .processValues(RecordCheck.with(intake::cell), Named.as("validate-coverage-cell"));
        KStream<String, TaskingEvent> decisions = builder.stream(Topic.TASK_DECISIONS.topicName(), serdes.consumed(Topic.TASK_DECISIONS))
                .processValues(RecordCheck.with(intake::decision), Named.as("validate-task-decision"));
        KStream<String, TaskingEvent> hotSpots = builder.stream(Topic.HOTSPOTS.topicName(), serdes.consumed(Topic.HOTSPOTS))
                .processValues(RecordCheck.with(intake::hotSpot), Named.as("validate-hot-spot"));
        KStream<String, TaskingEvent> arms = builder.stream(Topic.TRIAL_ALLOCATIONS.topicName(), serdes.consumed(Topic.TRIAL_ALLOCATIONS))
                .processValues(RecordCheck.with(intake::allocation), Named.as("validate-trial-allocation"))
                .selectKey((key, event) -> FORCE, Named.as("allocations-to-force"));
        KStream<String, TaskingEvent> officers = groupEvents
                .filter((group, event) -> event instanceof GroupEvent.OfficerUpdated || event instanceof GroupEvent.OfficerLeft,
                        Named.as("officer-changes"))
                .mapValues(TaskingTopology::officerEvent, Named.as("officer-tasking-events"));

        // 2. One partition for the force's tasking.
        KStream<String, TaskingEvent> events = cells.merge(decisions).merge(hotSpots).merge(officers)
                .selectKey((key, event) -> FORCE, Named.as("to-force")).merge(arms)
                .repartition(Repartitioned.<String, TaskingEvent>as(TASKING_EVENTS)
                        .withKeySerde(ids).withValueSerde(JsonSerde.of(TaskingEvent.class)).withNumberOfPartitions(1));

        // 3. The tasking desk.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OFFICERS_STORE), ids, OfficerSerde.create()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CELLS_STORE), ids, JsonSerde.of(DemandCell.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MOVEUPS_STORE), ids,
                serdes.storeValueSerde(MOVEUPS_STORE, Topic.MOVEUPS)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PATROLS_STORE), ids,
                serdes.storeValueSerde(PATROLS_STORE, Topic.PATROL_TASKS)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOTSPOTS_STORE), ids,
                JsonSerde.of(TaskingEvent.HotSpotPlaced.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARMS_STORE), ids, ids));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), ids, Serdes.Long()));
        KStream<String, SpecificRecord> tasked = events.process(() -> new TaskingProcessor(settings), Named.as("tasking-desk"),
                OFFICERS_STORE, CELLS_STORE, MOVEUPS_STORE, PATROLS_STORE, HOTSPOTS_STORE, ARMS_STORE, LEDGER_STORE);
        tasked.filter((officerId, value) -> value instanceof MoveUpRecommendation, Named.as("moveups"))
                .mapValues(value -> (MoveUpRecommendation) value)
                .to(Topic.MOVEUPS.topicName(), serdes.produced(Topic.MOVEUPS));
        tasked.filter((officerId, value) -> value instanceof PatrolTaskRecommendation, Named.as("patrol-tasks"))
                .mapValues(value -> (PatrolTaskRecommendation) value)
                .to(Topic.PATROL_TASKS.topicName(), serdes.produced(Topic.PATROL_TASKS));
    }

    private static TaskingEvent officerEvent(GroupEvent event) {
        return event instanceof GroupEvent.OfficerUpdated updated
                ? new TaskingEvent.OfficerChanged(updated.officer())
                : new TaskingEvent.OfficerGone(((GroupEvent.OfficerLeft) event).officerId());
    }
}
