package org.bluelight.coverage.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.Position;
import org.bluelight.coverage.cell.RequiredLevels;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.demand.DemandSettings;
import org.bluelight.coverage.reach.LatticeReachability;
import org.bluelight.coverage.reach.ReachRule;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input at coverage's edge (issue 18, items 1, 2 and 7): ids that could not be keys of
 * state and times far from the record's timestamp are dead-lettered once, with a reason, before
 * they reach state or a repartition topic, and good records after them still count.
 */
class CoverageIntakeTest {

    private static final Instant T = Instant.parse("2025-03-03T10:05:00Z");

    private final LatticeReachability valley = new LatticeReachability(new Position(42.50, 1.50), 40, 40, 200, 2000);
    private final CellGrid grid = new CellGrid(8);
    private final RoadCells roadCells = RoadCells.fromRoadNodes(grid, valley.allNodes(), 2);
    private final CoverageSettings settings = new CoverageSettings(8, ReachRule.defaults(), Duration.ofMinutes(15),
            new DemandSettings(Duration.ofDays(28), 12, ZoneId.of("UTC")), RequiredLevels.defaults(), 1,
            Duration.ofMinutes(1), 2, CoverageDriver.EMIT_INTERVAL, InputLimits.defaults());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Position village = valley.node(10, 10);
    private final String villageCell = CellGrid.toHex(grid.cellOf(village));

    @TempDir
    Path stateDir;
    private CoverageDriver coverage;

    @BeforeEach
    void start() {
        coverage = new CoverageDriver(settings, roadCells, valley, DemandSeed.none(), meters, stateDir);
    }

    @AfterEach
    void close() {
        coverage.close();
    }

    @Test
    void timesFarFromTheRecordsTimestampAreDeadLetteredAndLaterRecordsStillCount() {
        coverage.send("a", status("a", Instant.parse("9999-12-31T00:00:00Z")), T);
        coverage.send("a", fix("a", Instant.parse("0001-01-01T00:00:00Z"), village), T);
        // The fix: dated 9999 on a record stamped 1970.
        coverage.send("a", fix("a", Instant.parse("9999-01-01T00:00:00Z"), village), Instant.EPOCH);
        coverage.send("inc-1", incident("inc-1", Instant.parse("1970-01-01T00:00:00Z")), T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(1));

        assertThat(coverage.deadLetterReasons(Topic.OFFICER_STATUS)).containsExactly("time-out-of-window");
        assertThat(coverage.deadLetterReasons(Topic.TELEMATICS)).containsExactly("time-out-of-window", "time-out-of-window");
        assertThat(coverage.deadLetterReasons(Topic.INCIDENTS)).containsExactly("time-out-of-window");
        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);
        assertThat(coverage.cells().get(villageCell).getDemandPerHour()).isZero();
    }

    @Test
    void aHundredKilobyteOrUnprintableIdIsDeadLetteredOnceAndNeverReachesStateOrARepartition() {
        String huge = "\u00e9".repeat(100_000);
        coverage.send(huge, status(huge, T), T);
        coverage.send("b\u0007", status("b\u0007", T), T);
        coverage.send("a", fix("b", T, village), T);
        coverage.send(huge, incident(huge, T), T);
        coverage.status("a", OfficerState.AVAILABLE, village, T.plusSeconds(1));

        assertThat(coverage.deadLetterReasons(Topic.OFFICER_STATUS)).containsExactly("invalid-id", "invalid-id");
        assertThat(coverage.deadLetterReasons(Topic.TELEMATICS)).containsExactly("key-mismatch");
        assertThat(coverage.deadLetterReasons(Topic.INCIDENTS)).containsExactly("invalid-id");
        assertThat(meters.get("bluelight.dead.letters").counters().stream().mapToDouble(Counter::count).sum()).isEqualTo(4.0);
        assertThat(coverage.cells().get(villageCell).getOfficersInReach()).isEqualTo(1);
        assertThat(coverage.impacts()).containsOnlyKeys("a");
    }

    @Test
    void coordinatesThatCannotExistAreDeadLettered() {
        coverage.fixRaw("a", Double.NaN, 1.5, T);
        coverage.fixRaw("a", 42.5, Double.POSITIVE_INFINITY, T);
        coverage.fixRaw("a", Double.NEGATIVE_INFINITY, 1.5, T);
        coverage.fixRaw("a", 42.5, 181.0, T);

        assertThat(coverage.deadLetterReasons(Topic.TELEMATICS)).hasSize(4).containsOnly("invalid-position");
    }

    private static OfficerStatus status(String officerId, Instant changedAt) {
        return OfficerStatus.newBuilder().setOfficerId(officerId).setCallSign("C").setState(OfficerState.AVAILABLE)
                .setChangedAt(changedAt).setTransport(Transport.CAR).setDrivingStandard(DrivingStandard.STANDARD)
                .setDispatchGroup("north").setPosition(new GeoPoint(42.5, 1.5)).build();
    }

    private static PositionFix fix(String officerId, Instant at, Position where) {
        return PositionFix.newBuilder().setOfficerId(officerId).setFixedAt(at)
                .setPosition(new GeoPoint(where.lat(), where.lon())).build();
    }

    private IncidentEvent incident(String incidentId, Instant reportedAt) {
        return IncidentEvent.newBuilder().setIncidentId(incidentId).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(reportedAt).setReportedAt(reportedAt).setGrade(1).setCategory(IncidentCategory.ROBBERY)
                .setLocation(new GeoPoint(village.lat(), village.lon())).build();
    }
}
