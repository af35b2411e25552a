package org.bluelight.coverage.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.coverage.cell.CellState;
import org.bluelight.runtime.deadletter.DeadLetterTopics;
import org.bluelight.coverage.cell.RequiredLevels;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.demand.DemandSettings;
import org.bluelight.coverage.demand.HourOfWeek;
import org.bluelight.coverage.impact.OfficerImpact;
import org.bluelight.coverage.reach.LatticeReachability;
import org.bluelight.coverage.reach.OfficerReach;
import org.bluelight.coverage.serde.CoverageSerdes;
import org.bluelight.coverage.reach.ReachRule;
import org.bluelight.coverage.summary.ForceSummary;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.testkit.PlainAvroSerdes;
import org.bluelight.runtime.intake.InputLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTopologyTest {

    /** Monday 10:05 UTC. */
    private static final Instant T = Instant.parse("2025-03-03T10:05:00Z");

    /** A valley 8 km square with a road every 200 m; an officer reaches 2 km in the grade 1 target. */
    private final LatticeReachability valley = new LatticeReachability(new GeoPoint(42.50, 1.50), 40, 40, 200, 2000);
    private final CellGrid grid = new CellGrid(8);
    private final RoadCells roadCells = RoadCells.fromRoadNodes(grid, valley.allNodes(), 2);
    private final CoverageSettings settings = new CoverageSettings(8, ReachRule.defaults(), Duration.ofMinutes(15),
            new DemandSettings(Duration.ofDays(28), 12, ZoneId.of("UTC")), RequiredLevels.defaults(), 1,
            Duration.ofMinutes(1), 2, CoverageDriver.EMIT_INTERVAL, InputLimits.defaults());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GeoPoint village = valley.node(10, 10);
    private final String villageCell = CellGrid.toHex(grid.cellOf(village));

    @TempDir
    Path stateDir;
    private CoverageDriver coverage;

    @AfterEach
    void close() {
        if (coverage != null) {
            coverage.close();
        }
    }

    @Test
    void anOfficerAloneInTheValleyCoversItAndDrivingAwayLeavesItsCellsInDeficit() {
        coverage = start(DemandSeed.none());
        coverage.incident("inc-1", 1, IncidentEventType.REPORTED, village, T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(60));

        CoverageCell covered = coverage.cells().get(villageCell);
        assertThat(covered.getOfficersInReach()).isEqualTo(1);
        assertThat(covered.getAvailableInReach()).isEqualTo(1);
        assertThat(covered.getDemandPerHour()).isPositive();
        assertThat(covered.getRequiredLevel()).isEqualTo(1);
        assertThat(covered.getDeficit()).isZero();
        OfficerCoverageImpact alone = coverage.impacts().get("a");
        assertThat(alone.getSoleCoverCells()).isEqualTo(1);
        assertThat(alone.getSoleCoverDemandPerHour()).isEqualTo(covered.getDemandPerHour());
        long cellsInReach = coverage.cells().values().stream().filter(c -> c.getOfficersInReach() == 1).count();
        assertThat(alone.getReachableCells()).isEqualTo((int) cellsInReach).isGreaterThan(10);

        coverage.fix("a", valley.node(35, 35), T.plusSeconds(600));

        CoverageCell left = coverage.cells().get(villageCell);
        assertThat(left.getOfficersInReach()).isZero();
        assertThat(left.getDeficit()).isEqualTo(1);
        assertThat(coverage.impacts().get("a").getSoleCoverCells()).isZero();
        assertThat(coverage.impacts().get("a").getSoleCoverDemandPerHour()).isZero();
        ForceSummary summary = CoverageTopology.summaryOf(coverage.store(CoverageTopology.CELLS_VIEW_STORE));
        assertThat(summary.uncoveredCellsWithDemand()).isEqualTo(1);
        assertThat(summary.coveredDemandShare()).isZero();
    }

    @Test
    void twoOfficersCoveringTheSameCellsHaveNoImpactAndTheOneLeftBehindRegainsIt() {
        coverage = start(DemandSeed.none());
        coverage.incident("inc-1", 2, IncidentEventType.REPORTED, village, T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(60));
        coverage.status("b", OfficerState.ON_SCENE, village, T.plusSeconds(70));

        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(2);
        assertThat(coverage.cells().get(villageCell).getAvailableInReach()).isEqualTo(1);
        assertThat(coverage.impacts().get("a").getSoleCoverCells()).isZero();
        assertThat(coverage.impacts().get("a").getSoleCoverDemandPerHour()).isZero();
        assertThat(coverage.impacts().get("b").getSoleCoverCells()).isZero();

        coverage.fix("b", valley.node(35, 35), T.plusSeconds(300));

        assertThat(coverage.impacts().get("a").getSoleCoverCells()).isEqualTo(1);
        assertThat(coverage.impacts().get("a").getSoleCoverDemandPerHour()).isPositive();
        assertThat(coverage.impacts().get("b").getSoleCoverCells()).isZero();
    }

    @Test
    void goingOffDutyRemovesTheOfficersCover() {
        coverage = start(DemandSeed.none());
        coverage.incident("inc-1", 1, IncidentEventType.REPORTED, village, T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(60));
        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);

        coverage.status("a", OfficerState.OFF_DUTY, null, T.plusSeconds(120));

        assertThat(coverage.cells().values()).allSatisfy(cell -> assertThat(cell.getOfficersInReach()).isZero());
        assertThat(coverage.cells().get(villageCell).getDeficit()).isEqualTo(1);
        assertThat(coverage.impacts().get("a").getReachableCells()).isZero();
        assertThat(coverage.impacts().get("a").getSoleCoverCells()).isZero();
        assertThat(entries(coverage.<CellState>store(CoverageTopology.CELL_STORE)).values())
                .allSatisfy(state -> assertThat(state.officersInReach()).isZero());
        assertThat(entries(coverage.<Boolean>store(CoverageTopology.CELL_OFFICERS_STORE))).isEmpty();
    }

    @Test
    void aFiftyMetreMoveTriggersNoRecomputationButALongerOneDoes() {
        coverage = start(DemandSeed.none());
        coverage.status("a", OfficerState.AVAILABLE, village, T);
        coverage.cells();
        int searches = valley.searches();

        coverage.fix("a", valley.offset(10, 10, 50, 0), T.plusSeconds(5));

        assertThat(valley.searches()).isEqualTo(searches);
        assertThat(coverage.unreadCellRecords()).isZero();
        assertThat(meters.get(ReachProcessor.DECISIONS).tag("decision", "keep").counter().count()).isEqualTo(1);

        coverage.fix("a", valley.offset(10, 10, 250, 0), T.plusSeconds(10));

        assertThat(valley.searches()).isEqualTo(searches + 1);
        assertThat(meters.get(ReachProcessor.DECISIONS).tag("decision", "moved").counter().count()).isEqualTo(1);
    }

    @Test
    void coverageAfterARestartFromTheChangelogsEqualsCoverageBeforeIt(@TempDir Path freshStateDir) {
        coverage = start(DemandSeed.none());
        coverage.incident("inc-1", 1, IncidentEventType.REPORTED, village, T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(60));
        coverage.status("b", OfficerState.EN_ROUTE, valley.node(12, 12), T.plusSeconds(70));
        coverage.status("c", OfficerState.AVAILABLE, valley.node(30, 30), T.plusSeconds(80));
        coverage.fix("c", valley.node(28, 30), T.plusSeconds(90));
        coverage.status("c", OfficerState.OFF_DUTY, null, T.plusSeconds(100));
        Map<String, CellState> cells = entries(coverage.store(CoverageTopology.CELL_STORE));
        Map<String, OfficerReach> reach = entries(coverage.store(CoverageTopology.OFFICER_REACH_STORE));
        Map<String, CellSet> reachCells = entries(coverage.store(CoverageTopology.REACH_CELLS_STORE));
        assertThat(reachCells).containsOnlyKeys("a", "b");
        assertThat(reach.get("c").cells().isEmpty()).isTrue();
        Map<String, OfficerImpact> impact = entries(coverage.store(CoverageTopology.IMPACT_STORE));
        Map<String, Long> observed = entries(coverage.store(CoverageTopology.OBSERVED_SINCE_STORE));
        Map<String, Boolean> members = entries(coverage.store(CoverageTopology.CELL_OFFICERS_STORE));
        assertThat(cells.get(villageCell).officersInReach()).isEqualTo(2);
        assertThat(members).containsEntry(villageCell + "|a", true).containsEntry(villageCell + "|b", false)
                .noneSatisfy((member, available) -> assertThat(member).endsWith("|c"));
        Map<String, CellState> cellsLog = coverage.changelog(CoverageTopology.CELL_STORE, CoverageSerdes.cellState());
        Map<String, OfficerReach> reachLog = coverage.changelog(CoverageTopology.OFFICER_REACH_STORE, CoverageSerdes.officerReach());
        Map<String, CellSet> reachCellsLog = coverage.changelog(CoverageTopology.REACH_CELLS_STORE, CoverageSerdes.cellSet());
        Map<String, OfficerImpact> impactLog = coverage.changelog(CoverageTopology.IMPACT_STORE, CoverageSerdes.officerImpact());
        Map<String, Long> observedLog = coverage.changelog(CoverageTopology.OBSERVED_SINCE_STORE, Serdes.Long());
        Map<String, Boolean> membersLog = coverage.changelog(CoverageTopology.CELL_OFFICERS_STORE, Serdes.Boolean());
        Map<String, Long> changedLog = coverage.changelog(CoverageTopology.CHANGED_CELLS_STORE, Serdes.Long());
        assertThat(changedLog).as("cells changed but not yet published").containsKey(villageCell);
        coverage.close();

        // A new instance with no local state, its stores restored from the changelogs.
        coverage = new CoverageDriver(settings, roadCells, valley, DemandSeed.none(), meters, freshStateDir);
        restore(coverage.store(CoverageTopology.CELL_STORE), cellsLog);
        restore(coverage.store(CoverageTopology.OFFICER_REACH_STORE), reachLog);
        restore(coverage.store(CoverageTopology.REACH_CELLS_STORE), reachCellsLog);
        restore(coverage.store(CoverageTopology.IMPACT_STORE), impactLog);
        restore(coverage.store(CoverageTopology.OBSERVED_SINCE_STORE), observedLog);
        restore(coverage.store(CoverageTopology.CELL_OFFICERS_STORE), membersLog);
        restore(coverage.store(CoverageTopology.CHANGED_CELLS_STORE), changedLog);

        assertThat(entries(coverage.<CellState>store(CoverageTopology.CELL_STORE))).isEqualTo(cells);
        assertThat(entries(coverage.<OfficerReach>store(CoverageTopology.OFFICER_REACH_STORE))).isEqualTo(reach);
        assertThat(entries(coverage.<CellSet>store(CoverageTopology.REACH_CELLS_STORE))).isEqualTo(reachCells);
        assertThat(entries(coverage.<OfficerImpact>store(CoverageTopology.IMPACT_STORE))).isEqualTo(impact);
        assertThat(entries(coverage.<Long>store(CoverageTopology.OBSERVED_SINCE_STORE))).isEqualTo(observed);
        assertThat(entries(coverage.<Boolean>store(CoverageTopology.CELL_OFFICERS_STORE))).isEqualTo(members);
        // Changes made before the restart but not yet published are published after it.
        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(2);
        int searches = valley.searches();
        coverage.fix("a", valley.offset(10, 10, 50, 0), T.plusSeconds(110));
        assertThat(valley.searches()).isEqualTo(searches);

        coverage.fix("b", valley.node(35, 35), T.plusSeconds(120));

        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);
        assertThat(coverage.impacts().get("a").getSoleCoverCells()).isEqualTo(1);
    }

    @Test
    void aCellChangedManyTimesWithinAnEmitIntervalIsPublishedOnceWithItsLatestCoverage() {
        coverage = start(DemandSeed.none());
        coverage.status("a", OfficerState.AVAILABLE, village, T);
        coverage.status("b", OfficerState.AVAILABLE, village, T.plusSeconds(1));
        coverage.status("c", OfficerState.EN_ROUTE, village, T.plusSeconds(2));
        coverage.publishChangedCells();

        TestOutputTopic<String, CoverageCell> published = coverage.driver().createOutputTopic(
                Topic.COVERAGE_CELLS.topicName(), Serdes.String().deserializer(),
                PlainAvroSerdes.of(CoverageCell.class).deserializer());
        List<CoverageCell> village = published.readValuesToList().stream()
                .filter(cell -> cell.getCellId().equals(villageCell)).toList();
        assertThat(village).hasSize(1);
        assertThat(village.get(0).getOfficersInReach()).isEqualTo(3);
        assertThat(village.get(0).getAvailableInReach()).isEqualTo(2);
        assertThat(village.get(0).getUpdatedAt()).isEqualTo(T.plusSeconds(2));
    }

    @Test
    void demandFollowsTheHourOfTheWeek() {
        coverage = start(DemandSeed.none());
        coverage.incident("inc-1", 1, IncidentEventType.REPORTED, village, T);
        assertThat(coverage.cells().get(villageCell).getDeficit()).isEqualTo(1);

        // Stream time passes into the next hour (11:xx on Monday) on an officer far away.
        coverage.status("z", OfficerState.AVAILABLE, valley.node(35, 35), T.plus(Duration.ofMinutes(58)));
        coverage.status("z", OfficerState.OFF_DUTY, null, T.plus(Duration.ofMinutes(61)));

        CoverageCell nextHour = coverage.cells().get(villageCell);
        assertThat(nextHour.getDemandPerHour()).isZero();
        assertThat(nextHour.getRequiredLevel()).isZero();
        assertThat(nextHour.getDeficit()).isZero();
    }

    @Test
    void aSeededCellWithDemandAndNobodyInReachIsPublishedInDeficit() {
        String seedCsv = String.join("\n", "cell,hour_of_week,incidents_per_hour",
                villageCell + "," + HourOfWeek.of(T, ZoneId.of("UTC")).value() + ",2.0");
        coverage = start(DemandSeed.parse(List.of(seedCsv.split("\n")), grid, "seed"));

        coverage.status("z", OfficerState.AVAILABLE, valley.node(35, 35), T);
        coverage.status("z", OfficerState.OFF_DUTY, null, T.plus(Duration.ofMinutes(2)));

        CoverageCell seeded = coverage.cells().get(villageCell);
        assertThat(seeded.getDemandPerHour()).isPositive();
        assertThat(seeded.getOfficersInReach()).isZero();
        assertThat(seeded.getDeficit()).isEqualTo(1);
    }

    @Test
    void badFixesAreDeadLetteredAndProcessingGoesOn() {
        coverage = start(DemandSeed.none());
        TestInputTopic<String, byte[]> raw = coverage.driver().createInputTopic(
                Topic.TELEMATICS.topicName(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        TestOutputTopic<String, byte[]> deadLetters = coverage.driver().createOutputTopic(
                Topic.TELEMATICS.dlqName(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        byte[] notAvro = {1, 2, 3};
        coverage.fixRaw("a", 123.0, 1.5, T);
        raw.pipeInput("a", notAvro, T.plusSeconds(1));
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(2));

        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);
        List<byte[]> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(2);
        assertThat(letters.get(1)).isEqualTo(notAvro);
        assertThat(meters.get("bluelight.dead.letters").tag("reason", "invalid-position").counter().count()).isEqualTo(1);
    }

    // Hostile input at the edge: ids that could not be keys of state and
    // times far from the record's timestamp are dead-lettered once, with a reason, before they reach
    // state or a repartition topic, and good records after them still count.

    @Test
    void timesFarFromTheRecordsTimestampAreDeadLetteredAndLaterRecordsStillCount() {
        coverage = start(DemandSeed.none());
        coverage.send("a", hostileStatus("a", Instant.parse("9999-12-31T00:00:00Z")), T);
        coverage.send("a", fixAt("a", Instant.parse("0001-01-01T00:00:00Z"), village), T);
        // A fix dated 9999 on a record stamped 1970, as a hostile feed sent.
        coverage.send("a", fixAt("a", Instant.parse("9999-01-01T00:00:00Z"), village), Instant.EPOCH);
        coverage.send("inc-1", incidentAt("inc-1", Instant.parse("1970-01-01T00:00:00Z")), T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(1));

        assertThat(coverage.deadLetterReasons(Topic.OFFICER_STATUS)).containsExactly("time-out-of-window");
        assertThat(coverage.deadLetterReasons(Topic.TELEMATICS)).containsExactly("time-out-of-window", "time-out-of-window");
        assertThat(coverage.deadLetterReasons(Topic.INCIDENTS)).containsExactly("time-out-of-window");
        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);
        assertThat(coverage.cells().get(villageCell).getDemandPerHour()).isZero();
    }

    @Test
    void aHundredKilobyteOrUnprintableIdIsDeadLetteredOnceAndNeverReachesStateOrARepartition() {
        coverage = start(DemandSeed.none());
        String huge = "\u00e9".repeat(100_000);
        coverage.send(huge, hostileStatus(huge, T), T);
        coverage.send("b\u0007", hostileStatus("b\u0007", T), T);
        coverage.send("a", fixAt("b", T, village), T);
        coverage.send(huge, incidentAt(huge, T), T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(1));

        assertThat(coverage.deadLetterReasons(Topic.OFFICER_STATUS)).containsExactly("invalid-id", "invalid-id");
        assertThat(coverage.deadLetterReasons(Topic.TELEMATICS)).containsExactly("key-mismatch");
        assertThat(coverage.deadLetterReasons(Topic.INCIDENTS)).containsExactly("invalid-id");
        assertThat(meters.get("bluelight.dead.letters").counters().stream().mapToDouble(Counter::count).sum()).isEqualTo(4.0);
        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);
        assertThat(coverage.impacts()).containsOnlyKeys("a");
    }

    @Test
    void aCellFullOfIncidentsRefusesANewOneAsADeadLetterAndStillTakesChangesOfThoseItHolds() {
        CoverageSettings twoPerCell = new CoverageSettings(8, ReachRule.defaults(), Duration.ofMinutes(15),
                new DemandSettings(Duration.ofDays(28), 12, ZoneId.of("UTC"), 2), RequiredLevels.defaults(), 1,
                Duration.ofMinutes(1), 2, CoverageDriver.EMIT_INTERVAL, InputLimits.defaults());
        coverage = new CoverageDriver(twoPerCell, roadCells, valley, DemandSeed.none(), meters, stateDir);
        coverage.incident("inc-1", 1, IncidentEventType.REPORTED, village, T);
        coverage.incident("inc-2", 2, IncidentEventType.REPORTED, village, T.plusSeconds(10));
        coverage.incident("inc-3", 1, IncidentEventType.REPORTED, village, T.plusSeconds(20));
        coverage.incident("inc-2", 2, IncidentEventType.CLOSED, village, T.plusSeconds(30));
        coverage.incident("inc-1", 1, IncidentEventType.CANCELLED, village, T.plusSeconds(40));
        coverage.incident("inc-4", 1, IncidentEventType.REPORTED, village, T.plusSeconds(50));

        assertThat(coverage.deadLetterReasons(DeadLetterTopics.fallback(CoverageDriver.APPLICATION_ID)))
                .containsExactly(DemandSettings.CELL_FULL);
        KeyValueStore<String, CellState> cells = coverage.store(CoverageTopology.CELL_STORE);
        assertThat(cells.get(villageCell).incidents()).containsOnlyKeys("inc-2", "inc-4");
    }

    @Test
    void coordinatesThatCannotExistAreDeadLettered() {
        coverage = start(DemandSeed.none());
        coverage.fixRaw("a", Double.NaN, 1.5, T);
        coverage.fixRaw("a", 42.5, Double.POSITIVE_INFINITY, T);
        coverage.fixRaw("a", Double.NEGATIVE_INFINITY, 1.5, T);
        coverage.fixRaw("a", 42.5, 181.0, T);

        assertThat(coverage.deadLetterReasons(Topic.TELEMATICS)).hasSize(4).containsOnly("invalid-position");
    }

    private static OfficerStatus hostileStatus(String officerId, Instant changedAt) {
        return OfficerStatus.newBuilder().setOfficerId(officerId).setCallSign("C").setState(OfficerState.AVAILABLE)
                .setChangedAt(changedAt).setTransport(Transport.CAR).setDrivingStandard(DrivingStandard.STANDARD)
                .setDispatchGroup("north").setPosition(new org.bluelight.schemas.GeoPoint(42.5, 1.5)).build();
    }

    private static PositionFix fixAt(String officerId, Instant at, GeoPoint where) {
        return PositionFix.newBuilder().setOfficerId(officerId).setFixedAt(at)
                .setPosition(new org.bluelight.schemas.GeoPoint(where.lat(), where.lon())).build();
    }

    private IncidentEvent incidentAt(String incidentId, Instant reportedAt) {
        return IncidentEvent.newBuilder().setIncidentId(incidentId).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(reportedAt).setReportedAt(reportedAt).setGrade(1).setCategory(IncidentCategory.ROBBERY)
                .setLocation(new org.bluelight.schemas.GeoPoint(village.lat(), village.lon())).build();
    }

    private CoverageDriver start(DemandSeed seed) {
        return new CoverageDriver(settings, roadCells, valley, seed, meters, stateDir);
    }

    private static <V> void restore(KeyValueStore<String, V> store, Map<String, V> changelog) {
        changelog.forEach(store::put);
    }

    private static <V> Map<String, V> entries(KeyValueStore<String, V> store) {
        Map<String, V> all = new HashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining((KeyValue<String, V> kv) -> all.put(kv.key, kv.value));
        }
        return all;
    }
}
