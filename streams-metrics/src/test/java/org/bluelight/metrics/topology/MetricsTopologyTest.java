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
import org.bluelight.metrics.fsu.PersonLedger;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.response.GradeWindow;
import org.bluelight.metrics.response.IncidentResponse;
import org.bluelight.metrics.trial.ContributionLedger;
import org.bluelight.runtime.deadletter.DeadLetterDeserializationHandler;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterProcessingHandler;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.testkit.PlainAvroSerdes;
import org.bluelight.runtime.serde.AppSerdes;
import org.apache.avro.specific.SpecificRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MetricsTopologyTest {

    static final String SQUARE = """
            {"type":"Polygon","coordinates":[[[-1.260,51.750],[-1.250,51.750],[-1.250,51.760],[-1.260,51.760],[-1.260,51.750]]]}""";
    static final GeoPoint INSIDE = new GeoPoint(51.755, -1.255);
    static final GeoPoint OUTSIDE = new GeoPoint(51.700, -1.300);
    /** 2024-03-31 is the spring-forward night: 06:00 BST is 05:00 UTC. */
    static final Instant CLOCK_CHANGE_SIX = Instant.parse("2024-03-31T05:00:00Z");

    private final AppSerdes serdes = new AppSerdes(PlainAvroSerdes.INSTANCE);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final FsuBoard board = new FsuBoard();
    private TopologyTestDriver driver;

    @TempDir
    Path stateDir;

    private final HotSpotCatalogue catalogue = new HotSpotCatalogue(0.005);
    /** What the global hot-spot store wrote to {@code ref.hotspots.dlq}. */
    private final List<org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]>> hotSpotDeadLetters = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        startWith(MetricsSettings.defaults());
    }

    /** (Re)starts the driver with {@code settings}, the runtime's dead-letter handlers and hot spot HS1. */
    @SuppressWarnings("deprecation") // as the runtime does, until Kafka 5.0 makes the global handler the default
    void startWith(MetricsSettings settings) throws Exception {
        if (driver != null) {
            driver.close();
        }
        MetricsTopology.Shared shared = new MetricsTopology.Shared(catalogue, board, new ResponseKpiMeters(meters), meters,
                hotSpotDeadLetters::add);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        new DeadLetterQueue("metrics-test", true, meters).addTo(props);
        driver = new TopologyTestDriver(MetricsTopology.build(settings, serdes, shared), props);
        input(Topic.HOTSPOTS).pipeInput("HS1", HotSpot.newBuilder().setHotSpotId("HS1").setName("Cowley Road")
                .setTrialId("T").setPatrolAreas(List.of(new PatrolArea("HS1-P1", SQUARE))).build());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <K, V extends SpecificRecord> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.topicName(), serdes.keySerde(topic).serializer(), serdes.valueSerde(topic).serializer());
    }

    private <K, V extends SpecificRecord> Map<K, V> latest(Topic<K, V> topic) {
        TestOutputTopic<K, V> output = driver.createOutputTopic(topic.topicName(),
                serdes.keySerde(topic).deserializer(), serdes.valueSerde(topic).deserializer());
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
        input(Topic.INCIDENTS).pipeInput(event.getIncidentId(), event, event.getOccurredAt());
    }

    @Test
    void incidentsEitherSideOfSixOClockOnTheClockChangeNightCountOnTheirTrialDays() {
        LocalDate saturday = LocalDate.parse("2024-03-30");
        LocalDate sunday = LocalDate.parse("2024-03-31");
        TestInputTopic<TrialAllocationKey, TrialAllocation> allocations =
                input(Topic.TRIAL_ALLOCATIONS);
        allocations.pipeInput(new TrialAllocationKey(saturday, "HS1"), new TrialAllocation("T", saturday, "HS1", TrialArm.TREATMENT, 7L));
        allocations.pipeInput(new TrialAllocationKey(sunday, "HS1"), new TrialAllocation("T", sunday, "HS1", TrialArm.CONTROL, 7L));

        pipe(incident("I1", CLOCK_CHANGE_SIX.minusSeconds(1), IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).build());
        pipe(incident("I2", CLOCK_CHANGE_SIX, IncidentCategory.THEFT, INSIDE).build());
        pipe(incident("I3", CLOCK_CHANGE_SIX, IncidentCategory.THEFT, OUTSIDE).build());

        Map<HotSpotDayKey, HotSpotDay> days = latest(Topic.HOTSPOT_TRIAL);
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

        HotSpotDay day = latest(Topic.HOTSPOT_TRIAL)
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
        input(Topic.CRIME_RECORDS).pipeInput("C1", crime, noon.plusSeconds(7200));

        HotSpotDay day = latest(Topic.HOTSPOT_TRIAL)
                .get(new HotSpotDayKey("HS1", LocalDate.parse("2024-05-01")));
        assertThat(day.getCounts().getAllCrime()).isEqualTo(1);
        assertThat(day.getCounts().getViolentCrime()).isZero();
        assertThat(day.getCounts().getSexualAssault()).isEqualTo(1);
    }

    @Test
    void twelveMinuteTrackInsideThePatrolAreaIsOneVisit() {
        TestInputTopic<String, PositionFix> fixes = input(Topic.TELEMATICS);
        Instant start = Instant.parse("2024-05-01T12:00:00Z");
        for (int i = 0; i <= 30; i++) {
            Instant at = start.plusSeconds(30L * i);
            GeoPoint where = i >= 2 && i <= 26 ? INSIDE : OUTSIDE; // inside from 12:01:00 to 12:13:00
            fixes.pipeInput("O1", PositionFix.newBuilder().setOfficerId("O1").setFixedAt(at).setPosition(where).build(), at);
        }
        HotSpotDay day = latest(Topic.HOTSPOT_TRIAL)
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
        input(Topic.ASSIGNMENTS).pipeInput("I1", Assignment.newBuilder().setIncidentId("I1")
                .setAction(AssignmentAction.ASSIGNED).setOfficerIds(List.of("O1", "O2")).setDecidedAt(reported.plusSeconds(60)).build(), reported.plusSeconds(60));
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", reported.plusSeconds(600)));
        pipe(statuses, status("O1", OfficerState.AVAILABLE, null, reported.plusSeconds(60 + 3600)));
        pipe(statuses, status("O2", OfficerState.AVAILABLE, null, reported.plusSeconds(60 + 1800)));
        CustodyRecord custody = CustodyRecord.newBuilder().setCustodyId("K1").setPersonId("P-subject")
                .setArrivedAt(reported).setReleasedAt(reported.plusSeconds(300 * 3600)).build();
        input(Topic.CUSTODY_RECORDS).pipeInput("K1", custody, custody.getReleasedAt());

        driver.advanceWallClockTime(Duration.ofHours(1));

        Map<String, FsuTally> tallies = latest(Topic.FSU);
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
    void theListsArePublishedSecondsAfterTheInputsGoQuietAndKeptInAStore() {
        Instant arrived = Instant.parse("2024-05-01T10:05:00Z");
        input(Topic.CUSTODY_RECORDS).pipeInput("K1", CustodyRecord.newBuilder().setCustodyId("K1").setPersonId("P-soon")
                .setArrivedAt(arrived).setReleasedAt(arrived.plusSeconds(3600)).build(), arrived);

        driver.advanceWallClockTime(Duration.ofSeconds(3));

        assertThat(latest(Topic.FSU)).as("ranked without waiting for the hourly run").containsKey("P-soon");
        assertThat(board.top(Metric.OVERALL, Optional.empty(), Optional.empty()))
                .extracting(FsuBoard.Listed::personId).containsExactly("P-soon");
        FsuBoard.Snapshot stored = driver.<String, FsuBoard.Snapshot>getKeyValueStore(MetricsTopology.FSU_BOARD_STORE).get("latest");
        assertThat(stored).as("the lists a restarted app serves at once").isEqualTo(board.snapshot());
    }

    @Test
    void aCustodyReleasedBeforeItsArrivalCountsWithZeroHours() {
        Instant arrived = Instant.parse("2024-05-01T10:05:00Z");
        input(Topic.CUSTODY_RECORDS).pipeInput("K1", CustodyRecord.newBuilder().setCustodyId("K1").setPersonId("P-entry-error")
                .setArrivedAt(arrived).setReleasedAt(arrived.minusSeconds(3600)).build(), arrived);

        driver.advanceWallClockTime(Duration.ofHours(1));

        FsuTally person = latest(Topic.FSU).get("P-entry-error");
        assertThat(person).as("the custody is counted, not dead-lettered").isNotNull();
        assertThat(person.getCustodyCount()).isEqualTo(1);
        assertThat(person.getCustodyHours()).isZero();
        assertThat(deadLetters(Topic.CUSTODY_RECORDS)).isEmpty();
    }

    @Test
    void firstArrivalGivesHourlyAndDailyKpisAndGauges() {
        Instant reported = Instant.parse("2024-05-01T10:05:00Z");
        pipe(incident("I1", reported, IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).build());
        pipe(incident("I2", reported, IncidentCategory.VIOLENCE_WITH_INJURY, INSIDE).build());
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status("O1", OfficerState.EN_ROUTE, "I1", reported.plusSeconds(60)));
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", reported.plusSeconds(600)));
        pipe(statuses, status("O2", OfficerState.ON_SCENE, "I1", reported.plusSeconds(700)));
        pipe(statuses, status("O3", OfficerState.ON_SCENE, "I2", reported.plusSeconds(1200)));

        Map<ResponseKpiKey, ResponseKpi> kpis = latest(Topic.RESPONSE_KPIS);
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

    private List<TestRecord<String, byte[]>> deadLetters(Topic topic) {
        return driver.createOutputTopic(topic.dlqName(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readRecordsToList();
    }

    private static String reasonOf(TestRecord<String, byte[]> letter) {
        Header header = letter.headers().lastHeader(DeadLetterHeaders.REASON);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double deadLetterCount(String reason) {
        return meters.find(DeadLetterQueue.COUNTER).tag("reason", reason).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void badInputIsDeadLetteredBeforeItCountsAnywhere() {
        Instant reported = Instant.parse("2024-05-01T10:05:00Z");
        pipe(incident("BAD-GRADE", reported, IncidentCategory.THEFT, INSIDE).setGrade(9).build());
        pipe(incident("BAD-PLACE", reported, IncidentCategory.THEFT, new GeoPoint(123.0, -1.255)).build());
        input(Topic.TELEMATICS)
                .pipeInput("O1", new PositionFix("O1", reported, new GeoPoint(51.755, 200.0), null, null, null), reported);
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, OfficerStatus.newBuilder(status("O1", OfficerState.ON_SCENE, "BAD-GRADE", reported.plusSeconds(60)))
                .setDispatchGroup("").build());

        List<TestRecord<String, byte[]>> incidents = deadLetters(Topic.INCIDENTS);
        assertThat(incidents).extracting(TestRecord::key).containsExactly("BAD-GRADE", "BAD-PLACE");
        assertThat(incidents).extracting(MetricsTopologyTest::reasonOf)
                .containsExactly(InputChecks.UNKNOWN_GRADE, InputChecks.INVALID_POSITION);
        assertThat(deadLetters(Topic.TELEMATICS)).extracting(MetricsTopologyTest::reasonOf).containsExactly(InputChecks.INVALID_POSITION);
        assertThat(deadLetters(Topic.OFFICER_STATUS)).extracting(MetricsTopologyTest::reasonOf)
                .containsExactly(InputChecks.MISSING_DISPATCH_GROUP);
        assertThat(deadLetterCount(InputChecks.INVALID_POSITION)).isEqualTo(2.0);
        assertThat(latest(Topic.HOTSPOT_TRIAL)).as("nothing counted").isEmpty();
        assertThat(latest(Topic.RESPONSE_KPIS)).as("nothing measured").isEmpty();
    }

    @Test
    void hotSpotWithBadGeometryIsRefusedAndCountedAsADeadLetter() {
        input(Topic.HOTSPOTS).pipeInput("HS2", HotSpot.newBuilder().setHotSpotId("HS2").setName("Bad")
                .setTrialId("T").setPatrolAreas(List.of(new PatrolArea("HS2-P1", "{\"type\":\"LineString\"}"))).build());

        assertThat(catalogue.index().areaCount()).as("only HS1's area").isEqualTo(1);
        assertThat(deadLetterCount(InputChecks.BAD_GEOMETRY)).isEqualTo(1.0);
        pipe(incident("I1", Instant.parse("2024-05-01T10:05:00Z"), IncidentCategory.THEFT, INSIDE).build());
        assertThat(latest(Topic.HOTSPOT_TRIAL)).as("the app goes on").isNotEmpty();
    }

    @Test
    void kpisCarryTheTimeWeightedMeansOfAvailableAndBusyOfficers() {
        Instant ten = Instant.parse("2024-05-01T10:00:00Z");
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status("O1", OfficerState.AVAILABLE, null, ten));
        pipe(statuses, status("O2", OfficerState.AVAILABLE, null, ten));
        pipe(incident("I1", ten.plusSeconds(5 * 60), IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O2", OfficerState.EN_ROUTE, "I1", ten.plusSeconds(6 * 60)));
        pipe(statuses, status("O2", OfficerState.ON_SCENE, "I1", ten.plusSeconds(15 * 60)));

        ResponseKpiKey hourKey = new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, ten);
        ResponseKpi sofar = latest(Topic.RESPONSE_KPIS).get(hourKey);
        // 10:00-10:15: O1 available 15 min, O2 6 min; O2 busy 9 min.
        assertThat(sofar.getAvailableOfficersMean()).isCloseTo(21.0 / 15, within(1e-9));
        assertThat(sofar.getBusyOfficersMean()).isCloseTo(9.0 / 15, within(1e-9));

        // Stream time passes the end of the hour: its final figures cover the whole hour.
        pipe(statuses, status("O1", OfficerState.ON_BREAK, null, ten.plusSeconds(90 * 60)));
        ResponseKpi last = latest(Topic.RESPONSE_KPIS).get(hourKey);
        assertThat(last.getCount()).isEqualTo(1);
        assertThat(last.getAvailableOfficersMean()).isCloseTo(66.0 / 60, within(1e-9));
        assertThat(last.getBusyOfficersMean()).isCloseTo(54.0 / 60, within(1e-9));
        assertThat(meters.get("bluelight.response.available.officers.mean").tags("group", "RAD1", "grade", "1", "window", "hour")
                .gauge().value()).isCloseTo(1.1, within(1e-9));
        assertThat(meters.get("bluelight.response.busy.officers.mean").tags("group", "RAD1", "grade", "1", "window", "hour")
                .gauge().value()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void aStatusChangeReadAfterItsHourClosedPublishesTheHoursFinalFiguresAgain() {
        Instant ten = Instant.parse("2024-05-01T10:00:00Z");
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status("O1", OfficerState.AVAILABLE, null, ten));
        pipe(incident("I1", ten.plusSeconds(5 * 60), IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O1", OfficerState.EN_ROUTE, "I1", ten.plusSeconds(6 * 60)));
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", ten.plusSeconds(15 * 60)));
        pipe(statuses, status("O1", OfficerState.ON_BREAK, null, ten.plusSeconds(90 * 60)));
        ResponseKpiKey hourKey = new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, ten);
        ResponseKpi closed = latest(Topic.RESPONSE_KPIS).get(hourKey);
        // 10:00-11:00: O1 available 6 min, busy 54.
        assertThat(closed.getAvailableOfficersMean()).isCloseTo(6.0 / 60, within(1e-9));

        // O2 available from 10:30, from another partition, read after the hour closed (a task taken over after a
        // kill writes its backlog late): the hour's last figures count it, as if it had been read in time.
        pipe(statuses, status("O2", OfficerState.AVAILABLE, null, ten.plusSeconds(30 * 60)));

        ResponseKpi again = latest(Topic.RESPONSE_KPIS).get(hourKey);
        assertThat(again).as("the hour's figures published again").isNotNull();
        assertThat(again.getAvailableOfficersMean()).isCloseTo(36.0 / 60, within(1e-9));
        assertThat(again.getBusyOfficersMean()).isCloseTo(54.0 / 60, within(1e-9));
        assertThat(again.getCount()).isEqualTo(1);
    }

    @Test
    void statusChangesRunningHoursAheadOfTheSamplesDoNotMakeThemLate() {
        // Under a backlog, statuses reach the KPI task a hop before the samples that pass the first-arrival tracker.
        Instant ten = Instant.parse("2024-05-01T10:00:00Z");
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(incident("I1", ten.plusSeconds(5 * 60), IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O9", OfficerState.AVAILABLE, null, ten.plus(Duration.ofHours(4))));
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", ten.plusSeconds(15 * 60)));

        ResponseKpi hour = latest(Topic.RESPONSE_KPIS)
                .get(new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, ten));
        assertThat(hour.getCount()).isEqualTo(1);
        assertThat(hour.getMedianSeconds()).isEqualTo(600.0);
        assertThat(meters.get("bluelight.metrics.response.late").counter().count()).isZero();
    }

    @Test
    void ledgerFirstArrivalsAndKpiWindowsArePurgedOncePastTheirRetention() throws Exception {
        startWith(MetricsSettings.defaults().withRetention(
                new Retention(Duration.ofDays(1), Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(400))));
        KeyValueStore<String, ContributionLedger.Entry> ledger = driver.getKeyValueStore(MetricsTopology.TRIAL_LEDGER_STORE);
        KeyValueStore<String, IncidentResponse> arrivals = driver.getKeyValueStore(MetricsTopology.RESPONSES_STORE);
        KeyValueStore<String, GradeWindow> windows = driver.getKeyValueStore(MetricsTopology.KPI_WINDOWS_STORE);
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        Instant first = Instant.parse("2024-05-01T10:05:00Z");
        pipe(incident("I1", first, IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", first.plusSeconds(600)));
        assertThat(ledger.get("incident:I1")).isNotNull();
        assertThat(arrivals.get("I1")).isNotNull();
        assertThat(count(windows)).isEqualTo(2);

        // Two days later: I1's trial day ended more than a day ago, and its KPI windows are past their grace.
        Instant later = first.plus(Duration.ofDays(2));
        pipe(incident("I2", later, IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I2", later.plusSeconds(300)));
        assertThat(ledger.get("incident:I1")).isNull();
        assertThat(ledger.get("incident:I2")).isNotNull();
        assertThat(arrivals.get("I1")).isNull();
        assertThat(arrivals.get("I2")).isNotNull();
        assertThat(count(windows)).as("only I2's hour and day").isEqualTo(2);
        assertThat(windows.get(GradeWindow.key("RAD1", 1, new org.bluelight.metrics.response.KpiWindows(
                settingsZone()).windowOf(later.plusSeconds(300), KpiWindow.HOUR)))).isNotNull();

        // A response in a window past its grace is refused rather than opening the window again.
        pipe(incident("I3", first, IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O2", OfficerState.ON_SCENE, "I3", first.plusSeconds(700)));
        assertThat(meters.get("bluelight.metrics.response.late").counter().count()).isEqualTo(2.0);
        assertThat(count(windows)).isEqualTo(2);
    }

    @Test
    void callsAndRecordLinksAreForgottenOncePastTheirRetentionAfterTheirLastChange() throws Exception {
        startWith(MetricsSettings.defaults().withRetention(
                new Retention(Duration.ofDays(120), Duration.ofDays(7), Duration.ofHours(2), Duration.ofMinutes(1), Duration.ofDays(2))));
        KeyValueStore<String, ?> calls = driver.getKeyValueStore(MetricsTopology.CALLS_STORE);
        KeyValueStore<String, ?> links = driver.getKeyValueStore(MetricsTopology.RECORD_LINKS_STORE);
        Instant first = Instant.parse("2024-05-01T10:00:00Z");
        pipe(incident("I1", first, IncidentCategory.THEFT, INSIDE).setOriginatorPersonId("P1").build());
        pipe(incident("I2", first, IncidentCategory.THEFT, INSIDE).setOriginatorPersonId("P2").build());
        crime("C1", first, "P3");
        crime("C2", first, "P4");

        // A day on, I2 and C2 change again; nothing is past its retention yet.
        Instant dayOn = first.plus(Duration.ofDays(1));
        pipe(incident("I2", first, IncidentCategory.ROBBERY, INSIDE).setOriginatorPersonId("P2")
                .setEventType(IncidentEventType.UPDATED).setOccurredAt(dayOn).build());
        crime("C2", dayOn, "P4");
        assertThat(count(calls)).isEqualTo(2);
        assertThat(count(links)).isEqualTo(2);

        // Two and a half days after the first versions: I1 and C1 go; I2 and C2 changed a day later, so stay.
        Instant later = first.plus(Duration.ofHours(60));
        pipe(incident("I3", later, IncidentCategory.THEFT, INSIDE).setOriginatorPersonId("P5").build());
        crime("C3", later, "P6");
        assertThat(calls.get("I1")).isNull();
        assertThat(calls.get("I2")).isNotNull();
        assertThat(calls.get("I3")).isNotNull();
        assertThat(links.get(PersonLedger.crimeKey("C1"))).isNull();
        assertThat(links.get(PersonLedger.crimeKey("C2"))).isNotNull();
        assertThat(links.get(PersonLedger.crimeKey("C3"))).isNotNull();
        KeyValueStore<String, Long> callTimes = driver.getKeyValueStore(MetricsTopology.CALL_TIMES_STORE);
        assertThat(callTimes.get("I1")).as("its time goes with it").isNull();
        assertThat(callTimes.get("I2")).isEqualTo(dayOn.toEpochMilli());
    }

    private void crime(String id, Instant recordedAt, String suspect) {
        CrimeRecord crime = CrimeRecord.newBuilder().setCrimeId(id).setCommittedAt(recordedAt).setRecordedAt(recordedAt)
                .setCategory(IncidentCategory.THEFT).setLocation(INSIDE)
                .setPeople(List.of(new org.bluelight.schemas.CrimePerson(suspect, org.bluelight.schemas.CrimeRole.SUSPECT, null)))
                .build();
        input(Topic.CRIME_RECORDS).pipeInput(id, crime, recordedAt);
    }

    private static java.time.ZoneId settingsZone() {
        return MetricsSettings.defaults().trialClock().zone();
    }

    private static int count(KeyValueStore<String, ?> store) {
        int n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    // --- Hostile values -----------------------------------------------------------------------

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void statusesDatedYear1Or1970Or9999AreDeadLetteredAndTheGroupGoesOn() {
        Instant ten = Instant.parse("2024-05-01T10:00:00Z");
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status("O1", OfficerState.AVAILABLE, null, ten));
        for (String hostile : List.of("9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z")) {
            statuses.pipeInput("O9", status("O9", OfficerState.AVAILABLE, null, Instant.parse(hostile)), ten.plusSeconds(60));
        }
        pipe(incident("I1", ten.plusSeconds(5 * 60), IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O2", OfficerState.ON_SCENE, "I1", ten.plusSeconds(15 * 60)));

        assertThat(deadLetters(Topic.OFFICER_STATUS)).extracting(MetricsTopologyTest::reasonOf)
                .containsExactly(InputChecks.TIME_OUT_OF_WINDOW, InputChecks.TIME_OUT_OF_WINDOW, InputChecks.TIME_OUT_OF_WINDOW);
        ResponseKpi hour = latest(Topic.RESPONSE_KPIS)
                .get(new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, ten));
        assertThat(hour.getCount()).isEqualTo(1);
        assertThat(hour.getAvailableOfficersMean()).as("O1 alone, the hostile O9 never joined").isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aHundredKilobyteIdIsDeadLetteredAndLaterRecordsOfItsGroupStillCount() {
        Instant ten = Instant.parse("2024-05-01T10:00:00Z");
        String huge = "O".repeat(100_000);
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status(huge, OfficerState.AVAILABLE, null, ten));
        pipe(statuses, status("O1", OfficerState.AVAILABLE, null, ten));
        pipe(incident("I1", ten.plusSeconds(5 * 60), IncidentCategory.THEFT, INSIDE).setSubjectPersonIds(List.of("P".repeat(60_000))).build());
        pipe(incident("I2", ten.plusSeconds(5 * 60), IncidentCategory.THEFT, INSIDE).build());
        pipe(statuses, status("O2", OfficerState.ON_SCENE, "I2", ten.plusSeconds(15 * 60)));

        assertThat(deadLetters(Topic.OFFICER_STATUS)).extracting(MetricsTopologyTest::reasonOf).containsExactly(InputChecks.INVALID_ID);
        assertThat(deadLetters(Topic.INCIDENTS)).extracting(TestRecord::key).containsExactly("I1");
        ResponseKpi hour = latest(Topic.RESPONSE_KPIS)
                .get(new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, ten));
        assertThat(hour.getCount()).isEqualTo(1);
        assertThat(hour.getAvailableOfficersMean()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAssignmentNamingThreeThousandOfficersIsDeadLettered() {
        Instant reported = Instant.parse("2024-05-01T20:00:00Z");
        pipe(incident("I1", reported, IncidentCategory.PUBLIC_ORDER, INSIDE).setOriginatorPersonId("P1").build());
        TestInputTopic<String, Assignment> assignments = input(Topic.ASSIGNMENTS);
        List<String> crowd = java.util.stream.IntStream.range(0, 3_000).mapToObj(i -> "O" + i).toList();
        assignments.pipeInput("I1", Assignment.newBuilder().setIncidentId("I1").setAction(AssignmentAction.ASSIGNED)
                .setOfficerIds(crowd).setDecidedAt(reported.plusSeconds(60)).build(), reported.plusSeconds(60));
        assignments.pipeInput("I1", Assignment.newBuilder().setIncidentId("I1").setAction(AssignmentAction.ASSIGNED)
                .setOfficerIds(crowd.subList(0, 50)).setDecidedAt(reported.plusSeconds(120)).build(), reported.plusSeconds(120));

        assertThat(deadLetters(Topic.ASSIGNMENTS)).extracting(MetricsTopologyTest::reasonOf).containsExactly(InputChecks.TEAM_TOO_LARGE);
        KeyValueStore<String, org.bluelight.metrics.fsu.CallRecord> calls = driver.getKeyValueStore(MetricsTopology.CALLS_STORE);
        assertThat(calls.get("I1").timeline().stints()).as("the team of fifty is taken").hasSize(50);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHotSpotTheSizeOfTheWorldIsRefusedAndHotSpotsAfterItCount() {
        TestInputTopic<String, HotSpot> hotSpots = input(Topic.HOTSPOTS);
        hotSpots.pipeInput("HS2", HotSpot.newBuilder().setHotSpotId("HS2").setName("World").setTrialId("T").setPatrolAreas(List.of(
                new PatrolArea("HS2-P1", "{\"type\":\"Polygon\",\"coordinates\":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}")))
                .build());
        String reading = "{\"type\":\"Polygon\",\"coordinates\":[[[-0.98,51.45],[-0.96,51.45],[-0.96,51.46],[-0.98,51.46],[-0.98,51.45]]]}";
        hotSpots.pipeInput("HS3", HotSpot.newBuilder().setHotSpotId("HS3").setName("Reading").setTrialId("T")
                .setPatrolAreas(List.of(new PatrolArea("HS3-P1", reading))).build());
        pipe(incident("I1", Instant.parse("2024-05-01T10:05:00Z"), IncidentCategory.THEFT, new GeoPoint(51.455, -0.97)).build());

        assertThat(deadLetterCount(InputChecks.AREA_TOO_LARGE)).isEqualTo(1.0);
        assertThat(hotSpotDeadLetters).extracting(letter -> new String(letter.key(), StandardCharsets.UTF_8)).containsExactly("HS2");
        assertThat(hotSpotDeadLetters).extracting(org.apache.kafka.clients.producer.ProducerRecord::topic)
                .containsExactly(Topic.HOTSPOTS.dlqName());
        assertThat(latest(Topic.HOTSPOT_TRIAL))
                .containsOnlyKeys(new HotSpotDayKey("HS3", LocalDate.parse("2024-05-01")));
    }

    @Test
    void hostileTimesNeverReachTheOutputs() {
        Instant ten = Instant.parse("2024-05-01T10:00:00Z");
        // Reported in 1970 but sent now: it would give a response time of 54 years.
        IncidentEvent stale = incident("I1", Instant.EPOCH, IncidentCategory.THEFT, INSIDE).build();
        input(Topic.INCIDENTS).pipeInput("I1", stale, ten);
        TestInputTopic<String, OfficerStatus> statuses = input(Topic.OFFICER_STATUS);
        pipe(statuses, status("O1", OfficerState.ON_SCENE, "I1", ten.plusSeconds(600)));
        CrimeRecord backwards = CrimeRecord.newBuilder().setCrimeId("C1").setCommittedAt(ten.plusSeconds(3600)).setRecordedAt(ten)
                .setCategory(IncidentCategory.THEFT).setLocation(INSIDE).build();
        input(Topic.CRIME_RECORDS).pipeInput("C1", backwards, ten);

        assertThat(latest(Topic.RESPONSE_KPIS)).as("no response measured").isEmpty();
        assertThat(latest(Topic.HOTSPOT_TRIAL)).as("nothing counted").isEmpty();
        assertThat(deadLetterCount(InputChecks.TIME_OUT_OF_WINDOW)).isEqualTo(1.0);
        assertThat(deadLetterCount(InputChecks.COMMITTED_AFTER_RECORDED)).isEqualTo(1.0);
    }
}
