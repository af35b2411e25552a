package org.bluelight.coverage.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSignal;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.coverage.demand.DemandDecision;
import org.bluelight.coverage.demand.DemandEstimator;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.demand.IncidentDemandRule;
import org.bluelight.coverage.impact.ImpactSignal;
import org.bluelight.coverage.impact.ReachSize;
import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachStep;
import org.bluelight.coverage.reach.ReachTracker;
import org.bluelight.coverage.reach.Reachability;
import org.bluelight.coverage.serde.CoverageSerdes;
import org.bluelight.coverage.summary.ForceSummary;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.PoisonRecordGuard;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.Topic;

/**
 * The coverage app, top to bottom:
 * <ol>
 *   <li>every input is checked against the {@link InputLimits} as it is read (ids that could not
 *       be keys of state, times far from the record's timestamp): a refused record is dead-lettered
 *       before it reaches a store or a repartition topic;</li>
 *   <li>officer status and telematics → each officer's reach (state stores {@value #OFFICER_REACH_STORE}
 *       and {@value #REACH_CELLS_STORE});
 *       the cells that changed go out as +1/−1 deltas re-keyed by cell, an update's deltas in one record per
 *       partition of cells (bounded in size);</li>
 *   <li>grade 1–2 incidents → demand signals re-keyed by cell;</li>
 *   <li>per cell (state stores {@value #CELL_STORE} and {@value #CELL_OFFICERS_STORE}): officers in
 *       reach, demand, deficit →
 *       {@code coverage.cells}, each changed cell once per emit interval (marks in
 *       {@value #CHANGED_CELLS_STORE}); who became or stopped being a cell's only cover, re-keyed by
 *       officer;</li>
 *   <li>per officer (state store {@value #IMPACT_STORE}): sole-cover demand and reach size →
 *       {@code coverage.officer-impact};</li>
 *   <li>{@code coverage.cells} read back whole into a global store ({@value #CELLS_VIEW_STORE}) for
 *       the force summary.</li>
 * </ol>
 */
public final class CoverageTopology {

    public static final String OFFICER_REACH_STORE = "officer-reach";
    public static final String REACH_CELLS_STORE = "officer-reach-cells";
    public static final String CELL_STORE = "cell-coverage";
    public static final String CELL_OFFICERS_STORE = "cell-officers";
    public static final String OBSERVED_SINCE_STORE = "demand-observed-since";
    public static final String IMPACT_STORE = "officer-impact";
    public static final String CELLS_VIEW_STORE = "coverage-cells-view";
    public static final String CHANGED_CELLS_STORE = "cell-coverage-changed";
    static final String DEMAND_IGNORED = "coverage.demand.ignored";

    private final CoverageSettings settings;
    private final RoadCells roadCells;
    private final Reachability reachability;
    private final DemandSeed seed;
    private final MeterRegistry meters;
    private final AppSerdes serdes;

    public CoverageTopology(CoverageSettings settings, RoadCells roadCells, Reachability reachability, DemandSeed seed,
                            MeterRegistry meters, AppSerdes serdes) {
        this.settings = settings;
        this.roadCells = roadCells;
        this.reachability = reachability;
        this.seed = seed;
        this.meters = meters;
        this.serdes = serdes;
    }

