package org.bluelight.metrics.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.metrics.fsu.CallInput;
import org.bluelight.metrics.fsu.CallInputSerde;
import org.bluelight.metrics.fsu.CallRecord;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.OfficerEngagement;
import org.bluelight.metrics.fsu.OfficerSignalSerde;
import org.bluelight.metrics.fsu.PersonLedger;
import org.bluelight.metrics.fsu.PersonLedgerSerde;
import org.bluelight.metrics.fsu.PersonUpdate;
import org.bluelight.metrics.fsu.PersonUpdateSerde;
import org.bluelight.metrics.fsu.RecordLinks;
import org.bluelight.metrics.intake.HotSpotIntake;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.metrics.patrol.TrackState;
import org.bluelight.metrics.response.GradeWindowSerde;
import org.bluelight.metrics.response.GroupAvailabilitySerde;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.GroupInputSerde;
import org.bluelight.metrics.response.IncidentResponseSerde;
import org.bluelight.metrics.response.ResponseInput;
import org.bluelight.metrics.response.ResponseInputSerde;
import org.bluelight.metrics.response.ResponseKpiMeters;
import org.bluelight.metrics.trial.ContributionLedger;
import org.bluelight.metrics.trial.HotSpotDayChange;
import org.bluelight.metrics.trial.HotSpotDayChangeSerde;
import org.bluelight.metrics.trial.HotSpotDayState;
import org.bluelight.metrics.trial.OccurrencePlacer;
import org.bluelight.metrics.trial.OccurrenceVersion;
import org.bluelight.metrics.trial.OccurrenceVersionSerde;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.PoisonRecordGuard;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.Topic;

/**
 * The metrics app, top to bottom. Each step's decisions are made by the plain-Java classes of
 * {@code trial}, {@code patrol}, {@code fsu} and {@code response}, called from one small processor
 * per step in this package; intermediate records are JSON ({@link JsonSerde}), or binary
 * ({@link org.bluelight.metrics.state.StateFormat}) where a replay reads and writes many of them,
 * published ones the Avro contracts.
 *
 * <ol>
 *   <li><b>Inputs</b>: incidents, statuses, crime records (and later telematics, allocations,
 *       custody records) are checked as they are read, before any repartition, so refused records
 *       reach their topic's {@code .dlq}. Hot spots fill a global store and the shared
 *       {@link HotSpotCatalogue} on every instance.</li>
 *   <li><b>Hot spots trial</b> (the Thames Valley hot-spot trial protocol): incidents and crime
 *       records are placed in hot spots and classified ({@link OccurrencePlacer}), and meet their
 *       {@link ContributionLedger} per occurrence; officers' tracks give patrol dosage; the trial
 *       schedule sets each hot-spot-day's arm. All three sum into one table per hot-spot-day,
 *       published to {@code metrics.hotspot-trial}.</li>
 *   <li><b>Frequent service users</b> (the West Midlands frequent-service-users method): officers'
 *       engagement, from statuses and assignments, meets each call; calls, crime and custody
 *       records link people; everyone's ledger, in one partition, is ranked on a schedule and the
 *       changed tallies published to {@code metrics.fsu}.</li>
 *   <li><b>Response KPIs</b>: first arrivals meet their incidents, and each dispatch group's
 *       response samples meet its officers' status changes in hourly and daily KPI windows,
 *       published to {@code metrics.response}.</li>
 * </ol>
 */
public final class MetricsTopology {

