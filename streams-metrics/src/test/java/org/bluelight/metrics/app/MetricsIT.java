package org.bluelight.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRole;
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
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.TrialArm;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics app as {@code MetricsApp.main} wires it (registry serdes, exactly_once_v2, dead
 * letters on) on a real broker and registry: hot spots, a schedule, incidents, a crime record and
 * statuses in; trial counts, FSU tallies and response KPIs out (read_committed), and the HTTP views.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    /** Generous: under exactly-once an app takes a while to start on a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String SQUARE = """
            {"type":"Polygon","coordinates":[[[-1.260,51.750],[-1.250,51.750],[-1.250,51.760],[-1.260,51.760],[-1.260,51.750]]]}""";
    private static final GeoPoint INSIDE = new GeoPoint(51.755, -1.255);
    /** Wednesday 1 May 2024, 10:05 BST: trial day 2024-05-01. */
    private static final Instant REPORTED = Instant.parse("2024-05-01T09:05:00Z");
    private static final LocalDate DAY = LocalDate.parse("2024-05-01");

    private static SchemaRegistryServer registry;
    private static AppSerdes serdes;

    @BeforeAll
    static void start() {
        String[] topics = Topic.all().stream()
                .flatMap(topic -> java.util.stream.Stream.of(topic.topicName(), topic.dlqName())).toArray(String[]::new);
        KAFKA.createTopics(2, topics);
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        serdes = AppSerdes.connect(RegistryClientConfig.of(registry.uri().toString()));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    @Order(1)
    void incidentsInGiveTrialCountsFsuTalliesAndKpisOutAndOverHttp(@TempDir Path state) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topic.HOTSPOTS, "HS1", HotSpot.newBuilder().setHotSpotId("HS1").setName("Cowley Road").setTrialId("T")
                    .setPatrolAreas(List.of(new PatrolArea("HS1-P1", SQUARE))).build(), REPORTED.minusSeconds(3600));
            send(producer, Topic.TRIAL_ALLOCATIONS, new TrialAllocationKey(DAY, "HS1"),
                    new TrialAllocation("T", DAY, "HS1", TrialArm.TREATMENT, 7L), REPORTED.minusSeconds(3600));
            for (int i = 1; i <= 3; i++) {
                send(producer, Topic.INCIDENTS, "I" + i, IncidentEvent.newBuilder().setIncidentId("I" + i)
                        .setEventType(IncidentEventType.REPORTED).setOccurredAt(REPORTED).setReportedAt(REPORTED)
                        .setGrade(1).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY).setRecordedCrime(true)
                        .setLocation(INSIDE).setDispatchGroup("RAD1").setOriginatorPersonId("P1").build(), REPORTED);
            }
            send(producer, Topic.CRIME_RECORDS, "C1", CrimeRecord.newBuilder().setCrimeId("C1").setIncidentId("I3")
                    .setCommittedAt(REPORTED).setRecordedAt(REPORTED.plusSeconds(60)).setCategory(IncidentCategory.THEFT)
                    .setLocation(INSIDE).setPeople(List.of(new CrimePerson("P2", CrimeRole.SUSPECT, null))).build(), REPORTED.plusSeconds(60));
            status(producer, "O1", OfficerState.AVAILABLE, null, REPORTED.minusSeconds(300));
            status(producer, "O2", OfficerState.AVAILABLE, null, REPORTED.minusSeconds(300));
            status(producer, "O1", OfficerState.ON_SCENE, "I1", REPORTED.plusSeconds(600));
            status(producer, "O2", OfficerState.ON_SCENE, "I2", REPORTED.plusSeconds(1200));
            // Bad input goes to its dead-letter topic, not into the figures.
            send(producer, Topic.INCIDENTS, "BAD", IncidentEvent.newBuilder().setIncidentId("BAD")
                    .setEventType(IncidentEventType.REPORTED).setOccurredAt(REPORTED).setReportedAt(REPORTED)
                    .setGrade(7).setCategory(IncidentCategory.THEFT).setDispatchGroup("RAD1").build(), REPORTED);
            producer.flush();
        }

        try (StreamsApp app = app(state);
             KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topic.HOTSPOT_TRIAL.topicName(), Topic.FSU.topicName(), Topic.RESPONSE_KPIS.topicName(),
                    Topic.INCIDENTS.dlqName()));
            Map<HotSpotDayKey, HotSpotDay> days = new HashMap<>();
            Map<String, FsuTally> tallies = new HashMap<>();
            Map<ResponseKpiKey, ResponseKpi> kpis = new HashMap<>();
            Map<String, byte[]> deadLetters = new HashMap<>();
            ResponseKpiKey hour = new ResponseKpiKey("RAD1", 1, KpiWindow.HOUR, Instant.parse("2024-05-01T09:00:00Z"));
            Predicate<Void> done = nothing -> {
                HotSpotDay day = days.get(new HotSpotDayKey("HS1", DAY));
                ResponseKpi kpi = kpis.get(hour);
                return day != null && day.getArm() != null && day.getCounts().getAllCrime() == 3 && day.getCounts().getAcquisitive() == 1
                        && tallies.containsKey("P1") && tallies.containsKey("P2")
                        && kpi != null && kpi.getCount() == 2 && deadLetters.containsKey("BAD");
            };
            Instant deadline = Instant.now().plus(WAIT);
            while (!done.test(null) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(Topic.HOTSPOT_TRIAL.topicName())) {
                        HotSpotDay day = decode(Topic.HOTSPOT_TRIAL, record.value());
                        days.put(new HotSpotDayKey(day.getHotSpotId(), day.getTrialDay()), day);
                    } else if (record.topic().equals(Topic.FSU.topicName())) {
                        tallies.put(new String(record.key()), decode(Topic.FSU, record.value()));
                    } else if (record.topic().equals(Topic.RESPONSE_KPIS.topicName())) {
                        ResponseKpi kpi = decode(Topic.RESPONSE_KPIS, record.value());
                        kpis.put(new ResponseKpiKey(kpi.getDispatchGroup(), kpi.getGrade(), kpi.getWindowSize(), kpi.getWindowStart()), kpi);
                    } else {
                        deadLetters.put(new String(record.key()), record.value());
                    }
                }
            }
            HotSpotDay day = days.get(new HotSpotDayKey("HS1", DAY));
            assertThat(day).as("trial counts for HS1").isNotNull();
            assertThat(day.getArm()).isEqualTo(TrialArm.TREATMENT);
            // I1 and I2 as violence; I3 withdrawn for its crime record C1, a theft.
            assertThat(day.getCounts().getViolentCrime()).isEqualTo(2);
            assertThat(day.getCounts().getAcquisitive()).isEqualTo(1);
            assertThat(day.getCounts().getAllCrime()).isEqualTo(3);
            assertThat(tallies).containsKeys("P1", "P2");
            assertThat(kpis.get(hour)).as("hourly KPI of RAD1 grade 1").isNotNull();
            assertThat(kpis.get(hour).getCount()).isEqualTo(2);
            assertThat(kpis.get(hour).getMedianSeconds()).isEqualTo(900.0);
            assertThat(kpis.get(hour).getAvailableOfficersMean()).isNotNull();
            assertThat(deadLetters).containsOnlyKeys("BAD");

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpResponse<String> metrics = get(http, base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("bluelight_response_count{", "bluelight_response_median_seconds{",
                    "bluelight_response_available_officers_mean{", "group=\"RAD1\"");
            assertThat(metrics.body()).containsPattern("bluelight_dead_letters_total\\{[^}]*reason=\"unknown-grade\"");
            HttpResponse<String> summary = get(http, base + "/trial/summary");
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(summary.body()).containsIgnoringCase("treatment");
            HttpResponse<String> top = get(http, base + "/fsu/top?metric=1");
            assertThat(top.statusCode()).isEqualTo(200);
            assertThat(top.body()).contains("\"people\":2");
        }
    }

    /** Runs second: it adds a person to the shared topics, which the first test counts. */
    @Test
    @Order(2)
    void theFsuListsAreServedSecondsAfterAStartAndAtOnceAfterARestart(@TempDir Path first, @TempDir Path second) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, Topic.CUSTODY_RECORDS, "K-R", CustodyRecord.newBuilder().setCustodyId("K-R").setPersonId("P-RESTART")
                    .setArrivedAt(REPORTED).setReleasedAt(REPORTED.plusSeconds(7200)).build(), REPORTED);
            producer.flush();
        }
        HttpClient http = HttpClient.newHttpClient();
        Duration hourly = Duration.ofHours(1);
        try (StreamsApp app = app(first, "it-metrics-fsu", hourly)) {
            Instant running = Instant.now();
            String top = awaitListed(http, app, "P-RESTART", WAIT);
            assertThat(top).as("ranked at start-up, not an hour later").contains("P-RESTART");
            assertThat(Duration.between(running, Instant.now())).isLessThan(Duration.ofSeconds(45));
        }
        // A new instance with no local state: the lists come back with the restored store, before any ranking.
        try (StreamsApp app = app(second, "it-metrics-fsu", hourly)) {
            assertThat(awaitListed(http, app, "P-RESTART", Duration.ofSeconds(10))).contains("P-RESTART");
        }
    }

    private static String awaitListed(HttpClient http, StreamsApp app, String personId, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> top = get(http, "http://127.0.0.1:" + app.httpPort() + "/fsu/top?metric=1");
            body = top.body();
            if (top.statusCode() == 200 && body.contains(personId)) {
                return body;
            }
            Thread.sleep(250);
        }
        return body;
    }

    /**
     * Garbage and a hot spot the size of the world on the global topic go to
     * {@code ref.hotspots.dlq} (Kafka Streams cannot write dead letters from its global thread), and
     * a hot spot sent after them is loaded and counted.
     */
    @Test
    void badHotSpotsAreDeadLetteredFromTheGlobalThreadAndLaterOnesCount(@TempDir Path state) throws Exception {
        String reading = """
                {"type":"Polygon","coordinates":[[[-0.980,51.450],[-0.970,51.450],[-0.970,51.460],[-0.980,51.460],[-0.980,51.450]]]}""";
        String world = """
                {"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}""";
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            // Each write confirmed, so a broker slowed down by a loaded machine fails the test here, not as missing output.
            producer.send(new ProducerRecord<>(Topic.HOTSPOTS.topicName(), null, REPORTED.toEpochMilli(),
                    "HS-GARBAGE".getBytes(StandardCharsets.UTF_8), new byte[] {7, 1, 2, 3})).get();
            send(producer, Topic.HOTSPOTS, "HS-WORLD", HotSpot.newBuilder().setHotSpotId("HS-WORLD").setName("World").setTrialId("T")
                    .setPatrolAreas(List.of(new PatrolArea("HS-WORLD-P1", world))).build(), REPORTED).get();
            send(producer, Topic.HOTSPOTS, "HS7", HotSpot.newBuilder().setHotSpotId("HS7").setName("Reading").setTrialId("T")
                    .setPatrolAreas(List.of(new PatrolArea("HS7-P1", reading))).build(), REPORTED).get();
            send(producer, Topic.INCIDENTS, "HS7-I1", IncidentEvent.newBuilder().setIncidentId("HS7-I1")
                    .setEventType(IncidentEventType.REPORTED).setOccurredAt(REPORTED).setReportedAt(REPORTED).setGrade(3)
                    .setCategory(IncidentCategory.THEFT).setRecordedCrime(true).setLocation(new GeoPoint(51.455, -0.975))
                    .setDispatchGroup("RAD7").build(), REPORTED).get();
        }

        try (StreamsApp app = app(state, "it-metrics-hotspots", Duration.ofSeconds(1));
             KafkaConsumer<byte[], byte[]> consumer = consumer("metrics-it-hotspots-reader")) {
            consumer.subscribe(List.of(Topic.HOTSPOT_TRIAL.topicName(), Topic.HOTSPOTS.dlqName()));
            Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = new HashMap<>();
            HotSpotDay[] day = new HotSpotDay[1];
            Instant deadline = Instant.now().plus(WAIT);
            while ((day[0] == null || deadLetters.size() < 2) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(Topic.HOTSPOT_TRIAL.topicName())) {
                        HotSpotDay read = decode(Topic.HOTSPOT_TRIAL, record.value());
                        if (read.getHotSpotId().equals("HS7")) {
                            day[0] = read;
                        }
                    } else if ("it-metrics-hotspots".equals(header(record, DeadLetterHeaders.APPLICATION_ID))) {
                        deadLetters.put(new String(record.key(), StandardCharsets.UTF_8), record);
                    }
                }
            }
            assertThat(day[0]).as("HS7, sent after the bad ones, is counted").isNotNull();
            assertThat(day[0].getCounts().getAllCrime()).isEqualTo(1);
            assertThat(deadLetters).containsOnlyKeys("HS-GARBAGE", "HS-WORLD");
            assertThat(deadLetters.get("HS-GARBAGE").value()).as("original bytes").containsExactly(7, 1, 2, 3);
            assertThat(header(deadLetters.get("HS-GARBAGE"), DeadLetterHeaders.STAGE)).isEqualTo("deserialization");
            assertThat(header(deadLetters.get("HS-WORLD"), DeadLetterHeaders.REASON)).isEqualTo("area-too-large");
            HttpResponse<String> metrics = get(HttpClient.newHttpClient(), "http://127.0.0.1:" + app.httpPort() + "/metrics");
            assertThat(metrics.body()).containsPattern("bluelight_dead_letters_total\\{[^}]*reason=\"area-too-large\"[^}]*topic=\"ref.hotspots\"");
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@code MetricsApp.main}: configuration read into the app's config and settings, then {@code create}. */
    private static StreamsApp app(Path state) throws InterruptedException {
        return app(state, "it-metrics", Duration.ofSeconds(1));
    }

    private static StreamsApp app(Path state, String applicationId, Duration rankingInterval) throws InterruptedException {
        ConfigSource source = ConfigSource.of(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "processing.guarantee", "exactly_once_v2",
                "state.dir", state.toString(),
                "http.port", "0",
                "fsu.ranking.interval.ms", String.valueOf(rankingInterval.toMillis()),
                "shutdown.timeout.ms", "10000"));
        StreamsApp app = MetricsApp.create(StreamsAppConfig.from(source, MetricsApp.APPLICATION_ID, 0),
                MetricsApp.settings(source), 100, Clock.systemUTC()).start();
        Instant deadline = Instant.now().plus(WAIT);
        while (app.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        return app;
    }

    private static void status(KafkaProducer<byte[], byte[]> producer, String officer, OfficerState state, String incident,
                               Instant at) {
        send(producer, Topic.OFFICER_STATUS, officer, OfficerStatus.newBuilder().setOfficerId(officer).setCallSign(officer)
                .setState(state).setChangedAt(at).setDispatchGroup("RAD1").setIncidentId(incident).build(), at);
    }

    private static <K, V extends SpecificRecord> Future<RecordMetadata> send(KafkaProducer<byte[], byte[]> producer, Topic<K, V> topic,
                                                                           K key, V value, Instant at) {
        byte[] keyBytes = serdes.keySerde(topic).serializer().serialize(topic.topicName(), key);
        byte[] valueBytes = serdes.valueSerde(topic).serializer().serialize(topic.topicName(), value);
        return producer.send(new ProducerRecord<>(topic.topicName(), null, at.toEpochMilli(), keyBytes, valueBytes));
    }

    private static <V extends SpecificRecord> V decode(Topic<?, V> topic, byte[] bytes) {
        return serdes.valueSerde(topic).deserializer().deserialize(topic.topicName(), bytes);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return consumer("metrics-it-reader");
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
