package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.stream.DispatchDriver.incident;
import static org.bluelight.dispatch.stream.DispatchDriver.unit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.fixtures.TableTravelTimes;
import org.bluelight.dispatch.geo.MapBounds;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.BacklogEntry;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per dispatch rule (the officer-selection paper's, as the README lists them), through the whole topology in a TopologyTestDriver,
 * with the app's own Confluent-wire-format serdes against a real schema registry (which keeps its
 * schemas on a broker, hence the cluster).
 */
class DispatchTopologyIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final GeoPoint SCENE = new GeoPoint(52.6369, -1.1398);
    /** Leicestershire, roughly: the map for the bad-input tests. */
    static final MapBounds COUNTY = new MapBounds(52.39, -1.60, 52.98, -0.66);

    static SchemaRegistryServer registry;
    static AppSerdes serdes;

    @TempDir
    Path stateDir;
    final TableTravelTimes roads = new TableTravelTimes(10);
    DispatchDriver d;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        serdes = AppSerdes.connect(RegistryClientConfig.of(registry.uri().toString()));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    DispatchDriver start(DispatchRules rules) {
        d = new DispatchDriver(serdes, rules, roads, stateDir);
        return d;
    }

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    static org.bluelight.schemas.GeoPoint point(GeoPoint location) {
        return new org.bluelight.schemas.GeoPoint(location.lat(), location.lon());
    }

    void sendUnit(org.bluelight.schemas.OfficerStatus.Builder status, GeoPoint where) {
        d.send(status.setPosition(point(where)));
    }

    static List<String> firstUnits(Recommendation recommendation) {
        return recommendation.getCandidates().stream().map(c -> c.getOfficerIds().get(0)).toList();
    }

    @Test
    void grade1SkipsAnOfficerOnBreakButGrade2TakesOneWhoseBreakEndsInTime() {
        start(DispatchRules.defaults());
        sendUnit(unit("BRK", OfficerState.ON_BREAK, T0).setPredictedFreeAt(T0.plus(Duration.ofMinutes(20))), SCENE.offset(800, 0));

        d.send(incident("G1", 1, T0.plusSeconds(1)).setLocation(point(SCENE)));
        d.send(incident("G2", 2, T0.plusSeconds(2)).setLocation(point(SCENE)));

        List<Recommendation> out = d.recommendations.readValuesToList();
        assertThat(out).extracting(Recommendation::getIncidentId, Recommendation::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("G1", RecommendationStatus.NO_CANDIDATE),
                org.assertj.core.groups.Tuple.tuple("G2", RecommendationStatus.ACTIVE));
        assertThat(out.get(0).getNoCandidateReason())
                .isEqualTo("no available officer in dispatch group NORTH and no crew on a lower-grade incident to divert");
        Candidate onBreak = out.get(1).getCandidates().get(0);
        assertThat(onBreak.getOfficerIds()).containsExactly("BRK");
        assertThat(onBreak.getAvailableFrom()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(onBreak.getEtaSeconds()).isGreaterThan(20 * 60 - 2);
        assertThat(onBreak.getMeetsTarget()).isTrue();
    }

    @Test
    void anAdvancedDriver3KmAwayOnAFastRoadBeatsABasicDriver2KmAwayInTownOnGrade1ButNotOnGrade2() {
        start(DispatchRules.defaults());
        roads.route("ADV", 300, 170, 3400).route("BAS", 240, 240, 2300);
        sendUnit(unit("ADV", OfficerState.AVAILABLE, T0).setDrivingStandard(DrivingStandard.ADVANCED), SCENE.offset(3000, 0));
        sendUnit(unit("BAS", OfficerState.AVAILABLE, T0), SCENE.offset(2000, 180));

        d.send(incident("G1", 1, T0.plusSeconds(1)).setLocation(point(SCENE)));
        d.send(incident("G2", 2, T0.plusSeconds(2)).setLocation(point(SCENE)));

        List<Recommendation> out = d.recommendations.readValuesToList();
        assertThat(firstUnits(out.get(0))).containsExactly("ADV", "BAS");
        Candidate advanced = out.get(0).getCandidates().get(0);
        assertThat(advanced.getEmergencyDriving()).isTrue();
        assertThat(advanced.getEtaSeconds()).isEqualTo(170);
        assertThat(advanced.getRoadDistanceMeters()).isEqualTo(3400);
        assertThat(advanced.getStraightLineMeters()).isBetween(2999.0, 3001.0);
        assertThat(advanced.getReasons().get(0)).isEqualTo("ETA 3 min (3.4 km by road), advanced driver, emergency route");
        assertThat(firstUnits(out.get(1))).containsExactly("BAS", "ADV");
        assertThat(out.get(1).getCandidates().get(1).getEmergencyDriving()).isFalse();
    }

    @Test
    void aCrewEnRouteToAGrade3IsOfferedAsADiversionForAGrade1AndTheGrade3ReturnsToTheBacklog() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE.offset(2000, 0));
        d.send(incident("G3", 3, T0.plusSeconds(1)).setLocation(point(SCENE.offset(5000, 0))));
        sendUnit(unit("U1", OfficerState.EN_ROUTE, T0.plusSeconds(2)).setIncidentId("G3"), SCENE.offset(2000, 0));
        d.backlog.readValuesToList();

        d.send(incident("G1", 1, T0.plusSeconds(10)).setLocation(point(SCENE)));
        Recommendation offer = d.recommendations.readValue();
        assertThat(offer.getStatus()).isEqualTo(RecommendationStatus.ACTIVE);
        assertThat(offer.getCandidates().get(0).getOfficerIds()).containsExactly("U1");
        assertThat(offer.getCandidates().get(0).getDivertedFromIncidentId()).isEqualTo("G3");

        d.assign("G1", T0.plusSeconds(20), "U1");

        BacklogSnapshot snapshot = d.backlog.readValue();
        assertThat(snapshot.getEntries()).extracting(BacklogEntry::getIncidentId).containsExactly("G3");
        assertThat(snapshot.getEntries().get(0).getReason()).startsWith("returned to the queue: CS-U1 diverted to incident G1");
        assertThat(d.recommendations.readValue().getStatus()).isEqualTo(RecommendationStatus.WITHDRAWN);
    }

    @Test
    void theBacklogServesAWaitingGrade1BeforeAnOlderGrade2WhenAnOfficerFreesUp() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.ON_SCENE, T0).setIncidentId("ELSEWHERE"), SCENE.offset(1000, 0));
        d.send(incident("OLD2", 2, T0.plusSeconds(1)).setLocation(point(SCENE)));
        d.send(incident("NEW1", 1, T0.plusSeconds(600)).setLocation(point(SCENE.offset(300, 90))));
        List<BacklogSnapshot> queued = d.backlog.readValuesToList();
        assertThat(queued.get(queued.size() - 1).getEntries()).extracting(BacklogEntry::getIncidentId)
                .containsExactly("NEW1", "OLD2");
        d.recommendations.readValuesToList();

        sendUnit(unit("U1", OfficerState.AVAILABLE, T0.plusSeconds(700)), SCENE.offset(1000, 0));

        Recommendation served = d.recommendations.readValue();
        assertThat(served.getIncidentId()).isEqualTo("NEW1");
        assertThat(served.getTrigger()).isEqualTo(RecommendationTrigger.BACKLOG_HEAD);
        assertThat(served.getCandidates().get(0).getOfficerIds()).containsExactly("U1");
        assertThat(d.recommendations.isEmpty()).isTrue();
        assertThat(d.backlog.readValue().getEntries()).extracting(BacklogEntry::getIncidentId).containsExactly("OLD2");
    }

    @Test
    void aCrewWhoseShiftEndsIn10MinutesIsRankedBelowAnEqualOne() {
        start(DispatchRules.defaults());
        roads.route("LEAVING", 200, 200, 1300).route("STAYING", 200, 200, 1300);
        sendUnit(unit("LEAVING", OfficerState.AVAILABLE, T0).setShiftEnd(T0.plus(Duration.ofMinutes(10))), SCENE.offset(1000, 0));
        sendUnit(unit("STAYING", OfficerState.AVAILABLE, T0).setShiftEnd(T0.plus(Duration.ofHours(8))), SCENE.offset(1000, 180));

        d.send(incident("G1", 1, T0.plusSeconds(1)).setLocation(point(SCENE)));

        Recommendation out = d.recommendations.readValue();
        assertThat(firstUnits(out)).containsExactly("STAYING", "LEAVING");
        Candidate leaving = out.getCandidates().get(1);
        assertThat(leaving.getScoreBreakdown()).anySatisfy(part -> {
            assertThat(part.getName()).isEqualTo("shift end");
            assertThat(part.getSeconds()).isEqualTo(900);
        });
        assertThat(leaving.getReasons()).anyMatch(r -> r.startsWith("shift ends 12:10Z"));
    }

    @Test
    void aStalePositionIsFlagged() {
        start(DispatchRules.defaults());
        sendUnit(unit("OLD", OfficerState.AVAILABLE, T0), SCENE.offset(1000, 0));
        sendUnit(unit("NEW", OfficerState.AVAILABLE, T0), SCENE.offset(1500, 180));
        d.fix("NEW", SCENE.offset(1500, 180).lat(), SCENE.offset(1500, 180).lon(), T0.plus(Duration.ofMinutes(5)));

        d.send(incident("G1", 1, T0.plus(Duration.ofMinutes(5))).setLocation(point(SCENE)));

        Recommendation out = d.recommendations.readValue();
        Candidate stale = out.getCandidates().stream().filter(c -> c.getOfficerIds().contains("OLD")).findFirst().orElseThrow();
        Candidate fresh = out.getCandidates().stream().filter(c -> c.getOfficerIds().contains("NEW")).findFirst().orElseThrow();
        assertThat(stale.getPositionStale()).isTrue();
        assertThat(stale.getPositionAgeSeconds()).isEqualTo(300);
        assertThat(stale.getReasons()).contains("position 5 min old (stale), ETA less certain");
        assertThat(fresh.getPositionStale()).isFalse();
    }

    @Test
    void aFixGoesOnToTheDeskOnlyOnceTheUnitMoved50mOrTheDesksPositionIs30sOld() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE.offset(1000, 0));
        // Fixes are judged where they are read, from the last fix sent on (a status's position is not seen there).
        fix("U1", SCENE.offset(1000, 0), T0);
        KeyValueStore<String, Officer> table = d.driver.getKeyValueStore(DispatchTopology.OFFICERS_STORE);
        KeyValueStore<String, Officer> desk = d.driver.getKeyValueStore(DispatchTopology.GROUP_OFFICERS_STORE);
        String atDesk = StoreBoard.key("NORTH", "U1");

        fix("U1", SCENE.offset(1040, 0), T0.plusSeconds(5));
        assertThat(table.get("U1").positionAt()).as("40 m after 5 s ends where fixes are read").isEqualTo(T0);
        assertThat(desk.get(atDesk).positionAt()).isEqualTo(T0);

        fix("U1", SCENE.offset(1060, 0), T0.plusSeconds(10));
        assertThat(desk.get(atDesk).position().metersTo(SCENE.offset(1060, 0))).as("60 m from the desk's").isLessThan(0.01);

        fix("U1", SCENE.offset(1070, 0), T0.plusSeconds(39));
        assertThat(desk.get(atDesk).positionAt()).isEqualTo(T0.plusSeconds(10));
        fix("U1", SCENE.offset(1070, 0), T0.plusSeconds(40));
        assertThat(desk.get(atDesk).positionAt()).as("the desk's position 30 s old").isEqualTo(T0.plusSeconds(40));

        sendUnit(unit("U1", OfficerState.ON_BREAK, T0.plusSeconds(41)), SCENE.offset(1070, 0));
        assertThat(desk.get(atDesk).state()).as("a status change always goes on").isEqualTo(OfficerState.ON_BREAK);
    }

    void fix(String officerId, GeoPoint where, Instant at) {
        d.fix(officerId, where.lat(), where.lon(), at);
    }

    @Test
    void theLatestRecommendationIsKeptWhileTheIncidentIsLiveAndForgottenOnceItClosesOrIsCancelled() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE.offset(1000, 0));
        d.send(incident("A", 1, T0.plusSeconds(1)).setLocation(point(SCENE)));
        d.send(incident("B", 2, T0.plusSeconds(2)).setLocation(point(SCENE)));
        KeyValueStore<String, Recommendation> latest = d.driver.getKeyValueStore(DispatchTopology.LATEST_RECOMMENDATIONS_STORE);
        assertThat(latest.get("A")).isNotNull();
        assertThat(latest.get("B")).isNotNull();

        d.send(incident("A", 1, T0.plusSeconds(1)).setEventType(IncidentEventType.CLOSED).setLocation(point(SCENE)));
        d.send(incident("B", 2, T0.plusSeconds(2)).setEventType(IncidentEventType.CANCELLED).setLocation(point(SCENE)));
        assertThat(latest.get("A")).isNull();
        assertThat(latest.get("B")).isNull();
    }

    @Test
    void anAssignmentOrTheUnitsOwnStatusStopsTheRecommendation() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE.offset(1000, 0));
        sendUnit(unit("U2", OfficerState.AVAILABLE, T0), SCENE.offset(1200, 0));
        d.send(incident("A", 1, T0.plusSeconds(1)).setLocation(point(SCENE)));
        d.send(incident("B", 1, T0.plusSeconds(2)).setLocation(point(SCENE)));
        d.recommendations.readValuesToList();

        d.assign("A", T0.plusSeconds(3), "U1");
        sendUnit(unit("U2", OfficerState.EN_ROUTE, T0.plusSeconds(4)).setIncidentId("B"), SCENE.offset(1200, 0));

        List<Recommendation> out = d.recommendations.readValuesToList();
        assertThat(out).filteredOn(r -> r.getStatus() == RecommendationStatus.WITHDRAWN)
                .extracting(Recommendation::getIncidentId).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void badInputIsDeadLetteredWithItsReasonAndProcessingGoesOn() {
        start(DispatchRules.defaults().withMapBounds(COUNTY));
        var telematicsDlq = d.deadLetters(Topic.TELEMATICS);
        var incidentsDlq = d.deadLetters(Topic.INCIDENTS);
        var statusDlq = d.deadLetters(Topic.OFFICER_STATUS);

        d.fix("GHOST", SCENE.lat(), SCENE.lon(), T0);
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE);
        d.fix("U1", 48.85, 2.35, T0.plusSeconds(1));
        d.send(unit("U2", OfficerState.AVAILABLE, T0).setDispatchGroup(""));
        d.send(incident("BAD", 7, T0.plusSeconds(2)).setLocation(point(SCENE)));
        d.send(incident("GOOD", 1, T0.plusSeconds(3)).setLocation(point(SCENE)));

        // A fix for an officer with no status yet is held for the status (topics are not read in step), not refused.
        assertThat(telematicsDlq.readRecordsToList()).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly("position-outside-map");
        assertThat(statusDlq.readRecordsToList()).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly("missing-dispatch-group");
        TestRecord<byte[], byte[]> badGrade = incidentsDlq.readRecord();
        assertThat(header(badGrade, DeadLetterHeaders.REASON)).isEqualTo("unknown-grade");
        assertThat(header(badGrade, DeadLetterHeaders.MESSAGE)).isEqualTo("incident BAD has grade 7; known grades are [1, 2, 3, 4]");
        assertThat(d.recommendations.readValue().getIncidentId()).isEqualTo("GOOD");
    }

    @Test
    void anIncidentWithNoLocationGetsARecommendationThatSaysWhy() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE);

        d.send(incident("NOWHERE", 1, T0.plusSeconds(1)));

        Recommendation out = d.recommendations.readValue();
        assertThat(out.getStatus()).isEqualTo(RecommendationStatus.NO_CANDIDATE);
        assertThat(out.getNoCandidateReason()).isEqualTo("incident has no location yet");
        assertThat(d.backlog.readValue().getEntries()).singleElement()
                .satisfies(e -> assertThat(e.getReason()).isEqualTo("incident has no location yet"));
    }

    @Test
    void aWaitingIncidentIsMarkedBreachedOnceItPassesItsTarget() {
        start(DispatchRules.defaults());
        d.send(incident("G1", 1, T0).setLocation(point(SCENE)));
        assertThat(d.backlog.readValue().getEntries().get(0).getBreached()).isFalse();

        // Stream time moves on with any record, e.g. a unit's status 16 minutes later.
        d.send(unit("U9", OfficerState.OFF_DUTY, T0.plus(Duration.ofMinutes(16))));

        BacklogSnapshot later = d.backlog.readValue();
        assertThat(later.getEntries().get(0).getBreached()).isTrue();
        assertThat(later.getSnapshotAt()).isAfter(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aRegradeRefreshesTheRecommendationWithTheNewTarget() {
        start(DispatchRules.defaults());
        sendUnit(unit("U1", OfficerState.AVAILABLE, T0), SCENE.offset(1000, 0));
        d.send(incident("I", 2, T0).setLocation(point(SCENE)));
        d.send(incident("I", 1, T0).setEventType(IncidentEventType.UPDATED).setOccurredAt(T0.plusSeconds(30))
                .setLocation(point(SCENE)));

        List<Recommendation> out = d.recommendations.readValuesToList();
        assertThat(out).extracting(Recommendation::getRevision, Recommendation::getTrigger, Recommendation::getTargetSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RecommendationTrigger.REPORTED, 3600),
                        org.assertj.core.groups.Tuple.tuple(2, RecommendationTrigger.REGRADED, 900));
        assertThat(out.get(1).getRecommendationId()).isEqualTo("I#2");
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