    public static final String HOTSPOTS_STORE = "hotspots";
    public static final String TRIAL_LEDGER_STORE = "trial-ledger";
    /** The latest time of each input partition feeding a trial-ledger task: its low watermark. */
    public static final String TRIAL_SOURCES_STORE = "trial-input-sources";
    /** Ledger entries by the time they are kept until, so a purge reads only what is due. */
    public static final String TRIAL_LEDGER_TIMES_STORE = "trial-ledger-times";
    public static final String TRACKS_STORE = "patrol-tracks";
    public static final String HOTSPOT_DAYS_STORE = "hotspot-days";
    public static final String OFFICER_INCIDENT_STORE = "officer-incident";
    public static final String CALLS_STORE = "fsu-calls";
    public static final String RECORD_LINKS_STORE = "fsu-record-links";
    public static final String CALL_TIMES_STORE = "fsu-call-times";
    public static final String RECORD_TIMES_STORE = "fsu-record-times";
    /** Everyone's ledger entries, one per person and source. */
    public static final String FSU_ACTIVITIES_STORE = "fsu-person-activities";
    /** Whole ledgers, as earlier versions stored them: moved to {@link #FSU_ACTIVITIES_STORE} at start. */
    public static final String PEOPLE_STORE = "fsu-people";
    /** The latest ranking's top lists, so a restarted app serves them before it ranks again. */
    public static final String FSU_BOARD_STORE = "fsu-board";
    public static final String RESPONSES_STORE = "response-first-arrivals";
    /** Incidents by the time their first-arrival state is kept after, so a purge reads only what is due. */
    public static final String RESPONSE_TIMES_STORE = "response-first-arrival-times";
    /** The latest time of each input partition feeding a first-arrival task: its low watermark. */
    public static final String RESPONSE_SOURCES_STORE = "response-input-sources";
    public static final String KPI_WINDOWS_STORE = "response-windows";
    /** Windows whose final figures are not yet published, by end: closing reads only those due. */
    public static final String OPEN_WINDOWS_STORE = "response-open-windows";
    /** Closed windows, by end: dropping them reads only those past their grace. */
    public static final String CLOSED_WINDOWS_STORE = "response-closed-windows";
    public static final String AVAILABILITY_STORE = "response-availability";
    /** Each group's officer-seconds per KPI window, by group and the local day the windows start on. */
    public static final String OCCUPANCY_DAYS_STORE = "response-occupancy-days";
    /** The same by group and window, as earlier versions stored it: moved to {@link #OCCUPANCY_DAYS_STORE} at start. */
    public static final String OCCUPANCY_STORE = "response-occupancy";
    public static final String SAMPLE_CLOCK_STORE = "response-sample-clock";

    /**
     * Objects the topology shares with the app around it (HTTP views, meters, and where the global
     * hot-spot store's dead letters go, which Kafka Streams cannot write from its global thread).
     */
    public record Shared(HotSpotCatalogue hotSpots, FsuBoard fsuBoard, ResponseKpiMeters kpiMeters, MeterRegistry meters,
                         HotSpotIntake.DeadLetterSink hotSpotDeadLetters) {
    }

    private final AppSerdes serdes;
    private final StreamsBuilder builder = PoisonRecordGuard.streamsBuilder();

    private MetricsTopology(AppSerdes serdes) {
        this.serdes = serdes;
    }

    public static Topology build(MetricsSettings settings, AppSerdes serdes, Shared shared) {
        return new MetricsTopology(serdes).build(settings, shared);
    }

    private Topology build(MetricsSettings settings, Shared shared) {
        stores().values().forEach(builder::addStateStore);

        // 1. Inputs, checked as read; hot spots on every instance.
        InputChecks checks = new InputChecks(settings.inputLimits(), settings.areaLimits());
        KStream<String, IncidentEvent> incidents = stream(Topic.INCIDENTS, checks::incident);
        KStream<String, OfficerStatus> statuses = stream(Topic.OFFICER_STATUS, checks::status);
        KStream<String, CrimeRecord> crimes = stream(Topic.CRIME_RECORDS, checks::crime);
        // Hot spots are read as bytes, so HotSpotIntake dead-letters unreadable records too; the store is persistent,
        // so a restart reprocesses (and dead-letters) only what came after its checkpoint.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOTSPOTS_STORE), Serdes.String(),
                        serdes.valueSerde(Topic.HOTSPOTS)).withLoggingDisabled(),
                Topic.HOTSPOTS.topicName(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-" + Topic.HOTSPOTS.topicName()),
                () -> new HotSpotIntake(HOTSPOTS_STORE, shared.hotSpots(), checks, serdes.valueSerde(Topic.HOTSPOTS).deserializer(),
                        shared.hotSpotDeadLetters()));

