package org.bluelight.metrics.topology;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.metrics.fsu.CallRecord;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.FsuRanking;
import org.bluelight.metrics.fsu.FsuTotal;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.metrics.fsu.FsuTotals;
import org.bluelight.metrics.fsu.OfficerEngagement;
import org.bluelight.metrics.fsu.PersonLedger;
import org.bluelight.metrics.fsu.PersonLinker;
import org.bluelight.metrics.fsu.PersonUpdate;
import org.bluelight.metrics.fsu.RecordLinks;
import org.bluelight.metrics.fsu.ResourceEvent;
import org.bluelight.metrics.patrol.DosageTracker;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.metrics.patrol.TrackState;
import org.bluelight.metrics.response.IncidentResponse;
import org.bluelight.metrics.response.KpiWindows;
import org.bluelight.metrics.response.ResponseInput;
import org.bluelight.metrics.response.ResponseKpiMeters;
import org.bluelight.metrics.response.ResponseSample;
import org.bluelight.metrics.response.GradeWindow;
import org.bluelight.metrics.response.GroupAvailability;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.ResponseKpis;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.Validate;
import org.bluelight.runtime.serde.AppSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.Named;
import java.util.function.Function;
import org.bluelight.metrics.trial.Contribution;
import org.bluelight.metrics.trial.ContributionLedger;
import org.bluelight.metrics.trial.CrimeFacts;
import org.bluelight.metrics.trial.HotSpotDayChange;
import org.bluelight.metrics.trial.HotSpotDayState;
import org.bluelight.metrics.trial.OccurrenceVersion;
import org.bluelight.metrics.trial.OutcomeClassifier;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.FsuTally;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics app's topology, read top to bottom: hot-spot trial counts and patrol dosage, then
 * frequent-service-user tallies, then response KPIs. Decisions are made by the plain-Java classes
 * of {@code trial}, {@code patrol}, {@code fsu} and {@code response}; this class only wires them to
 * topics and stores. Intermediate records are JSON ({@link JsonSerde}); published records are the
 * Avro contracts.
 */
