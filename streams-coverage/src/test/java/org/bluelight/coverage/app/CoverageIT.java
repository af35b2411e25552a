package org.bluelight.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.network.RoadNetworkReachability;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.coverage.reach.ReachedNode;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
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
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage app on a real broker and registry with the real Andorra road network: a handful of
 * officers come on duty, move and go off duty, and the published coverage must equal a brute-force
 * recount of the same reach sets, also after the app restarts with its local state lost.
 */
class CoverageIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    private static final Duration GRADE1 = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Monday 03:00 UTC: one traffic band for the whole test. */
    private static final Instant T = Instant.parse("2025-03-03T03:00:00Z");
    private static final CellGrid GRID = new CellGrid(8);

    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);
    private static final GeoPoint ESCALDES = new GeoPoint(42.5096, 1.5380);
    private static final GeoPoint ENCAMP = new GeoPoint(42.5347, 1.5806);
    private static final GeoPoint CANILLO = new GeoPoint(42.5676, 1.5976);
    private static final GeoPoint SANT_JULIA = new GeoPoint(42.4637, 1.4913);
    private static final GeoPoint LA_MASSANA = new GeoPoint(42.5450, 1.5148);
    private static final GeoPoint PAS_DE_LA_CASA = new GeoPoint(42.5428, 1.7336);

    private static SchemaRegistryServer registry;
    private static RoadNetwork network;
    private static AppSerdes serdes;

    /** Where each on-duty officer's reach was last computed from, and when. */
    private final Map<String, Placed> onDuty = new HashMap<>();
    private final Map<String, CoverageCell> cells = new HashMap<>();
    private final Map<String, OfficerCoverageImpact> impacts = new HashMap<>();

    private record Placed(GeoPoint position, Instant at) {
    }

    @BeforeAll
    static void start() {
        KAFKA.createTopics(1, Topic.OFFICER_STATUS.topicName(), Topic.TELEMATICS.topicName(),
                Topic.INCIDENTS.topicName(), Topic.COVERAGE_CELLS.topicName(), Topic.OFFICER_IMPACT.topicName(),
                Topic.OFFICER_STATUS.dlqName(), Topic.TELEMATICS.dlqName(), Topic.INCIDENTS.dlqName());
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        serdes = AppSerdes.connect(RegistryClientConfig.of(registry.uri().toString()));
        network = RoadNetwork.open(NetworkConfig.of(Path.of("../ops/maps/andorra.osm.pbf"),
                Path.of("target/graph-cache/coverage-it")));
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void publishedCoverageEqualsABruteForceRecountBeforeAndAfterARestartWithoutLocalState(
            @TempDir Path firstState, @TempDir Path secondState) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topic.COVERAGE_CELLS.topicName(), Topic.OFFICER_IMPACT.topicName()));
            incident(producer, "inc-1", ANDORRA_LA_VELLA, T);
            incident(producer, "inc-2", CANILLO, T.plusSeconds(1));
            status(producer, "o1", OfficerState.AVAILABLE, ANDORRA_LA_VELLA, T.plusSeconds(10));
            status(producer, "o2", OfficerState.EN_ROUTE, ESCALDES, T.plusSeconds(11));
            status(producer, "o3", OfficerState.AVAILABLE, ENCAMP, T.plusSeconds(12));
            status(producer, "o4", OfficerState.ON_SCENE, SANT_JULIA, T.plusSeconds(13));
            status(producer, "o5", OfficerState.AVAILABLE, LA_MASSANA, T.plusSeconds(14));

            try (CoverageApp app = app(firstState)) {
                awaitRecount(consumer);
                fix(producer, "o2", PAS_DE_LA_CASA, T.plusSeconds(120));
                status(producer, "o4", OfficerState.OFF_DUTY, null, T.plusSeconds(130));
                fix(producer, "o5", CANILLO, T.plusSeconds(140));
                awaitRecount(consumer);
            }

            // A new instance with an empty state directory must restore every store from its changelog.
            try (CoverageApp app = app(secondState)) {
                fix(producer, "o1", ENCAMP, T.plusSeconds(300));
                fix(producer, "o3", SANT_JULIA, T.plusSeconds(310));
                awaitRecount(consumer);
            }
        }
    }

    /** Polls the output until it equals the brute-force recount of the officers' reach sets. */
    private void awaitRecount(KafkaConsumer<String, byte[]> consumer) {
        Map<String, Set<String>> expected = bruteForce();
        Instant deadline = Instant.now().plus(WAIT);
        String mismatch = "nothing read";
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.topic().equals(Topic.COVERAGE_CELLS.topicName())) {
                    cells.put(record.key(), decode(Topic.COVERAGE_CELLS, record));
                } else {
                    impacts.put(record.key(), decode(Topic.OFFICER_IMPACT, record));
                }
            }
            mismatch = mismatch(expected);
            if (mismatch == null) {
                return;
            }
        }
        throw new AssertionError("Coverage did not match the brute-force recount within " + WAIT + ": " + mismatch);
    }

    private String mismatch(Map<String, Set<String>> expected) {
        Set<String> cellIds = new HashSet<>(expected.keySet());
        cellIds.addAll(cells.keySet());
        for (String cellId : cellIds) {
            int want = expected.getOrDefault(cellId, Set.of()).size();
            CoverageCell cell = cells.get(cellId);
            int got = cell == null ? 0 : cell.getOfficersInReach();
            if (want != got) {
                return "cell " + cellId + ": " + got + " officers in reach published, " + want + " by recount";
            }
            if (cell != null && cell.getDeficit() != Math.max(0, cell.getRequiredLevel() - got)) {
                return "cell " + cellId + ": deficit " + cell.getDeficit() + " does not follow from its counts";
            }
        }
        for (String officer : List.of("o1", "o2", "o3", "o4", "o5")) {
            long sole = expected.entrySet().stream()
                    .filter(e -> e.getValue().equals(Set.of(officer)))
                    .filter(e -> cells.containsKey(e.getKey()) && cells.get(e.getKey()).getDemandPerHour() > 0)
                    .count();
            long reachable = expected.values().stream().filter(who -> who.contains(officer)).count();
            OfficerCoverageImpact impact = impacts.get(officer);
            int gotSole = impact == null ? 0 : impact.getSoleCoverCells();
            int gotReachable = impact == null ? 0 : impact.getReachableCells();
            if (sole != gotSole || reachable != gotReachable) {
                return "officer " + officer + ": impact " + gotSole + " sole / " + gotReachable
                        + " reachable published, " + sole + " / " + reachable + " by recount";
            }
        }
        return null;
    }

    /** Who reaches which cell, searched afresh for every on-duty officer. */
    private Map<String, Set<String>> bruteForce() {
        RoadNetworkReachability reachability = new RoadNetworkReachability(network, GRADE1, GRID);
        ReachProfile profile = new ReachProfile(Transport.CAR, DrivingStandard.STANDARD);
        Map<String, Set<String>> who = new HashMap<>();
        onDuty.forEach((officer, placed) -> {
            for (ReachedNode node : reachability.reachableFrom(placed.position(), profile, placed.at()).nodes()) {
                who.computeIfAbsent(CellGrid.toHex(GRID.cellOf(node.position())), c -> new HashSet<>()).add(officer);
            }
        });
        assertThat(who).isNotEmpty();
        return who;
    }

    private CoverageApp app(Path stateDir) throws InterruptedException {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "application.id", "it-coverage",
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "state.dir", stateDir.toString(),
                "http.port", "0",
                "shutdown.timeout.ms", "10000")), "it-coverage", 0);
        CoverageConfig coverage = CoverageConfig.from(ConfigSource.of(Map.of(CoverageConfig.ZONE, "UTC")));
        CoverageApp app = CoverageApp.create(config, coverage, serdes, network).start();
        Instant deadline = Instant.now().plus(WAIT);
        while (app.streamsApp().state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(app.streamsApp().state()).isEqualTo(KafkaStreams.State.RUNNING);
        return app;
    }

    private void status(KafkaProducer<String, byte[]> producer, String officer, OfficerState state, GeoPoint at,
                        Instant when) throws Exception {
        OfficerStatus status = OfficerStatus.newBuilder()
                .setOfficerId(officer).setCallSign("AD" + officer).setState(state).setChangedAt(when)
                .setTransport(Transport.CAR).setDrivingStandard(DrivingStandard.STANDARD).setDispatchGroup("andorra")
                .setPosition(at == null ? null : new org.bluelight.schemas.GeoPoint(at.lat(), at.lon()))
                .build();
        send(producer, Topic.OFFICER_STATUS, officer, status, when);
        if (state == OfficerState.OFF_DUTY) {
            onDuty.remove(officer);
        } else {
            onDuty.put(officer, new Placed(at, when));
        }
    }

    private void fix(KafkaProducer<String, byte[]> producer, String officer, GeoPoint at, Instant when) throws Exception {
        send(producer, Topic.TELEMATICS, officer, PositionFix.newBuilder()
                .setOfficerId(officer).setFixedAt(when).setPosition(new org.bluelight.schemas.GeoPoint(at.lat(), at.lon())).build(), when);
        onDuty.put(officer, new Placed(at, when));
    }

    private void incident(KafkaProducer<String, byte[]> producer, String id, GeoPoint at, Instant when) throws Exception {
        send(producer, Topic.INCIDENTS, id, IncidentEvent.newBuilder()
                .setIncidentId(id).setEventType(IncidentEventType.REPORTED).setOccurredAt(when).setReportedAt(when)
                .setGrade(1).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY)
                .setLocation(new org.bluelight.schemas.GeoPoint(at.lat(), at.lon())).build(), when);
    }

    private static <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic,
                                                        String key, V value, Instant when) throws Exception {
        byte[] bytes = serdes.valueSerde(topic).serializer().serialize(topic.topicName(), value);
        producer.send(new ProducerRecord<>(topic.topicName(), null, when.toEpochMilli(), key, bytes)).get();
    }

    private static <V extends SpecificRecord> V decode(Topic<String, V> topic, ConsumerRecord<String, byte[]> record) {
        return serdes.valueSerde(topic).deserializer().deserialize(topic.topicName(), record.value());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "coverage-it-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