        // 2. Hot spots trial.
        // 2a. Each incident or crime record, placed and classified, meets its ledger entry, keyed by occurrence.
        OccurrencePlacer placer = new OccurrencePlacer((lat, lon) -> shared.hotSpots().index().hotSpotsAt(lat, lon),
                settings.trialClock());
        KStream<String, HotSpotDayChange> countChanges = incidents.mapValues(incident -> placer.place(incident))
                .merge(crimes.mapValues(crime -> placer.place(crime)))
                .processValues(() -> new InputPartitionStamp<>(OccurrenceVersion::from), Named.as("trial-input-partitions"))
                .selectKey((key, version) -> version.occurrenceKey())
                .repartition(Repartitioned.with(Serdes.String(), OccurrenceVersionSerde.create()).withName("trial-occurrences"))
                .process(() -> new TrialLedgerProcessor(settings), TRIAL_LEDGER_STORE, TRIAL_SOURCES_STORE,
                        TRIAL_LEDGER_TIMES_STORE);
        // 2b. Patrol dosage from each officer's track, keyed by officer.
        KStream<String, HotSpotDayChange> dosageChanges = stream(Topic.TELEMATICS, checks::fix)
                .process(() -> new DosageProcessor(settings, shared.hotSpots(), shared.meters()), TRACKS_STORE);
        // 2c. The schedule sets each hot-spot-day's arm.
        KStream<String, HotSpotDayChange> armChanges = stream(Topic.TRIAL_ALLOCATIONS, checks::allocation)
                .map((key, allocation) -> {
                    HotSpotDayChange change = HotSpotDayChange.allocation(allocation.getHotSpotId(), allocation.getTrialDay(),
                            allocation.getArm(), Instant.EPOCH);
                    return KeyValue.pair(change.dayKey(), change);
                });
        // 2d. The changes sum into each hot-spot-day's state, published whole at every change.
        countChanges.merge(dosageChanges).merge(armChanges)
                .selectKey((key, change) -> change.dayKey())
                .groupByKey(Grouped.with("hotspot-day-changes", Serdes.String(), HotSpotDayChangeSerde.create()))
                .aggregate(() -> null,
                        (key, change, state) -> (state == null ? HotSpotDayState.empty(change.hotSpotId(), change.trialDay()) : state).apply(change),
                        Materialized.<String, HotSpotDayState, KeyValueStore<Bytes, byte[]>>as(HOTSPOT_DAYS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(HotSpotDayState.class)))
                .toStream()
                .map((key, state) -> KeyValue.pair(new HotSpotDayKey(state.hotSpotId(), state.trialDay()), state.toAvro()))
                .to(Topic.HOTSPOT_TRIAL.topicName(), serdes.produced(Topic.HOTSPOT_TRIAL).withName("write-" + Topic.HOTSPOT_TRIAL.topicName()));

