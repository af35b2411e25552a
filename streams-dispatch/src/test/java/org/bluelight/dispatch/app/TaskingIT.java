package org.bluelight.dispatch.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.dispatch.fixtures.Andorra;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.MoveUpStatus;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TaskKind;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.TrialArm;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatch app's tasking of idle officers on a real broker with a real registry: move-ups recommended for a
 * coverage deficit and withdrawn when it closes (a cell with no usable demand dead-lettered on the way); patrol
 * tasks to treatment hot spots only, yielding to a grade 1.
 * Each test has its own app, dispatch group and part of Andorra, far enough apart not to reach each other.
 */
class TaskingIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<Topic<?, ?>> INPUTS = List.of(Topic.INCIDENTS, Topic.ASSIGNMENTS, Topic.OFFICER_STATUS,
            Topic.TELEMATICS, Topic.OFFICER_IMPACT, Topic.COVERAGE_CELLS, Topic.TASK_DECISIONS, Topic.HOTSPOTS,
            Topic.TRIAL_ALLOCATIONS);
    /** Encamp, and a place 13 km east of it on the way to Pas de la Casa: beyond a 10 km response reach. */
    static final GeoPoint ENCAMP = new GeoPoint(42.5355, 1.5830);
    static final GeoPoint EAST = ENCAMP.offset(13_000, 80);
    static final GeoPoint SANT_JULIA = new GeoPoint(42.4637, 1.4912);

    static SchemaRegistryServer registry;
    static RegistryClient registryClient;
    static RoadNetwork network;
    static KafkaProducer<byte[], byte[]> producer;

    @TempDir
    Path stateDir;
    final List<StreamsApp> apps = new ArrayList<>();

    @BeforeAll
    static void startUp() {
        for (Topic<?, ?> topic : INPUTS) {
            KAFKA.createTopics(1, topic.topicName(), topic.dlqName());
        }
        KAFKA.createTopics(1, Topic.RECOMMENDATIONS.topicName(), Topic.BACKLOG.topicName(), Topic.MOVEUPS.topicName(),
                Topic.PATROL_TASKS.topicName());
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        registryClient = new RegistryClient(RegistryClientConfig.of(registry.uri().toString()));
        network = RoadNetwork.open(NetworkConfig.of(Andorra.MAP, Andorra.GRAPH_CACHE));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void shutDown() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (registry != null) {
            registry.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @AfterEach
    void closeApps() {
        apps.forEach(StreamsApp::close);
    }

    @Test
    void aDeficitGetsAMoveUpWithItsReasonWhichIsWithdrawnWhenTheDeficitCloses() throws Exception {
        start("tasking-it-moveups");
        Instant t0 = Instant.now();
        officer("MU-A", "MU", OfficerState.AVAILABLE, ENCAMP, t0);
        officer("MU-B", "MU", OfficerState.AVAILABLE, ENCAMP.offset(300, 0), t0);
        officer("MU-C", "MU", OfficerState.ON_SCENE, ENCAMP, t0);
        cell("mu-town", ENCAMP, 2.0, t0);
        cell("mu-east", EAST, 1.0, t0);
        cell("mu-bad", EAST, Double.NaN, t0);

        try (Committed moveUps = new Committed(Topic.MOVEUPS)) {
            MoveUpRecommendation recommended = moveUps.await(MoveUpRecommendation.class,
                    r -> r.getOfficerId().startsWith("MU-") && r.getStatus() == MoveUpStatus.RECOMMENDED);
            assertThat(recommended.getOfficerId()).isIn("MU-A", "MU-B");
            assertThat(recommended.getTargetCellId()).isEqualTo("mu-east");
            assertThat(recommended.getExpectedGain()).isPositive();
            assertThat(recommended.getReasons().get(0)).isEqualTo("1 cell(s) with demand short of cover come within reach");

            // Another officer comes on duty in the east: the deficit closes.
            officer("MU-D", "MU", OfficerState.AVAILABLE, EAST, Instant.now());

            MoveUpRecommendation withdrawn = moveUps.await(MoveUpRecommendation.class,
                    r -> r.getMoveUpId().equals(recommended.getMoveUpId()) && r.getStatus() == MoveUpStatus.WITHDRAWN);
            assertThat(withdrawn.getReasons().get(0)).startsWith("withdrawn: no longer needed");
        }
        try (Committed deadLetters = new Committed(Topic.COVERAGE_CELLS.dlqName())) {
            ConsumerRecord<byte[], byte[]> letter = deadLetters.awaitRecord(r -> "mu-bad".equals(new String(r.key(), UTF_8)));
            assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(), UTF_8)).isEqualTo("invalid-cell");
        }
    }

    @Test
    void onlyTreatmentHotSpotsAreTaskedAndAGrade1PreemptsTheTask() throws Exception {
        start("tasking-it-patrol");
        Instant t0 = Instant.now();
        LocalDate today = t0.atZone(ZoneId.of("Europe/London")).minusHours(6).toLocalDate();
        hotSpot("PT-TREAT", SANT_JULIA.offset(600, 0), TrialArm.TREATMENT, today, t0);
        // The control hot spot is nearer the officers.
        hotSpot("PT-CTRL", SANT_JULIA.offset(100, 180), TrialArm.CONTROL, today, t0);
        for (int i = 0; i < 4; i++) {
            officer("PT-" + i, "PT", OfficerState.AVAILABLE, SANT_JULIA.offset(50.0 * i, 270), t0);
        }

        try (Committed tasks = new Committed(Topic.PATROL_TASKS)) {
            PatrolTaskRecommendation task = tasks.await(PatrolTaskRecommendation.class,
                    r -> r.getOfficerId().startsWith("PT-") && r.getStatus() == PatrolTaskStatus.TASKED);
            assertThat(task.getHotSpotId()).isEqualTo("PT-TREAT");
            assertThat(task.getVisitMinutes()).isEqualTo(15);
            assertThat(task.getReasons()).contains("treatment hot spot today");

            send(Topic.TASK_DECISIONS, task.getOfficerId(), TaskDecision.newBuilder().setTaskId(task.getTaskId())
                    .setKind(TaskKind.PATROL).setOfficerId(task.getOfficerId()).setAccepted(true)
                    .setDecidedAt(Instant.now()).build(), Instant.now());
            tasks.await(PatrolTaskRecommendation.class,
                    r -> r.getTaskId().equals(task.getTaskId()) && r.getStatus() == PatrolTaskStatus.ACCEPTED);

            // A grade 1 comes in and CAD sends the tasked officer to it.
            Instant sent = Instant.now();
            send(Topic.OFFICER_STATUS, task.getOfficerId(), status(task.getOfficerId(), "PT", OfficerState.EN_ROUTE, sent)
                    .setIncidentId("PT-G1").build(), sent);
            PatrolTaskRecommendation preempted = tasks.await(PatrolTaskRecommendation.class,
                    r -> r.getTaskId().equals(task.getTaskId()) && r.getStatus() == PatrolTaskStatus.PRE_EMPTED);
            assertThat(preempted.getPreemptedBy()).isEqualTo("PT-G1");

            assertThat(tasks.all(PatrolTaskRecommendation.class)).extracting(PatrolTaskRecommendation::getHotSpotId)
                    .as("control hot spots are never tasked").doesNotContain("PT-CTRL");
        }
    }

    void start(String applicationId) throws InterruptedException {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "state.dir", stateDir.resolve("state").toString(),
                "http.port", "0",
                "kafka.session.timeout.ms", "6000")), DispatchApp.APPLICATION_ID, DispatchApp.HTTP_PORT);
        DispatchSettings settings = DispatchSettings.from(ConfigSource.of(Map.of(
                "routing.osm.file", Andorra.MAP.toString(),
                "routing.graph.dir", Andorra.GRAPH_CACHE.toString(),
                "dispatch.map.bounds", Andorra.BOUNDS,
                "tasking.interval.ms", "500")));
        StreamsApp app = DispatchApp.create(config, settings, network);
        apps.add(app);
        app.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (app.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    static OfficerStatus.Builder status(String id, String group, OfficerState state, Instant at) {
        return OfficerStatus.newBuilder().setOfficerId(id).setCallSign("CS-" + id).setState(state).setChangedAt(at)
                .setDispatchGroup(group).setShiftEnd(at.plus(Duration.ofHours(8)));
    }

    static void officer(String id, String group, OfficerState state, GeoPoint at, Instant t) {
        send(Topic.OFFICER_STATUS, id, status(id, group, state, t).setIncidentId(state == OfficerState.ON_SCENE ? "X-" + id : null)
                .build(), t);
        send(Topic.TELEMATICS, id, PositionFix.newBuilder().setOfficerId(id).setFixedAt(t.plusSeconds(1))
                .setPosition(point(at)).build(), t.plusSeconds(1));
    }

    static void cell(String id, GeoPoint centre, double demand, Instant t) {
        send(Topic.COVERAGE_CELLS, id, CoverageCell.newBuilder().setCellId(id).setResolution(8).setCenter(point(centre))
                .setOfficersInReach(0).setAvailableInReach(0).setDemandPerHour(demand).setRequiredLevel(1).setDeficit(1)
                .setUpdatedAt(t).build(), t);
    }

    static void hotSpot(String id, GeoPoint centre, TrialArm arm, LocalDate day, Instant t) {
        GeoPoint sw = centre.offset(150, 225);
        GeoPoint ne = centre.offset(150, 45);
        String square = String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                sw.lon(), sw.lat(), ne.lon(), sw.lat(), ne.lon(), ne.lat(), sw.lon(), ne.lat(), sw.lon(), sw.lat());
        send(Topic.HOTSPOTS, id, HotSpot.newBuilder().setHotSpotId(id).setName(id).setTrialId("IT")
                .setPatrolAreas(List.of(new PatrolArea(id + "-1", square))).build(), t);
        TrialAllocationKey key = new TrialAllocationKey(day, id);
        byte[] keyBytes = AvroSerdes.key(TrialAllocationKey.class, registryClient).serializer()
                .serialize(Topic.TRIAL_ALLOCATIONS.topicName(), key);
        byte[] value = AvroSerdes.value(TrialAllocation.class, registryClient).serializer()
                .serialize(Topic.TRIAL_ALLOCATIONS.topicName(), new TrialAllocation("IT", day, id, arm, null));
        produce(Topic.TRIAL_ALLOCATIONS, keyBytes, value, t);
    }

    @SuppressWarnings("unchecked")
    static <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value, Instant t) {
        byte[] bytes = AvroSerdes.value((Class<V>) value.getClass(), registryClient).serializer().serialize(topic.topicName(), value);
        produce(topic, key.getBytes(UTF_8), bytes, t);
    }

    static void produce(Topic<?, ?> topic, byte[] key, byte[] value, Instant t) {
        try {
            producer.send(new ProducerRecord<>(topic.topicName(), null, t.toEpochMilli(), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }

    static org.bluelight.schemas.GeoPoint point(GeoPoint p) {
        return new org.bluelight.schemas.GeoPoint(p.lat(), p.lon());
    }

    /** Reads a topic from the start as a read_committed consumer, decoding its values. */
    static final class Committed implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private final List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();

        Committed(Topic<?, ?> topic) {
            this(topic.topicName());
        }

        Committed(String topicName) {
            this.topic = topicName;
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(this.topic).stream()
                    .map(p -> new TopicPartition(this.topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        <V extends SpecificRecord> V await(Class<V> type, java.util.function.Predicate<V> which) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (V value : all(type)) {
                    if (which.test(value)) {
                        return value;
                    }
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            throw new AssertionError("no matching record on " + topic + " within " + WAIT + "; saw " + all(type));
        }

        ConsumerRecord<byte[], byte[]> awaitRecord(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : seen) {
                    if (which.test(record)) {
                        return record;
                    }
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            throw new AssertionError("no matching record on " + topic + " within " + WAIT);
        }

        <V extends SpecificRecord> List<V> all(Class<V> type) {
            var deserializer = AvroSerdes.value(type, registryClient).deserializer();
            return seen.stream().map(record -> deserializer.deserialize(topic, record.value())).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