public final class MetricsTopology {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsTopology.class);

    public static final String HOTSPOTS_STORE = "hotspots";
    public static final String TRIAL_LEDGER_STORE = "trial-ledger";
    public static final String TRACKS_STORE = "patrol-tracks";
    public static final String HOTSPOT_DAYS_STORE = "hotspot-days";
    public static final String OFFICER_INCIDENT_STORE = "officer-incident";
    public static final String CALLS_STORE = "fsu-calls";
    public static final String RECORD_LINKS_STORE = "fsu-record-links";
    public static final String PEOPLE_STORE = "fsu-people";
    public static final String RESPONSES_STORE = "response-first-arrivals";
    public static final String KPI_WINDOWS_STORE = "response-windows";
    public static final String AVAILABILITY_STORE = "response-availability";
    public static final String SAMPLE_CLOCK_STORE = "response-sample-clock";
    /** The sample clock store's one key, per task. */
    private static final String LATEST_SAMPLE = "latest-sample";

    /** Objects the topology shares with the app around it (HTTP views, meters). */
    public record Shared(HotSpotCatalogue hotSpots, FsuBoard fsuBoard, ResponseKpiMeters kpiMeters, MeterRegistry meters) {
    }

    private final MetricsSettings settings;
    private final AppSerdes serdes;
    private final Shared shared;
    private final StreamsBuilder builder = new StreamsBuilder();

    private MetricsTopology(MetricsSettings settings, AppSerdes serdes, Shared shared) {
        this.settings = settings;
        this.serdes = serdes;
        this.shared = shared;
    }

    public static Topology build(MetricsSettings settings, AppSerdes serdes, Shared shared) {
        return new MetricsTopology(settings, serdes, shared).build();
    }

    private Topology build() {
        stores().values().forEach(builder::addStateStore);
        // Every input is checked as it is read, before any repartition, so refused records reach <topic>.dlq.
        KStream<String, IncidentEvent> incidents = stream(Topic.INCIDENTS, InputChecks::incident);
        KStream<String, OfficerStatus> statuses = stream(Topic.OFFICER_STATUS, InputChecks::status);
        KStream<String, CrimeRecord> crimes = stream(Topic.CRIME_RECORDS, InputChecks::crime);

        // --- Hot spots trial -------------------------------------------------------------------
        hotSpotCatalogue();

        // Each incident or crime record, placed in hot spots and classified, meets its ledger entry.
        KStream<String, OccurrenceVersion> incidentVersions = incidents.mapValues(this::occurrenceOf);
        KStream<String, OccurrenceVersion> crimeVersions = crimes.mapValues(this::occurrenceOf);
        KStream<String, HotSpotDayChange> countChanges = incidentVersions.merge(crimeVersions)
                .selectKey((key, version) -> version.occurrenceKey())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(OccurrenceVersion.class)).withName("trial-occurrences"))
                .process(this::ledgerProcessor, TRIAL_LEDGER_STORE);

        // Patrol dosage from each officer's track.
        KStream<String, HotSpotDayChange> dosageChanges = stream(Topic.TELEMATICS, InputChecks::fix)
                .process(this::dosageProcessor, TRACKS_STORE);

        // The schedule sets each hot-spot-day's arm.
        KStream<String, HotSpotDayChange> armChanges = stream(Topic.TRIAL_ALLOCATIONS, InputChecks::allocation)
                .map((key, allocation) -> KeyValue.pair(dayKey(allocation.getHotSpotId(), allocation.getTrialDay()),
                        HotSpotDayChange.allocation(allocation.getHotSpotId(), allocation.getTrialDay(), allocation.getArm(), Instant.EPOCH)));

        countChanges.merge(dosageChanges).merge(armChanges)
                .selectKey((key, change) -> dayKey(change.hotSpotId(), change.trialDay()))
                .groupByKey(Grouped.with("hotspot-day-changes", Serdes.String(), JsonSerde.of(HotSpotDayChange.class)))
                .aggregate(() -> null,
                        (key, change, state) -> (state == null ? HotSpotDayState.empty(change.hotSpotId(), change.trialDay()) : state).apply(change),
                        Materialized.<String, HotSpotDayState, KeyValueStore<Bytes, byte[]>>as(HOTSPOT_DAYS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(HotSpotDayState.class)))
                .toStream()
                .map((key, state) -> KeyValue.pair(new HotSpotDayKey(state.hotSpotId(), state.trialDay()), state.toAvro()))
                .to(Topic.HOTSPOT_TRIAL.topicName(), serdes.produced(Topic.HOTSPOT_TRIAL).withName("write-" + Topic.HOTSPOT_TRIAL.topicName()));

        // --- Frequent service users ------------------------------------------------------------
        // Resource engagement, from status changes and dispatcher assignments, meets each call.
        KStream<String, CallInput> resourceEvents = statuses
                .mapValues(OfficerEngagement.Signal::of)
                .merge(stream(Topic.ASSIGNMENTS, Result::valid).flatMapValues(OfficerEngagement.Signal::of))
                .selectKey((key, signal) -> signal.officerId())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(OfficerEngagement.Signal.class)).withName("fsu-officer-signals"))
                .process(this::engagementProcessor, OFFICER_INCIDENT_STORE)
                .mapValues(CallInput::resource);
        KStream<String, PersonUpdate> callLinks = incidents
                .mapValues(incident -> CallInput.facts(CallRecord.Facts.of(incident)))
                .merge(resourceEvents)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(CallInput.class)).withName("fsu-calls"))
                .process(this::callProcessor, CALLS_STORE);
        KStream<String, PersonUpdate> recordLinks = crimes
                .map((key, crime) -> KeyValue.pair(PersonLedger.crimeKey(crime.getCrimeId()), RecordLinks.of(crime)))
                .merge(stream(Topic.CUSTODY_RECORDS, InputChecks::custody)
                        .map((key, custody) -> KeyValue.pair(PersonLedger.custodyKey(custody.getCustodyId()), RecordLinks.of(custody))))
                .process(this::recordLinksProcessor, RECORD_LINKS_STORE);
        // One partition: the ranking normalises over everyone, and FSU volume is small (calls, crimes, custody).
        callLinks.merge(recordLinks)
                .selectKey((key, update) -> update.personId())
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(PersonUpdate.class))
                        .withName("fsu-people").withNumberOfPartitions(1))
                .process(this::peopleProcessor, PEOPLE_STORE)
                .to(Topic.FSU.topicName(), serdes.produced(Topic.FSU).withName("write-" + Topic.FSU.topicName()));

        // --- Response KPIs ---------------------------------------------------------------------
        // First arrivals meet their incidents (keyed by incident id) ...
        KStream<String, ResponseInput> arrivals = statuses
                .filter((key, status) -> status.getState() == OfficerState.ON_SCENE && status.getIncidentId() != null)
                .map((key, status) -> KeyValue.pair(status.getIncidentId(), ResponseInput.arrival(status.getIncidentId(), status.getChangedAt())));
        KStream<String, GroupInput> samples = incidents
                .mapValues(incident -> new ResponseInput(incident.getIncidentId(), incident.getReportedAt(), incident.getGrade(),
                        incident.getDispatchGroup(), incident.getEventType() == IncidentEventType.CANCELLED, null))
                .merge(arrivals)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ResponseInput.class)).withName("response-inputs"))
                .process(this::firstArrivalProcessor, RESPONSES_STORE)
                .mapValues(GroupInput::sample);
        // ... and each dispatch group's samples meet its officers' status changes, for the KPI windows.
        statuses
                .selectKey((key, status) -> status.getDispatchGroup())
                .mapValues(status -> GroupInput.status(status.getOfficerId(), status.getState(), status.getChangedAt()))
                .merge(samples.selectKey((key, input) -> input.sample().dispatchGroup()))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(GroupInput.class)).withName("response-groups"))
                .process(this::kpiProcessor, KPI_WINDOWS_STORE, AVAILABILITY_STORE, SAMPLE_CLOCK_STORE)
                .peek((key, kpi) -> shared.kpiMeters().record(kpi))
                .to(Topic.RESPONSE_KPIS.topicName(), serdes.produced(Topic.RESPONSE_KPIS).withName("write-" + Topic.RESPONSE_KPIS.topicName()));

        return builder.build();
    }

    // --- Trial ---------------------------------------------------------------------------------

    private void hotSpotCatalogue() {
        StoreBuilder<KeyValueStore<String, HotSpot>> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(HOTSPOTS_STORE), Serdes.String(), serdes.valueSerde(Topic.HOTSPOTS))
                .withLoggingDisabled();
        builder.addGlobalStore(store, Topic.HOTSPOTS.topicName(), serdes.consumed(Topic.HOTSPOTS).withName("read-" + Topic.HOTSPOTS.topicName()),
                () -> new Processor<String, HotSpot, Void, Void>() {
                    private KeyValueStore<String, HotSpot> hotSpots;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        hotSpots = context.getStateStore(HOTSPOTS_STORE);
                        shared.hotSpots().loadIfEmpty(values(hotSpots));
                    }

                    @Override
                    public void process(Record<String, HotSpot> record) {
                        if (record.value() == null) {
                            hotSpots.delete(record.key());
                            shared.hotSpots().remove(record.key());
                            return;
                        }
                        if (InputChecks.hotSpot(record.value()) instanceof Result.Invalid<HotSpot> invalid) {
                            // The runtime's handler counts it as a dead letter; a global store's thread cannot write one.
                            throw new InvalidRecordException(invalid.reason(), invalid.detail());
                        }
                        shared.hotSpots().put(record.value());
                        hotSpots.put(record.key(), record.value());
                    }
                });
    }

    private OccurrenceVersion occurrenceOf(IncidentEvent incident) {
        Contribution contribution = incident.getEventType() == IncidentEventType.CANCELLED
                ? null : contribution(incident.getLocation(), incident.getReportedAt(), CrimeFacts.of(incident));
        return new OccurrenceVersion(false, incident.getIncidentId(), incident.getIncidentId(), contribution, incident.getOccurredAt());
    }

    private OccurrenceVersion occurrenceOf(CrimeRecord crime) {
        Contribution contribution = crime.getCancelled()
                ? null : contribution(crime.getLocation(), crime.getCommittedAt(), CrimeFacts.of(crime));
        return new OccurrenceVersion(true, crime.getCrimeId(), crime.getIncidentId(), contribution, crime.getRecordedAt());
    }

    private Contribution contribution(GeoPoint location, Instant occurredAt, CrimeFacts facts) {
        if (location == null) {
            return null;
        }
        Set<String> hotSpots = shared.hotSpots().index().hotSpotsAt(location.getLat(), location.getLon());
        return new Contribution(List.copyOf(hotSpots), settings.trialClock().trialDayOf(occurredAt), OutcomeClassifier.classify(facts));
    }

    private Processor<String, OccurrenceVersion, String, HotSpotDayChange> ledgerProcessor() {
        return new Processor<>() {
            private ProcessorContext<String, HotSpotDayChange> context;
            private ContributionLedger ledger;
            private KeyValueStore<String, ContributionLedger.Entry> store;

            @Override
            public void init(ProcessorContext<String, HotSpotDayChange> context) {
                this.context = context;
                store = context.getStateStore(TRIAL_LEDGER_STORE);
                context.schedule(settings.retention().purgeInterval(), PunctuationType.STREAM_TIME, this::purge);
                ledger = new ContributionLedger(new ContributionLedger.Store() {
                    @Override
                    public ContributionLedger.Entry get(String recordKey) {
                        return store.get(recordKey);
                    }

                    @Override
                    public void put(String recordKey, ContributionLedger.Entry entry) {
                        store.put(recordKey, entry);
                    }
                });
            }

            private void purge(long streamTime) {
                Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.retention().trialLedger());
                List<String> expired = new ArrayList<>();
                try (KeyValueIterator<String, ContributionLedger.Entry> all = store.all()) {
                    all.forEachRemaining(entry -> {
                        if (entry.value.expiredBefore(cutoff, settings.trialClock())) {
                            expired.add(entry.key);
                        }
                    });
                }
                expired.forEach(store::delete);
            }

            @Override
            public void process(Record<String, OccurrenceVersion> record) {
                OccurrenceVersion version = record.value();
                List<HotSpotDayChange> changes = version.crime()
                        ? ledger.crime(version.recordId(), version.incidentId(), version.contribution(), version.at())
                        : ledger.incident(version.recordId(), version.contribution(), version.at());
                changes.forEach(change -> context.forward(record.withKey(dayKey(change.hotSpotId(), change.trialDay())).withValue(change)));
            }
        };
    }

    private Processor<String, PositionFix, String, HotSpotDayChange> dosageProcessor() {
        DosageTracker tracker = new DosageTracker(settings.trialClock(), settings.dosage());
        Counter outOfOrder = Counter.builder("bluelight.metrics.telematics.out.of.order")
                .description("Position fixes older than the officer's last fix, not used for dosage").register(shared.meters());
        return new Processor<>() {
            private ProcessorContext<String, HotSpotDayChange> context;
            private KeyValueStore<String, TrackState> tracks;

            @Override
            public void init(ProcessorContext<String, HotSpotDayChange> context) {
                this.context = context;
                tracks = context.getStateStore(TRACKS_STORE);
            }

            @Override
            public void process(Record<String, PositionFix> record) {
                PositionFix fix = record.value();
                if (fix == null) {
                    return;
                }
                Set<String> hotSpots = shared.hotSpots().index().hotSpotsAt(fix.getPosition().getLat(), fix.getPosition().getLon());
                TrackState previous = tracks.get(fix.getOfficerId());
                DosageTracker.Step step = tracker.advance(previous, fix.getFixedAt(), hotSpots);
                if (step.outOfOrder()) {
                    outOfOrder.increment();
                    return;
                }
                tracks.put(fix.getOfficerId(), step.state());
                step.dosage().forEach(d -> context.forward(record.withKey(dayKey(d.zoneId(), d.trialDay()))
                        .withValue(HotSpotDayChange.dosage(d.zoneId(), d.trialDay(), d.minutes(), d.visits(), fix.getFixedAt()))));
            }
        };
    }

    // --- Frequent service users ----------------------------------------------------------------

    /** A call's facts or a resource event, keyed by incident id. */
    public record CallInput(CallRecord.Facts facts, ResourceEvent resource) {
        static CallInput facts(CallRecord.Facts facts) {
            return new CallInput(facts, null);
        }

        static CallInput resource(ResourceEvent resource) {
            return new CallInput(null, resource);
        }
    }

    private Processor<String, OfficerEngagement.Signal, String, ResourceEvent> engagementProcessor() {
        return new Processor<>() {
            private ProcessorContext<String, ResourceEvent> context;
            private KeyValueStore<String, String> currentIncident;

            @Override
            public void init(ProcessorContext<String, ResourceEvent> context) {
                this.context = context;
                currentIncident = context.getStateStore(OFFICER_INCIDENT_STORE);
            }

            @Override
            public void process(Record<String, OfficerEngagement.Signal> record) {
                OfficerEngagement.Signal signal = record.value();
                OfficerEngagement.Step step = OfficerEngagement.next(currentIncident.get(signal.officerId()), signal);
                step.events().forEach(event -> context.forward(record.withKey(event.incidentId()).withValue(event)));
                if (step.currentIncident() == null) {
                    currentIncident.delete(signal.officerId());
                } else {
                    currentIncident.put(signal.officerId(), step.currentIncident());
                }
            }
        };
    }

    private Processor<String, CallInput, String, PersonUpdate> callProcessor() {
        return new Processor<>() {
            private ProcessorContext<String, PersonUpdate> context;
            private KeyValueStore<String, CallRecord> calls;

            @Override
            public void init(ProcessorContext<String, PersonUpdate> context) {
                this.context = context;
                calls = context.getStateStore(CALLS_STORE);
            }

            @Override
            public void process(Record<String, CallInput> record) {
                CallRecord call = calls.get(record.key());
                call = call == null ? CallRecord.empty() : call;
                CallInput input = record.value();
                call = input.facts() != null ? call.withFacts(input.facts()) : call.with(input.resource());
                PersonLinker.Relink relink = call.relink();
                calls.put(record.key(), call.withLinks(relink.links()));
                relink.updates().forEach(update -> context.forward(record.withKey(update.personId()).withValue(update)));
            }
        };
    }

    private Processor<String, List<PersonUpdate>, String, PersonUpdate> recordLinksProcessor() {
        return new Processor<>() {
            private ProcessorContext<String, PersonUpdate> context;
            private KeyValueStore<String, Set<String>> links;

            @Override
            public void init(ProcessorContext<String, PersonUpdate> context) {
                this.context = context;
                links = context.getStateStore(RECORD_LINKS_STORE);
            }

            @Override
            public void process(Record<String, List<PersonUpdate>> record) {
                Set<String> previous = links.get(record.key());
                PersonLinker.Relink relink = PersonLinker.relink(previous == null ? Set.of() : previous, record.value());
                links.put(record.key(), relink.links());
                relink.updates().forEach(update -> context.forward(record.withKey(update.personId()).withValue(update)));
            }
        };
    }

    /**
     * Keeps every person's ledger; on the ranking schedule ages out old activity, ranks everyone
     * and publishes each tally with its metrics and ranks.
     */
    private Processor<String, PersonUpdate, String, FsuTally> peopleProcessor() {
        return new Processor<>() {
            private ProcessorContext<String, FsuTally> context;
            private KeyValueStore<String, PersonLedger> people;
            private final Map<String, FsuTally> published = new HashMap<>();

            @Override
            public void init(ProcessorContext<String, FsuTally> context) {
                this.context = context;
                people = context.getStateStore(PEOPLE_STORE);
                context.schedule(settings.rankingInterval(), PunctuationType.WALL_CLOCK_TIME, now -> rank());
            }

            @Override
            public void process(Record<String, PersonUpdate> record) {
                PersonUpdate update = record.value();
                PersonLedger ledger = people.get(update.personId());
                ledger = ledger == null ? PersonLedger.empty() : ledger;
                ledger = update.activity() == null ? ledger.without(update.ledgerKey()) : ledger.with(update.ledgerKey(), update.activity());
                people.put(update.personId(), ledger);
            }

            private void rank() {
                long streamTime = context.currentStreamTimeMs();
                if (streamTime < 0) {
                    return; // nothing seen yet
                }
                Instant asOf = Instant.ofEpochMilli(streamTime);
                Instant windowStart = PersonLedger.windowStart(asOf, settings.trialClock().zone());
                Map<String, FsuTotals> totals = new HashMap<>();
                List<String> gone = new ArrayList<>();
                try (KeyValueIterator<String, PersonLedger> all = people.all()) {
                    all.forEachRemaining(entry -> {
                        PersonLedger aged = entry.value.agedOut(windowStart);
                        if (aged.activities().isEmpty()) {
                            gone.add(entry.key);
                        } else {
                            if (aged != entry.value) {
                                people.put(entry.key, aged);
                            }
                            totals.put(entry.key, aged.totals(windowStart, asOf));
                        }
                    });
                }
                gone.forEach(personId -> {
                    people.delete(personId);
                    if (published.remove(personId) != null) {
                        context.forward(new Record<>(personId, null, streamTime));
                    }
                });
                FsuRanking ranking = FsuRanking.rank(totals, settings.ranking());
                totals.forEach((personId, personTotals) -> {
                    FsuTally tally = ranking.scoreOf(personId).applyTo(personTotals.toAvro(personId, asOf));
                    FsuTally last = published.put(personId, tally);
                    if (last == null || !sameExceptAsOf(last, tally)) {
                        context.forward(new Record<>(personId, tally, streamTime));
                    }
                });
                shared.fsuBoard().publish(board(ranking, totals, asOf));
            }
        };
    }

    private static boolean sameExceptAsOf(FsuTally a, FsuTally b) {
        return FsuTally.newBuilder(a).setAsOf(b.getAsOf()).build().equals(b);
    }

    private static FsuBoard.Snapshot board(FsuRanking ranking, Map<String, FsuTotals> totals, Instant asOf) {
        Map<Metric, List<FsuBoard.Listed>> top = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            List<FsuBoard.Listed> listed = new ArrayList<>();
            for (FsuRanking.PersonScore score : ranking.top(metric)) {
                FsuTotals personTotals = totals.get(score.personId());
                Map<FsuTotal, Double> values = new EnumMap<>(FsuTotal.class);
                values.putAll(personTotals.values());
                listed.add(new FsuBoard.Listed(score.ranks().get(metric), score.personId(), score.metrics().get(metric),
                        score.metrics(), personTotals.homeArea(), personTotals.themes().stream().sorted().toList(), values));
            }
            top.put(metric, List.copyOf(listed));
        }
        return new FsuBoard.Snapshot(asOf, totals.size(), top);
    }

    // --- Response KPIs -------------------------------------------------------------------------

    private Processor<String, ResponseInput, String, ResponseSample> firstArrivalProcessor() {
        Counter rejected = Counter.builder("bluelight.metrics.response.rejected")
                .description("Incidents whose response time cannot be measured (no dispatch group, arrival before report)")
                .register(shared.meters());
        return new Processor<>() {
            private ProcessorContext<String, ResponseSample> context;
            private KeyValueStore<String, IncidentResponse> responses;

            @Override
            public void init(ProcessorContext<String, ResponseSample> context) {
                this.context = context;
                responses = context.getStateStore(RESPONSES_STORE);
                context.schedule(settings.retention().purgeInterval(), PunctuationType.STREAM_TIME, this::purge);
            }

            @Override
            public void process(Record<String, ResponseInput> record) {
                ResponseInput input = record.value();
                IncidentResponse state = responses.get(record.key());
                state = state == null ? IncidentResponse.unseen() : state;
                IncidentResponse.Step step = input.isArrival()
                        ? state.onArrival(record.key(), input.arrivedAt())
                        : state.onIncident(record.key(), input.reportedAt(), input.grade(), input.dispatchGroup(), input.cancelled());
                responses.put(record.key(), step.state());
                step.rejection().ifPresent(reason -> {
                    // Found only here, after the repartition that brings an arrival to its incident, so not dead-lettered.
                    rejected.increment();
                    LOG.warn("No response time: {}", reason);
                });
                step.sample()
                        .filter(sample -> settings.responseTargets().targetFor(sample.grade()).isPresent())
                        .ifPresent(sample -> context.forward(record.withValue(sample)));
            }

            private void purge(long streamTime) {
                Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.retention().firstArrivals());
                List<String> expired = new ArrayList<>();
                try (KeyValueIterator<String, IncidentResponse> all = responses.all()) {
                    all.forEachRemaining(entry -> {
                        if (entry.value.expiredBefore(cutoff)) {
                            expired.add(entry.key);
                        }
                    });
                }
                expired.forEach(responses::delete);
            }
        };
    }

    /**
     * Per dispatch group: the response times of each grade's hourly and daily windows, and the
     * group's available and busy officers. Publishes a window's KPI at each new sample, and its
     * final figures once stream time passes its end. Whether a sample is late, and when a window is
     * dropped, go by the samples' own time: status changes reach this task one hop earlier than the
     * samples (which pass the first-arrival tracker), so under a backlog they run hours ahead in
     * stream time, and judging by it refused most samples as late.
     */
    private Processor<String, GroupInput, ResponseKpiKey, ResponseKpi> kpiProcessor() {
        KpiWindows kpiWindows = new KpiWindows(settings.trialClock().zone());
        Counter late = Counter.builder("bluelight.metrics.response.late")
                .description("Response samples for KPI windows already closed and past their grace period")
                .register(shared.meters());
        return new Processor<>() {
            private ProcessorContext<ResponseKpiKey, ResponseKpi> context;
            private KeyValueStore<String, GradeWindow> gradeWindows;
            private KeyValueStore<String, GroupAvailability> groups;
            private KeyValueStore<String, Long> sampleClock;

            @Override
            public void init(ProcessorContext<ResponseKpiKey, ResponseKpi> context) {
                this.context = context;
                gradeWindows = context.getStateStore(KPI_WINDOWS_STORE);
                groups = context.getStateStore(AVAILABILITY_STORE);
                sampleClock = context.getStateStore(SAMPLE_CLOCK_STORE);
                context.schedule(settings.retention().purgeInterval(), PunctuationType.STREAM_TIME, this::closeAndTrim);
            }

            @Override
            public void process(Record<String, GroupInput> record) {
                GroupInput input = record.value();
                GroupAvailability group = groups.get(record.key());
                group = group == null ? GroupAvailability.unseen() : group;
                if (!input.hasSample()) {
                    groups.put(record.key(), group.on(input.officerId(), input.state(), input.changedAt(), kpiWindows));
                    return;
                }
                ResponseSample sample = input.sample();
                Instant now = advanceSampleClock(record.timestamp());
                for (KpiWindow size : KpiWindow.values()) {
                    KpiWindows.Window window = kpiWindows.windowOf(sample.firstArrivalAt(), size);
                    if (window.end().plus(settings.retention().kpiWindowGrace()).isBefore(now)) {
                        late.increment();
                        LOG.warn("Response of incident {} is past the grace period of its {} window from {}",
                                sample.incidentId(), size, window.start());
                        continue;
                    }
                    String key = GradeWindow.key(sample.dispatchGroup(), sample.grade(), window);
                    GradeWindow gradeWindow = gradeWindows.get(key);
                    gradeWindow = (gradeWindow == null ? GradeWindow.empty(sample.dispatchGroup(), sample.grade(), window) : gradeWindow)
                            .plus(sample.seconds());
                    gradeWindows.put(key, gradeWindow);
                    forward(gradeWindow, group, now, record.timestamp());
                }
            }

            /** The latest sample time seen (at least {@code timestamp}); windows past their grace by it are dropped. */
            private Instant advanceSampleClock(long timestamp) {
                Long last = sampleClock.get(LATEST_SAMPLE);
                if (last != null && timestamp <= last) {
                    return Instant.ofEpochMilli(last);
                }
                sampleClock.put(LATEST_SAMPLE, timestamp);
                long interval = settings.retention().purgeInterval().toMillis();
                if (last == null || timestamp / interval != last / interval) {
                    dropWindowsPastGrace(Instant.ofEpochMilli(timestamp));
                }
                return Instant.ofEpochMilli(timestamp);
            }

            private void dropWindowsPastGrace(Instant sampleTime) {
                Instant cutoff = sampleTime.minus(settings.retention().kpiWindowGrace());
                List<String> expired = new ArrayList<>();
                try (KeyValueIterator<String, GradeWindow> all = gradeWindows.all()) {
                    all.forEachRemaining(entry -> {
                        if (entry.value.end().isBefore(cutoff)) {
                            expired.add(entry.key);
                        }
                    });
                }
                closeAll(expired.stream().map(key -> KeyValue.pair(key, gradeWindows.get(key))).filter(entry -> !entry.value.closed()).toList(),
                        sampleTime, sampleTime.toEpochMilli());
                expired.forEach(gradeWindows::delete);
            }

            private void closeAll(List<KeyValue<String, GradeWindow>> windows, Instant now, long timestamp) {
                windows.forEach(entry -> {
                    GradeWindow gradeWindow = entry.value.asClosed();
                    GroupAvailability group = groups.get(gradeWindow.dispatchGroup());
                    forward(gradeWindow, group == null ? GroupAvailability.unseen() : group, now, timestamp);
                    gradeWindows.put(entry.key, gradeWindow);
                });
            }

            private void closeAndTrim(long streamTime) {
                Instant now = Instant.ofEpochMilli(streamTime);
                Instant cutoff = now.minus(settings.retention().kpiWindowGrace());
                List<KeyValue<String, GradeWindow>> closing = new ArrayList<>();
                try (KeyValueIterator<String, GradeWindow> all = gradeWindows.all()) {
                    all.forEachRemaining(entry -> {
                        if (!entry.value.closed() && !entry.value.end().isAfter(now)) {
                            closing.add(KeyValue.pair(entry.key, entry.value));
                        }
                    });
                }
                closeAll(closing, now, streamTime);
                List<KeyValue<String, GroupAvailability>> trimmed = new ArrayList<>();
                try (KeyValueIterator<String, GroupAvailability> all = groups.all()) {
                    all.forEachRemaining(entry -> {
                        GroupAvailability kept = entry.value.withoutWindowsEndedBefore(cutoff);
                        if (kept != entry.value) {
                            trimmed.add(KeyValue.pair(entry.key, kept));
                        }
                    });
                }
                trimmed.forEach(entry -> groups.put(entry.key, entry.value));
            }

            private void forward(GradeWindow gradeWindow, GroupAvailability group, Instant asOf, long timestamp) {
                int target = (int) settings.responseTargets().targetFor(gradeWindow.grade()).orElseThrow().toSeconds();
                ResponseKpi kpi = ResponseKpis.of(gradeWindow, target, group.meansOver(gradeWindow.window(), asOf));
                context.forward(new Record<>(new ResponseKpiKey(kpi.getDispatchGroup(), kpi.getGrade(), kpi.getWindowSize(),
                        kpi.getWindowStart()), kpi, timestamp));
            }
        };
    }

    // --- Wiring helpers ------------------------------------------------------------------------

    /**
     * A contract topic's records that pass {@code check}; refused ones go to the topic's dead-letter
     * topic. Tombstones carry nothing to count on these topics.
     */
    private <K, V extends SpecificRecord> KStream<K, V> stream(Topic<K, V> topic, Function<V, Result<V>> check) {
        return builder.stream(topic.topicName(), serdes.consumed(topic).withName("read-" + topic.topicName()))
                .filter((key, value) -> value != null, Named.as("present-" + topic.topicName()))
                .processValues(Validate.<K, V, V>with(check), Named.as("validate-" + topic.topicName()));
    }

    private static String dayKey(String hotSpotId, LocalDate trialDay) {
        return hotSpotId + "|" + trialDay;
    }

    private static List<HotSpot> values(KeyValueStore<String, HotSpot> store) {
        List<HotSpot> all = new ArrayList<>();
        try (KeyValueIterator<String, HotSpot> iterator = store.all()) {
            iterator.forEachRemaining(entry -> all.add(entry.value));
        }
        return all;
    }

    /** The processors' own state stores, by name. */
    private static Map<String, StoreBuilder<?>> stores() {
        Map<String, StoreBuilder<?>> stores = new HashMap<>();
        stores.put(TRIAL_LEDGER_STORE, store(TRIAL_LEDGER_STORE, JsonSerde.of(ContributionLedger.Entry.class)));
        stores.put(TRACKS_STORE, store(TRACKS_STORE, JsonSerde.of(TrackState.class)));
        stores.put(OFFICER_INCIDENT_STORE, store(OFFICER_INCIDENT_STORE, Serdes.String()));
        stores.put(CALLS_STORE, store(CALLS_STORE, JsonSerde.of(CallRecord.class)));
        stores.put(RECORD_LINKS_STORE, store(RECORD_LINKS_STORE,
                JsonSerde.<Set<String>>of(JsonSerde.MAPPER.getTypeFactory().constructType(new TypeReference<Set<String>>() { }))));
        stores.put(PEOPLE_STORE, store(PEOPLE_STORE, JsonSerde.of(PersonLedger.class)));
        stores.put(RESPONSES_STORE, store(RESPONSES_STORE, JsonSerde.of(IncidentResponse.class)));
        stores.put(KPI_WINDOWS_STORE, store(KPI_WINDOWS_STORE, JsonSerde.of(GradeWindow.class)));
        stores.put(AVAILABILITY_STORE, store(AVAILABILITY_STORE, JsonSerde.of(GroupAvailability.class)));
        stores.put(SAMPLE_CLOCK_STORE, store(SAMPLE_CLOCK_STORE, Serdes.Long()));
        return stores;
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