        // 3. Frequent service users.
        // 3a. Resource engagement, from status changes and dispatcher assignments, keyed by officer.
        KStream<String, CallInput> resourceEvents = statuses
                .mapValues(OfficerEngagement.Signal::of)
                .merge(stream(Topic.ASSIGNMENTS, checks::assignment).flatMapValues(OfficerEngagement.Signal::of))
                .selectKey((key, signal) -> signal.officerId())
                .repartition(Repartitioned.with(Serdes.String(), OfficerSignalSerde.create()).withName("fsu-officer-signals"))
                .process(EngagementProcessor::new, OFFICER_INCIDENT_STORE)
                .mapValues(CallInput::resource);
        // 3b. ... meets each call, keyed by incident: the people each call links.
        KStream<String, PersonUpdate> callLinks = incidents
                .mapValues(incident -> CallInput.facts(CallRecord.Facts.of(incident)))
                .merge(resourceEvents)
                .repartition(Repartitioned.with(Serdes.String(), CallInputSerde.create()).withName("fsu-calls"))
                .process(() -> new CallProcessor(settings.retention()), CALLS_STORE, CALL_TIMES_STORE);
        // 3c. The people each crime and custody record links, keyed by record.
        KStream<String, PersonUpdate> recordLinks = crimes
                .map((key, crime) -> KeyValue.pair(PersonLedger.crimeKey(crime.getCrimeId()), RecordLinks.of(crime)))
                .merge(stream(Topic.CUSTODY_RECORDS, checks::custody)
                        .map((key, custody) -> KeyValue.pair(PersonLedger.custodyKey(custody.getCustodyId()), RecordLinks.of(custody))))
                .process(() -> new RecordLinksProcessor(settings.retention()), RECORD_LINKS_STORE, RECORD_TIMES_STORE);
        // 3d. Everyone's ledger, ranked on a schedule. One partition: the ranking normalises over
        // everyone, and FSU volume is small (calls, crimes, custody).
        callLinks.merge(recordLinks)
                .selectKey((key, update) -> update.personId())
                .repartition(Repartitioned.with(Serdes.String(), PersonUpdateSerde.create())
                        .withName("fsu-people").withNumberOfPartitions(1))
                .process(() -> new FsuRankingProcessor(settings, shared.fsuBoard()), FSU_ACTIVITIES_STORE, PEOPLE_STORE, FSU_BOARD_STORE)
                .to(Topic.FSU.topicName(), serdes.produced(Topic.FSU).withName("write-" + Topic.FSU.topicName()));

        // 4. Response KPIs.
        // 4a. First arrivals meet their incidents, keyed by incident: one response sample each ...
        KStream<String, ResponseInput> arrivals = statuses
                .filter((key, status) -> status.getState() == OfficerState.ON_SCENE && status.getIncidentId() != null)
                .map((key, status) -> KeyValue.pair(status.getIncidentId(), ResponseInput.arrival(status.getIncidentId(), status.getChangedAt())));
        KStream<String, GroupInput> samples = incidents
                .mapValues(ResponseInput::incident)
                .merge(arrivals)
                .processValues(() -> new InputPartitionStamp<>(ResponseInput::from), Named.as("response-input-partitions"))
                .repartition(Repartitioned.with(Serdes.String(), ResponseInputSerde.create()).withName("response-inputs"))
                .process(() -> new FirstArrivalProcessor(settings, shared.meters()), RESPONSES_STORE, RESPONSE_SOURCES_STORE,
                        RESPONSE_TIMES_STORE);
        // 4b. ... and each dispatch group's samples meet its officers' status changes, for the KPI windows.
        statuses
                .selectKey((key, status) -> status.getDispatchGroup())
                .mapValues(status -> GroupInput.status(status.getOfficerId(), status.getState(), status.getChangedAt()))
                .merge(samples.selectKey((key, input) -> input.sample().dispatchGroup()))
                .repartition(Repartitioned.with(Serdes.String(), GroupInputSerde.create()).withName("response-groups"))
                .process(() -> new ResponseKpiProcessor(settings, shared.meters()), KPI_WINDOWS_STORE, OPEN_WINDOWS_STORE,
                        CLOSED_WINDOWS_STORE, AVAILABILITY_STORE, OCCUPANCY_STORE, OCCUPANCY_DAYS_STORE, SAMPLE_CLOCK_STORE)
                .peek((key, kpi) -> shared.kpiMeters().record(kpi))
                .to(Topic.RESPONSE_KPIS.topicName(), serdes.produced(Topic.RESPONSE_KPIS).withName("write-" + Topic.RESPONSE_KPIS.topicName()));