    public Topology build() {
        StreamsBuilder builder = PoisonRecordGuard.streamsBuilder();
        CellGrid grid = roadCells.grid();
        Serde<String> keys = Serdes.String();

        // 1. Officers: status and position fixes, keyed by officer id, into each officer's reach.
        InputLimits limits = settings.inputLimits();
        OfficerInput officerInput = new OfficerInput(limits);
        KStream<String, OfficerUpdate> statuses = builder
                .stream(Topic.OFFICER_STATUS.topicName(), serdes.consumed(Topic.OFFICER_STATUS))
                .processValues(RecordCheck.with(officerInput::status), Named.as("validate-officer-status"));
        KStream<String, OfficerUpdate> fixes = builder
                .stream(Topic.TELEMATICS.topicName(), serdes.consumed(Topic.TELEMATICS))
                .processValues(RecordCheck.with(officerInput::fix), Named.as("validate-position-fix"));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OFFICER_REACH_STORE), keys, CoverageSerdes.officerReach()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REACH_CELLS_STORE), keys, CoverageSerdes.cellSet()));
        ReachTracker tracker = new ReachTracker(settings.reachRule(), new TimedReachability(reachability, meters), grid);
        KStream<String, ReachStep> reachSteps = statuses.merge(fixes)
                .process(() -> new ReachProcessor(OFFICER_REACH_STORE, REACH_CELLS_STORE, tracker, meters),
                        OFFICER_REACH_STORE, REACH_CELLS_STORE);

        KStream<String, CellSignal> cellDeltas = reachSteps
                .flatMap((officerId, step) -> CellPartitions.records(step.deltas(), settings.cellPartitions()))
                .repartition(byCell("cell-deltas"));
        KStream<String, ImpactSignal> reachSizes = reachSteps
                .filter((officerId, step) -> step.reachSizeChanged())
                .<ImpactSignal>mapValues((officerId, step) -> new ReachSize(officerId, step.officer().cells().size()))
                .repartition(byOfficer("officer-reach-sizes"));

        // 2. Demand: grade 1–2 incidents, re-keyed by the road cell they happened in.
        IncidentDemandRule demandRule = new IncidentDemandRule(roadCells);
        KStream<String, CellSignal> cellIncidents = builder
                .stream(Topic.INCIDENTS.topicName(), serdes.consumed(Topic.INCIDENTS))
                .processValues(RecordCheck.with((String incidentId, IncidentEvent event, Instant recordTime) -> limits.at(recordTime)
                        .key(incidentId).id("incident id", event.getIncidentId())
                        .past("occurred at", event.getOccurredAt()).past("reported at", event.getReportedAt())
                        .then("incident " + event.getIncidentId(), () -> checked(demandRule.decide(event)))),
                        Named.as("validate-incident"))
                .filter((incidentId, decision) -> makesDemand(decision))
                .map((incidentId, decision) -> {
                    DemandDecision.Apply apply = (DemandDecision.Apply) decision;
                    return KeyValue.<String, CellSignal>pair(CellGrid.toHex(apply.change().cell()), apply.change());
                })
                .repartition(byCell("cell-incidents"));

        // 3. Cells: officers in reach, demand, deficit; sole-cover changes re-keyed by officer.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CELL_STORE), keys, CoverageSerdes.cellState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CELL_OFFICERS_STORE), keys, Serdes.Boolean()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OBSERVED_SINCE_STORE), keys, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CHANGED_CELLS_STORE), keys, Serdes.Long()));
        DemandEstimator estimator = new DemandEstimator(settings.demand());
        KStream<String, CellUpdate> cellUpdates = cellDeltas.merge(cellIncidents)
                .process(() -> new CellProcessor(CELL_STORE, CELL_OFFICERS_STORE, OBSERVED_SINCE_STORE,
                        CHANGED_CELLS_STORE, estimator, seed, settings.requiredLevels(), settings.demandRefresh(),
                        settings.cellEmitInterval(), settings.cellPartitions()),
                        CELL_STORE, CELL_OFFICERS_STORE, OBSERVED_SINCE_STORE, CHANGED_CELLS_STORE);
        cellUpdates
                .filter((cellId, update) -> update.coverage().isPresent())
                .mapValues(update -> CoverageRecords.cell(update.coverage().orElseThrow(), grid, update.at()))
                .to(Topic.COVERAGE_CELLS.topicName(),
                        serdes.produced(Topic.COVERAGE_CELLS));
        KStream<String, ImpactSignal> soleCover = cellUpdates
                .flatMap((cellId, update) -> update.soleCover().stream()
                        .map(change -> KeyValue.<String, ImpactSignal>pair(change.officerId(), change))
                        .toList())
                .repartition(byOfficer("officer-sole-cover"));

        // 4. Officers' impact: the demand only they cover, kept current as others move.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IMPACT_STORE), keys, CoverageSerdes.officerImpact()));
        soleCover.merge(reachSizes)
                .process(() -> new ImpactProcessor(IMPACT_STORE), IMPACT_STORE)
                .to(Topic.OFFICER_IMPACT.topicName(),
                        serdes.produced(Topic.OFFICER_IMPACT));

        // 5. The whole force's cells, on every instance, for the summary. A plain global store: cell
        //    updates carry the event time of their cause, which is not in order across officers.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CELLS_VIEW_STORE), keys,
                        serdes.valueSerde(Topic.COVERAGE_CELLS)).withLoggingDisabled(),
                Topic.COVERAGE_CELLS.topicName(),
                serdes.consumed(Topic.COVERAGE_CELLS),
                () -> new CellsViewProcessor(CELLS_VIEW_STORE));

        return builder.build();
    }

    /** The force summary over every cell in the global view. */
    public static ForceSummary summaryOf(ReadOnlyKeyValueStore<String, CoverageCell> cellsView) {
        ForceSummary.Tally tally = new ForceSummary.Tally();
        try (KeyValueIterator<String, CoverageCell> all = cellsView.all()) {
            all.forEachRemaining(entry -> tally.add(entry.value.getDemandPerHour(), entry.value.getOfficersInReach(),
                    entry.value.getAvailableInReach(), entry.value.getDeficit()));
        }
        return tally.summary();
    }

    /** True for an incident that counts in (or leaves) a cell's demand; counts the others by reason. */
    private boolean makesDemand(DemandDecision decision) {
        if (decision instanceof DemandDecision.Apply) {
            return true;
        }
        if (decision instanceof DemandDecision.Ignore ignore) {
            Counter.builder(DEMAND_IGNORED)
                    .description("Incident events that make no demand, by reason")
                    .tag("reason", ignore.reason())
                    .register(meters)
                    .increment();
        }
        return false;
    }

    private static Result<DemandDecision> checked(DemandDecision decision) {
        return decision instanceof DemandDecision.Reject reject
                ? Result.invalid("invalid-incident", reject.reason())
                : Result.valid(decision);
    }

    private Repartitioned<String, CellSignal> byCell(String name) {
        return Repartitioned.<String, CellSignal>as(name)
                .withKeySerde(Serdes.String())
                .withValueSerde(CoverageSerdes.cellSignal())
                .withNumberOfPartitions(settings.cellPartitions());
    }

    private Repartitioned<String, ImpactSignal> byOfficer(String name) {
        return Repartitioned.<String, ImpactSignal>as(name)
                .withKeySerde(Serdes.String())
                .withValueSerde(CoverageSerdes.impactSignal())
                .withNumberOfPartitions(settings.cellPartitions());
    }
}
