package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.metrics.response.ResponseKpiMeters;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.FsuTally;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTopologyTest {

    static final String SQUARE = """
            {"type":"Polygon","coordinates":[[[-1.260,51.750],[-1.250,51.750],[-1.250,51.760],[-1.260,51.760],[-1.260,51.750]]]}""";
    static final GeoPoint INSIDE = new GeoPoint(51.755, -1.255);
    static final GeoPoint OUTSIDE = new GeoPoint(51.700, -1.300);
    /** 2024-03-31 is the spring-forward night: 06:00 BST is 05:00 UTC. */
    static final Instant CLOCK_CHANGE_SIX = Instant.parse("2024-03-31T05:00:00Z");

    private final AvroBinarySerdes serdes = new AvroBinarySerdes();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final FsuBoard board = new FsuBoard();
    private TopologyTestDriver driver;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() throws Exception {
        MetricsTopology.Shared shared = new MetricsTopology.Shared(new HotSpotCatalogue(0.005), board, new ResponseKpiMeters(meters), meters);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(MetricsTopology.build(MetricsSettings.defaults(), serdes, shared), props);
        input(Topic.HOTSPOTS, String.class, HotSpot.class).pipeInput("HS1", HotSpot.newBuilder().setHotSpotId("HS1").setName("Cowley Road")
                .setTrialId("T").setPatrolAreas(List.of(new PatrolArea("HS1-P1", SQUARE))).build());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <K, V> TestInputTopic<K, V> input(Topic topic, Class<K> keyType, Class<V> valueType) {
        return driver.createInputTopic(topic.topicName(), serdes.key(topic, keyType).serializer(), serdes.value(topic, valueType).serializer());
    }

    private <K, V> Map<K, V> latest(Topic topic, Class<K> keyType, Class<V> valueType) {
        TestOutputTopic<K, V> output = driver.createOutputTopic(topic.topicName(),
                serdes.key(topic, keyType).deserializer(), serdes.value(topic, valueType).deserializer());
        return output.readKeyValuesToMap();
    }

    static IncidentEvent.Builder incident(String id, Instant reportedAt, IncidentCategory category, GeoPoint location) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED).setOccurredAt(reportedAt)
                .setReportedAt(reportedAt).setGrade(1).setCategory(category).setRecordedCrime(true).setLocation(location)
                .setDispatchGroup("RAD1");
    }

    static OfficerStatus status(String officer, OfficerState state, String incident, Instant at) {
        return OfficerStatus.newBuilder().setOfficerId(officer).setCallSign(officer).setState(state).setChangedAt(at)
                .setDispatchGroup("RAD1").setIncidentId(incident).build();
    }

    private static void pipe(TestInputTopic<String, OfficerStatus> statuses, OfficerStatus status) {
        statuses.pipeInput(status.getOfficerId(), status, status.getChangedAt());
    }

    private void pipe(IncidentEvent event) {
        input(Topic.INCIDENTS, String.class, IncidentEvent.class).pipeInput(event.getIncidentId(), event, event.getOccurredAt());
    }

    @Test
    void incidentsEitherSideOfSixOClockOnTheClockChangeNightCountOnTheirTrialDays() {
        LocalDate saturday = LocalDate.parse("2024-03-30");
        LocalDate sunday = LocalDate.parse("2024-03-31");
        TestInputTopic<TrialAllocationKey, TrialAllocation> allocations =
                input(Topic.TRIAL_ALLOCATIONS, TrialAllocationKey.class, TrialAllocation.class);
        allocations.pipeInput(new TrialAllocationKey(saturday, "HS1"), new TrialAllocation("T", saturday, "HS1", TrialArm.TREATMENT, 7L));
        allocations.pipeInput(new TrialAllocationKey(sunday, "HS1"), new TrialAllocation("T", sunday, "HS1", TrialArm.CONTROL, 7L));

        pipe(incident("I1", CLOCK_CHANGE_SIX.minusSeconds(1), IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).build());
        pipe(incident("I2", CLOCK_CHANGE_SIX, IncidentCategory.THEFT, INSIDE).build());
        pipe(incident("I3", CLOCK_CHANGE_SIX, IncidentCategory.THEFT, OUTSIDE).build());

        Map<HotSpotDayKey, HotSpotDay> days = latest(Topic.HOTSPOT_TRIAL, HotSpotDayKey.class, HotSpotDay.class);
        HotSpotDay before = days.get(new HotSpotDayKey("HS1", saturday));
        HotSpotDay after = days.get(new HotSpotDayKey("HS1", sunday));
        assertThat(before.getArm()).isEqualTo(TrialArm.TREATMENT);
        assertThat(before.getCounts().getViolentCrime()).isEqualTo(1);
        assertThat(before.getCounts().getAllCrime()).isEqualTo(1);
        assertThat(after.getArm()).isEqualTo(TrialArm.CONTROL);
        assertThat(after.getCounts().getAcquisitive()).isEqualTo(1);
        assertThat(after.getCounts().getAllCrime()).as("I3 is outside the hot spot").isEqualTo(1);
    }

    @Test
    void recategorisedIncidentMovesAndCancelledOneLeaves() {
        Instant noon = Instant.parse("2024-05-01T11:00:00Z");
        pipe(incident("I1", noon, IncidentCategory.THEFT, INSIDE).build());
        pipe(incident("I1", noon, IncidentCategory.ROBBERY, INSIDE).setEventType(IncidentEventType.UPDATED).setKnifeEnabled(true).build());
        pipe(incident("I1", noon, IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).setEventType(IncidentEventType.UPDATED)
                .setOccurredAt(noon.plusSeconds(600)).build());
        pipe(incident("I2", noon, IncidentCategory.SHOPLIFTING, INSIDE).build());
        pipe(incident("I2", noon, IncidentCategory.SHOPLIFTING, INSIDE).setEventType(IncidentEventType.CANCELLED).build());

        HotSpotDay day = latest(Topic.HOTSPOT_TRIAL, HotSpotDayKey.class, HotSpotDay.class)
                .get(new HotSpotDayKey("HS1", LocalDate.parse("2024-05-01")));
        assertThat(day.getCounts().getAcquisitive()).isZero();
        assertThat(day.getCounts().getKnifeEnabled()).isZero();
        assertThat(day.getCounts().getViolentCrime()).isEqualTo(1);
        assertThat(day.getCounts().getAllCrime()).isEqualTo(1);
        assertThat(day.getArm()).as("no allocation for that day").isNull();
    }

    @Test
    void crimeRecordReplacesItsIncidentInTheCounts() {
        Instant noon = Instant.parse("2024-05-01T11:00:00Z");
        pipe(incident("I1", noon, IncidentCategory.VIOLENCE_WITHOUT_INJURY, INSIDE).build());
        CrimeRecord crime = CrimeRecord.newBuilder().setCrimeId("C1").setIncidentId("I1").setCommittedAt(noon.minusSeconds(3600))
                .setRecordedAt(noon.plusSeconds(7200)).setCategory(IncidentCategory.SEXUAL_OFFENCE).setLocation(INSIDE).build();
        input(Topic.CRIME_RECORDS, String.class, CrimeRecord.class).pipeInput("C1", crime, noon.plusSeconds(7200));

        HotSpotDay day = latest(Topic.HOTSPOT_TRIAL, HotSpotDayKey.class, HotSpotDay.class)
                .get(new HotSpotDayKey("HS1", LocalDate.parse("2024-05-01")));
        assertThat(day.getCounts().getAllCrime()).isEqualTo(1);
        assertThat(day.getCounts().getViolentCrime()).isZero();
        assertThat(day.getCounts().getSexualAssault()).isEqualTo(1);
    }

    @Test
    void twelveMinuteTrackInsideThePatrolAreaIsOneVisit() {
        TestInputTopic<String, PositionFix> fixes = input(Topic.TELEMATICS, String.class, PositionFix.class);
        Instant start = Instant.parse("2024-05-01T12:00:00Z");
        for (int i = 0; i <= 30; i++) {
            Instant at = start.plusSeconds(30L * i);
            GeoPoint where = i >= 2 && i <= 26 ? INSIDE : OUTSIDE; // inside from 12:01:00 to 12:13:00
            fixes.pipeInput("O1", PositionFix.newBuilder().setOfficerId("O1").setFixedAt(at).setPosition(where).build(), at);
        }
        HotSpotDay day = latest(Topic.HOTSPOT_TRIAL, HotSpotDayKey.class, HotSpotDay.class)
                .get(new HotSpotDayKey("HS1", LocalDate.parse("2024-05-01")));
        assertThat(day.getPatrolVisits()).isEqualTo(1);
        assertThat(day.getPatrolMinutes()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void frequentServiceUserTalliesCountCallsResourceHoursAndCustody() {
        Instant reported = Instant.parse("2024-05-01T20:00:00Z");
        pipe(incident("I1", reported, IncidentCategory.DOMESTIC_INCIDENT, INSIDE).setRecordedCrime(false)
                .setOriginatorPersonId("P-caller").setSubjectPersonIds(List.of("P-subject")).build());
        pipe(incident("I2", reported, IncidentCategory.PUBLIC_ORDER, INSIDE).setPreplannedOperation(true)
                .setOriginatorPersonId("P-caller").build());
        input(Topic.ASSIGNMENTS, String.class, Assignment.class).pipeInput("I1", Assignment.newBuilder().setIncidentId("I1")
                .setAction(AssignmentAction.ASSIGNED).setOfficerIds(List.of("O1", "O2")).setDecidedAt(reported.plusSeconds(60)).build(), reported.plusSeconds(60));
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS, String.class, OfficerStatus.class);
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", reported.plusSeconds(600)));
        pipe(statuses, status("O1", OfficerState.AVAILABLE, null, reported.plusSeconds(60 + 3600)));
        pipe(statuses, status("O2", OfficerState.AVAILABLE, null, reported.plusSeconds(60 + 1800)));
        CustodyRecord custody = CustodyRecord.newBuilder().setCustodyId("K1").setPersonId("P-subject")
                .setArrivedAt(reported).setReleasedAt(reported.plusSeconds(300 * 3600)).build();
        input(Topic.CUSTODY_RECORDS, String.class, CustodyRecord.class).pipeInput("K1", custody, reported.plusSeconds(7200));

        driver.advanceWallClockTime(Duration.ofHours(1));

        Map<String, FsuTally> tallies = latest(Topic.FSU, String.class, FsuTally.class);
        FsuTally caller = tallies.get("P-caller");
        FsuTally subject = tallies.get("P-subject");
        assertThat(caller.getCallsAsOriginator()).as("the pre-planned operation is excluded").isEqualTo(1);
        assertThat(caller.getOriginatorResourceHours()).as("O1 1 h + O2 0.5 h from assignment to release").isCloseTo(1.5, within(1e-9));
        assertThat(subject.getCallsAsSubject()).isEqualTo(1);
        assertThat(subject.getSubjectResourceHours()).isCloseTo(1.5, within(1e-9));
        assertThat(subject.getCustodyCount()).isEqualTo(1);
        assertThat(subject.getCustodyHours()).isEqualTo(200.0);
        assertThat(subject.getRank4()).isEqualTo(1);
        // of two people the subject tops 4 of the 9 totals (subject calls and hours, custody count and hours)
        assertThat(subject.getMetric4()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(caller.getMetric2()).isEqualTo(1.0);
        assertThat(board.top(Metric.OVERALL, Optional.empty(), Optional.empty()))
                .extracting(FsuBoard.Listed::personId).containsExactly("P-subject", "P-caller");
    }

    @Test
    void firstArrivalGivesHourlyAndDailyKpisAndGauges() {
        Instant reported = Instant.parse("2024-05-01T10:05:00Z");
        pipe(incident("I1", reported, IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).build());
        pipe(incident("I2", reported, IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).build());
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS, String.class, OfficerStatus.class);
        pipe(statuses, status("O1", OfficerState.EN_ROUTE, "I1", reported.plusSeconds(60)));
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", reported.plusSeconds(600)));
        pipe(statuses, status("O2", OfficerState.ON_SCENE, "I1", reported.plusSeconds(700)));
        pipe(statuses, status("O3", OfficerState.ON_SCENE, "I2", reported.plusSeconds(1200)));

        Map<ResponseKpiKey, ResponseKpi> kpis = latest(Topic.RESPONSE_KPIS, ResponseKpiKey.class, ResponseKpi.class);
        ResponseKpi hour = kpis.get(new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, Instant.parse("2024-05-01T10:00:00Z")));
        assertThat(hour.getCount()).isEqualTo(2);
        assertThat(hour.getMedianSeconds()).isEqualTo(900.0);
        assertThat(hour.getOnTargetCount()).isEqualTo(1);
        assertThat(hour.getOnTargetShare()).isEqualTo(0.5);
        assertThat(hour.getTargetSeconds()).isEqualTo(900);
        ResponseKpi day = kpis.get(new ResponseKpiKey("RAD1", 1, KpiWindow.DAY, Instant.parse("2024-04-30T23:00:00Z")));
        assertThat(day.getCount()).isEqualTo(2);
        assertThat(day.getP90Seconds()).isEqualTo(1140.0);
        assertThat(meters.get("bluelight.response.median.seconds").tags("group", "RAD1", "grade", "1", "window", "hour").gauge().value())
                .isEqualTo(900.0);
        assertThat(meters.get("bluelight.response.on.target.share").tags("group", "RAD1", "grade", "1", "window", "day").gauge().value())
                .isEqualTo(0.5);
    }
}