        return builder.build();
    }

    /**
     * A contract topic's records that pass {@code check}; refused ones go to the topic's dead-letter
     * topic, as do records with no key, and tombstones on a topic that deletes by time. On a compacted
     * topic a tombstone is the source deleting a record: the figures keep its last version.
     */
    private <K, V extends SpecificRecord> KStream<K, V> stream(Topic<K, V> topic, BiFunction<V, Instant, Result<V>> check) {
        KStream<K, V> read = builder.stream(topic.topicName(), serdes.consumed(topic).withName("read-" + topic.topicName()));
        if (topic.compacted()) {
            read = read.filter((key, value) -> value != null, Named.as("present-" + topic.topicName()));
        }
        return read.processValues(RecordCheck.<K, V, V>with((key, value, recordTime) -> {
            if (key == null) {
                return Result.invalid(RecordCheck.NULL_KEY, "a record with no key on " + topic.topicName());
            }
            if (value == null) {
                return Result.invalid(RecordCheck.TOMBSTONE, "a tombstone on " + topic.topicName() + ", which is not compacted");
            }
            return check.apply(value, recordTime);
        }), Named.as("validate-" + topic.topicName()));
    }

    /** The processors' own state stores, by name. */
    private static Map<String, StoreBuilder<?>> stores() {
        Map<String, StoreBuilder<?>> stores = new HashMap<>();
        stores.put(TRIAL_LEDGER_STORE, store(TRIAL_LEDGER_STORE, JsonSerde.of(ContributionLedger.Entry.class)));
        stores.put(TRIAL_SOURCES_STORE, store(TRIAL_SOURCES_STORE, Serdes.Long()));
        stores.put(TRIAL_LEDGER_TIMES_STORE, store(TRIAL_LEDGER_TIMES_STORE, Serdes.String()));
        stores.put(TRACKS_STORE, store(TRACKS_STORE, JsonSerde.of(TrackState.class)));
        stores.put(OFFICER_INCIDENT_STORE, store(OFFICER_INCIDENT_STORE, Serdes.String()));
        stores.put(CALLS_STORE, store(CALLS_STORE, JsonSerde.of(CallRecord.class)));
        stores.put(RECORD_LINKS_STORE, store(RECORD_LINKS_STORE, JsonSerde.of(new TypeReference<Set<String>>() { })));
        stores.put(CALL_TIMES_STORE, store(CALL_TIMES_STORE, Serdes.Long()));
        stores.put(RECORD_TIMES_STORE, store(RECORD_TIMES_STORE, Serdes.Long()));
        stores.put(FSU_ACTIVITIES_STORE, store(FSU_ACTIVITIES_STORE, PersonLedgerSerde.activity()));
        stores.put(PEOPLE_STORE, store(PEOPLE_STORE, PersonLedgerSerde.create()));
        stores.put(FSU_BOARD_STORE, store(FSU_BOARD_STORE, JsonSerde.of(FsuBoard.Snapshot.class)));
        stores.put(RESPONSES_STORE, store(RESPONSES_STORE, IncidentResponseSerde.create()));
        stores.put(RESPONSE_SOURCES_STORE, store(RESPONSE_SOURCES_STORE, Serdes.Long()));
        stores.put(KPI_WINDOWS_STORE, store(KPI_WINDOWS_STORE, GradeWindowSerde.create()));
        stores.put(OPEN_WINDOWS_STORE, store(OPEN_WINDOWS_STORE, Serdes.String()));
        stores.put(CLOSED_WINDOWS_STORE, store(CLOSED_WINDOWS_STORE, Serdes.String()));
        stores.put(RESPONSE_TIMES_STORE, store(RESPONSE_TIMES_STORE, Serdes.String()));
        stores.put(AVAILABILITY_STORE, store(AVAILABILITY_STORE, GroupAvailabilitySerde.create()));
        stores.put(OCCUPANCY_STORE, store(OCCUPANCY_STORE, GroupAvailabilitySerde.occupancy()));
        stores.put(OCCUPANCY_DAYS_STORE, store(OCCUPANCY_DAYS_STORE, GroupAvailabilitySerde.dayOccupancy()));
        stores.put(SAMPLE_CLOCK_STORE, store(SAMPLE_CLOCK_STORE, Serdes.Long()));
        return stores;
    }

    /**
     * A processor's store, behind the record cache: a key rewritten many times between commits (a
     * group's availability, the sample clock, a busy person's ledger) reaches RocksDB and its
     * changelog once per commit, not at every change (a replay's changelog sends were a tenth of
     * its work). Reads see the latest writes either way.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde).withCachingEnabled();
    }
}
