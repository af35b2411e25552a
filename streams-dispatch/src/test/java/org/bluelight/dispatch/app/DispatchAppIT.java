package org.bluelight.dispatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.fixtures.Andorra;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.route.Route;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.schemas.serde.ContractSerdes;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatch app wired as its standalone main wires it ({@link DispatchApp#create}) on a real
 * broker under exactly_once_v2, with Confluent-wire-format Avro through a real schema registry and
 * road ETAs on the real Andorra map; its output is read as a read_committed consumer reads it.
 *
 * <p>The tests share the contract topics, so each uses its own dispatch groups and id prefix, and
 * reads only its own records.
 */
class DispatchAppIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    static final int PARTITIONS = 2;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<Topic> INPUTS = List.of(Topic.INCIDENTS, Topic.ASSIGNMENTS, Topic.OFFICER_STATUS,
            Topic.TELEMATICS, Topic.OFFICER_IMPACT, Topic.COVERAGE_CELLS, Topic.TASK_DECISIONS, Topic.HOTSPOTS,
            Topic.TRIAL_ALLOCATIONS);

    /** Places in the valleys, on or near a road. */
    static final GeoPoint ENCAMP = new GeoPoint(42.5355, 1.5830);
    static final GeoPoint LA_MASSANA = new GeoPoint(42.5450, 1.5148);
    static final GeoPoint ORDINO = new GeoPoint(42.5560, 1.5330);
    static final GeoPoint SANT_JULIA = new GeoPoint(42.4637, 1.4912);
    static final Map<String, List<GeoPoint>> SCENES = Map.of(
            "VALIRA-NORD", List.of(LA_MASSANA.offset(200, 90), ORDINO, Andorra.ESCALDES, ENCAMP),
            "VALIRA-SUD", List.of(SANT_JULIA, Andorra.IN_TOWN.offset(150, 0), Andorra.ON_THE_CG1.offset(200, 200)));

    static SchemaRegistryServer registry;
    static RegistryClient registryClient;
    static DispatchSettings settings;
    static RoadNetwork network;
    static Cad cad;
    static Deserializer<Recommendation> recommendations;

    @TempDir
    Path stateDir;
    final List<StreamsApp> apps = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startUp() {
        for (Topic topic : INPUTS) {
            KAFKA.createTopics(PARTITIONS, topic.topicName(), topic.dlqName());
        }
        KAFKA.createTopics(PARTITIONS, Topic.RECOMMENDATIONS.topicName(), Topic.BACKLOG.topicName(),
                Topic.MOVEUPS.topicName(), Topic.PATROL_TASKS.topicName());
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        registryClient = new RegistryClient(RegistryClientConfig.of(registry.uri().toString()));
        recommendations = AvroSerdes.value(Recommendation.class, registryClient).deserializer();
        settings = DispatchSettings.from(ConfigSource.of(baseSettings()));
        // As DispatchApp.main opens it.
        network = RoadNetwork.open(NetworkConfig.of(settings.osmFile(), settings.graphCacheDir()));
        cad = new Cad();
    }

    @AfterAll
    static void shutDown() {
        if (cad != null) {
            cad.close();
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
    void officersAndAGrade1IncidentInGiveARecommendationWithRealRoadEtasOnTheCommittedTopic() throws Exception {
        StreamsApp app = start(config("dispatch-it-recommend"));
        Instant t0 = now();
        Unit advanced = new Unit("R-ADV", DrivingStandard.ADVANCED, 1, Transport.CAR, Andorra.ON_THE_CG1);
        Unit basic = new Unit("R-BAS", DrivingStandard.BASIC, 1, Transport.CAR, Andorra.IN_TOWN);
        Unit van = new Unit("R-VAN", DrivingStandard.STANDARD, 2, Transport.VAN, SANT_JULIA);
        List<Unit> units = List.of(advanced, basic, van);
        onDuty(app, "ESCALDES", units, t0);

        Instant reportedAt = t0.plusSeconds(5);
        cad.incident(reported("R-1", 1, "ESCALDES", Andorra.ESCALDES, reportedAt).build());

        Recommendation recommendation;
        try (Committed out = new Committed(Topic.RECOMMENDATIONS.topicName())) {
            List<Recommendation> published = decode(out.settled(keyedFrom("R-"), 1));
            assertThat(published).hasSize(1);
            recommendation = published.get(0);
        }
        assertThat(recommendation.getIncidentId()).isEqualTo("R-1");
        assertThat(recommendation.getStatus()).isEqualTo(RecommendationStatus.ACTIVE);
        assertThat(recommendation.getTrigger()).isEqualTo(RecommendationTrigger.REPORTED);
        assertThat(recommendation.getRevision()).isEqualTo(1);
        assertThat(recommendation.getTargetSeconds()).isEqualTo(900);
        // The advanced driver on the CG-1 beats the basic driver in town on a grade 1 (the officer-selection paper's driving standards).
        assertThat(recommendation.getCandidates()).extracting(c -> c.getOfficerIds().get(0))
                .containsExactlyInAnyOrder("R-ADV", "R-BAS", "R-VAN")
                .first().isEqualTo("R-ADV");
        for (Candidate candidate : recommendation.getCandidates()) {
            Unit unit = units.stream().filter(u -> u.id().equals(candidate.getOfficerIds().get(0))).findFirst().orElseThrow();
            Route road = network.route(routingPoint(unit.at()), routingPoint(Andorra.ESCALDES), unit.profileFor(1), reportedAt);
            assertThat((double) candidate.getEtaSeconds()).as("ETA of %s", unit.id()).isCloseTo(road.etaSeconds(), within(1.0));
            assertThat(candidate.getRoadDistanceMeters()).as("road distance of %s", unit.id())
                    .isCloseTo(road.distanceMeters(), withinPercentage(1));
            assertThat(candidate.getStraightLineMeters()).isCloseTo(unit.at().metersTo(Andorra.ESCALDES), within(1.0));
            assertThat(candidate.getEmergencyDriving()).isEqualTo(unit.standard() != DrivingStandard.BASIC);
            assertThat(candidate.getPositionStale()).isFalse();
        }
        Candidate top = recommendation.getCandidates().get(0);
        assertThat(top.getReasons().get(0)).startsWith("ETA ").contains("advanced driver, emergency route");

        HttpResponse<String> latest = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.httpPort() + "/recommendations/R-1")).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).contains("\"recommendationId\":\"R-1#1\"", "\"status\":\"ACTIVE\"");
    }

    @Test
    void restartedMidStreamItPublishesEveryRecommendationExactlyOnceForReadCommittedConsumers() throws Exception {
        restartMidStream("dispatch-it-restart", Map.of(), "");
    }

    @Test
    void underTheLowLatencySettingARestartMidStreamStillPublishesEveryRecommendationExactlyOnce() throws Exception {
        // Commits asked for by the router and the desk on every live incident (these are timestamped ahead of the
        // wall clock, so all count as live), besides the interval's.
        assertThat(DispatchSettings.from(ConfigSource.of(DispatchApp.LOW_LATENCY).withDefaults(baseSettings())).commitOnIncident()).isTrue();
        restartMidStream("dispatch-it-restart-low-latency", DispatchApp.LOW_LATENCY, "L");
    }

    /**
     * A stream of incidents over two groups, the app closed and started again partway: read_committed sees the
     * uninterrupted run's revisions. Its units, groups and incidents are named from {@code prefix}: an app of
     * another id reads the topics from their start, so each run's names must differ from the others'.
     */
    void restartMidStream(String applicationId, Map<String, String> appSettings, String prefix) throws Exception {
        StreamsAppConfig config = config(applicationId, appSettings);
        DispatchSettings chosen = DispatchSettings.from(ConfigSource.of(appSettings).withDefaults(baseSettings()));
        Instant t0 = now();
        Map<String, List<Unit>> groups = new LinkedHashMap<>();
        groups.put(prefix + "VALIRA-NORD", List.of(
                new Unit(prefix + "S-N1", DrivingStandard.ADVANCED, 1, Transport.CAR, LA_MASSANA),
                new Unit(prefix + "S-N2", DrivingStandard.BASIC, 2, Transport.VAN, ORDINO),
                new Unit(prefix + "S-N3", DrivingStandard.STANDARD, 1, Transport.CAR, Andorra.ESCALDES)));
        groups.put(prefix + "VALIRA-SUD", List.of(
                new Unit(prefix + "S-S1", DrivingStandard.STANDARD, 2, Transport.CAR, SANT_JULIA),
                new Unit(prefix + "S-S2", DrivingStandard.BASIC, 1, Transport.CAR, Andorra.IN_TOWN),
                new Unit(prefix + "S-S3", DrivingStandard.ADVANCED, 1, Transport.MOTORCYCLE, Andorra.ON_THE_CG1)));
        List<IncidentEvent> stream = incidentStream(t0.plusSeconds(10), 40).stream()
                .map(event -> IncidentEvent.newBuilder(event).setIncidentId(prefix + event.getIncidentId())
                        .setDispatchGroup(prefix + event.getDispatchGroup()).build())
                .toList();
        List<Revision> expected = uninterrupted(groups, t0, stream);
        assertThat(expected).extracting(Revision::revision).contains(1, 2);
        assertThat(expected).extracting(Revision::status).contains(RecommendationStatus.WITHDRAWN);

        StreamsApp first = start(config, chosen);
        groups.forEach((group, units) -> onDuty(first, group, units, t0));
        CountDownLatch closing = new CountDownLatch(1);
        int beforeClose = stream.size() * 3 / 5;
        CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < stream.size(); i++) {
                if (i == beforeClose) {
                    awaitLatch(closing);
                }
                cad.incident(stream.get(i));
                pause(Duration.ofMillis(50));
            }
        });
        try (Committed out = new Committed(Topic.RECOMMENDATIONS.topicName())) {
            out.await(keyedFrom(prefix + "S-"), expected.size() / 4);
            // The rest of the stream arrives while the app closes, while it is down and after it is back.
            closing.countDown();
            first.close();
            start(config, chosen);
            feed.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            List<Revision> published = decode(out.settled(keyedFrom(prefix + "S-"), expected.size())).stream()
                    .map(Revision::of).toList();
            assertThat(published).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void garbageOnCadIncidentsEndsOnItsDeadLetterTopicWithTheReasonAndTheNextIncidentIsStillRecommended() throws Exception {
        StreamsApp app = start(config("dispatch-it-dead-letters"));
        Instant t0 = now();
        onDuty(app, "ORDINO", List.of(new Unit("D-U1", DrivingStandard.STANDARD, 1, Transport.CAR, ORDINO)), t0);
        byte[] garbage = "{\"incidentId\": \"D-0\"} is JSON, not Avro".getBytes(StandardCharsets.UTF_8);

        cad.send(Topic.INCIDENTS, "D-0", garbage, t0.plusSeconds(2));
        cad.incident(reported("D-7", 7, "ORDINO", ORDINO, t0.plusSeconds(3)).build());
        cad.incident(reported("D-1", 1, "ORDINO", ORDINO.offset(300, 0), t0.plusSeconds(4)).build());

        try (Committed out = new Committed(Topic.RECOMMENDATIONS.topicName());
             Committed deadLetters = new Committed(Topic.INCIDENTS.dlqName())) {
            List<Recommendation> published = decode(out.settled(keyedFrom("D-"), 1));
            assertThat(published).extracting(Recommendation::getIncidentId, Recommendation::getStatus)
                    .containsExactly(tuple("D-1", RecommendationStatus.ACTIVE));
            assertThat(published.get(0).getCandidates().get(0).getOfficerIds()).containsExactly("D-U1");

            List<ConsumerRecord<String, byte[]>> letters = deadLetters.settled(r -> r.key().startsWith("D-"), 2);
            ConsumerRecord<String, byte[]> unreadable = letters.stream().filter(r -> r.key().equals("D-0")).findFirst().orElseThrow();
            assertThat(unreadable.value()).isEqualTo(garbage);
            assertThat(header(unreadable, DeadLetterHeaders.REASON)).isEqualTo("wrong-magic-byte");
            assertThat(header(unreadable, DeadLetterHeaders.STAGE)).isEqualTo("deserialization");
            assertThat(header(unreadable, DeadLetterHeaders.TOPIC)).isEqualTo(Topic.INCIDENTS.topicName());
            assertThat(header(unreadable, DeadLetterHeaders.APPLICATION_ID)).isEqualTo("dispatch-it-dead-letters");
            ConsumerRecord<String, byte[]> badGrade = letters.stream().filter(r -> r.key().equals("D-7")).findFirst().orElseThrow();
            assertThat(header(badGrade, DeadLetterHeaders.REASON)).isEqualTo("unknown-grade");
            assertThat(header(badGrade, DeadLetterHeaders.STAGE)).isEqualTo("validation");
            assertThat(header(badGrade, DeadLetterHeaders.MESSAGE)).isEqualTo("incident D-7 has grade 7; known grades are [1, 2, 3, 4]");
        }
        assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    /**
     * {@code count} incidents alternating between the two groups, most with a later change a few
     * incidents on: a grade 2 regraded to 1, a grade 1 closed, scheduled work (grade 3) regraded
     * to 2, a grade 2 moved 300 m. One event a second of event time.
     */
    static List<IncidentEvent> incidentStream(Instant start, int count) {
        List<IncidentEvent> events = new ArrayList<>();
        List<IncidentEvent> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String group = i % 2 == 0 ? "VALIRA-NORD" : "VALIRA-SUD";
            List<GeoPoint> scenes = SCENES.get(group);
            int grade = switch (i % 5) {
                case 0, 2 -> 1;
                case 1, 4 -> 2;
                default -> 3;
            };
            IncidentEvent report = reported("S-" + i, grade, group, scenes.get(i / 2 % scenes.size()),
                    start.plusSeconds(events.size())).build();
            events.add(report);
            reports.add(report);
            if (i >= 3) {
                followUp(reports.get(i - 3), i - 3, start.plusSeconds(events.size())).ifPresent(events::add);
            }
        }
        for (int i = Math.max(0, count - 3); i < count; i++) {
            followUp(reports.get(i), i, start.plusSeconds(events.size())).ifPresent(events::add);
        }
        return events;
    }

    static Optional<IncidentEvent> followUp(IncidentEvent report, int i, Instant at) {
        IncidentEvent.Builder change = IncidentEvent.newBuilder(report).setEventType(IncidentEventType.UPDATED).setOccurredAt(at);
        return switch (i % 5) {
            case 1 -> Optional.of(change.setGrade(1).build());
            case 2 -> Optional.of(change.setEventType(IncidentEventType.CLOSED).build());
            case 3 -> Optional.of(change.setGrade(2).build());
            case 4 -> Optional.of(change.setLocation(point(location(report).offset(300, 45))).build());
            default -> Optional.empty();
        };
    }

    /**
     * What the same topology publishes for the same records when nothing interrupts it: one
     * uninterrupted run in a TopologyTestDriver, with the same serdes, rules and road network.
     */
    List<Revision> uninterrupted(Map<String, List<Unit>> groups, Instant t0, List<IncidentEvent> stream) {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "state.dir", stateDir.resolve("uninterrupted").toString(),
                "processing.guarantee", "at_least_once")), "dispatch-uninterrupted", 0);
        Properties props = new DeadLetterQueue(config.applicationId(), true, new SimpleMeterRegistry())
                .addTo(config.streamsProperties());
        AppSerdes serdes = new AppSerdes(ContractSerdes.registry(registryClient));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                DispatchTopology.build(serdes, settings.rules(), settings.limits(), settings.early(),
                        new RoadNetworkTravelTimes(network), new SimpleMeterRegistry()), props)) {
            StringSerializer keys = new StringSerializer();
            TestInputTopic<String, OfficerStatus> status =
                    driver.createInputTopic(Topic.OFFICER_STATUS.topicName(), keys, serdes.valueSerde(Topic.OFFICER_STATUS).serializer());
            TestInputTopic<String, PositionFix> telematics =
                    driver.createInputTopic(Topic.TELEMATICS.topicName(), keys, serdes.valueSerde(Topic.TELEMATICS).serializer());
            TestInputTopic<String, IncidentEvent> incidents =
                    driver.createInputTopic(Topic.INCIDENTS.topicName(), keys, serdes.valueSerde(Topic.INCIDENTS).serializer());
            groups.forEach((group, units) -> units.forEach(u -> status.pipeInput(u.id(), u.status(group, t0), t0)));
            groups.forEach((group, units) -> units.forEach(u -> telematics.pipeInput(u.id(), u.fix(t0.plusSeconds(1)),
                    t0.plusSeconds(1))));
            stream.forEach(event -> incidents.pipeInput(event.getIncidentId(), event, event.getOccurredAt()));
            return driver.createOutputTopic(Topic.RECOMMENDATIONS.topicName(), new StringDeserializer(),
                    serdes.valueSerde(Topic.RECOMMENDATIONS).deserializer()).readValuesToList().stream().map(Revision::of).toList();
        }
    }

    /** One published revision of an incident's recommendation, as the restart test compares them. */
    record Revision(String incidentId, int revision, RecommendationStatus status, RecommendationTrigger trigger) {
        static Revision of(Recommendation r) {
            return new Revision(r.getIncidentId(), r.getRevision(), r.getStatus(), r.getTrigger());
        }
    }

    /** A unit for the tests: its attributes and where it stands. */
    record Unit(String id, DrivingStandard standard, int crew, Transport transport, GeoPoint at) {

        OfficerStatus status(String group, Instant at) {
            return OfficerStatus.newBuilder().setOfficerId(id).setCallSign("CS-" + id).setState(OfficerState.AVAILABLE)
                    .setChangedAt(at).setCrewSize(crew).setDrivingStandard(standard).setTransport(transport)
                    .setDispatchGroup(group).setShiftEnd(at.plus(Duration.ofHours(8))).build();
        }

        PositionFix fix(Instant fixedAt) {
            return PositionFix.newBuilder().setOfficerId(id).setFixedAt(fixedAt).setPosition(point(at)).build();
        }

        /** The routing profile the dispatch rules give this unit for an incident of {@code grade}. */
        TravelProfile profileFor(int grade) {
            return TravelProfile.forResponse(org.bluelight.routing.profile.Transport.valueOf(transport.name()),
                    org.bluelight.routing.profile.DrivingStandard.valueOf(standard.name()), grade);
        }
    }

    static Map<String, String> baseSettings() {
        return Map.of(
                "routing.osm.file", Andorra.MAP.toString(),
                "routing.graph.dir", Andorra.GRAPH_CACHE.toString(),
                "dispatch.map.bounds", Andorra.BOUNDS);
    }

    /** The app's own configuration (its Kafka settings and latency defaults) on the test's broker. */
    StreamsAppConfig config(String applicationId) {
        return config(applicationId, Map.of());
    }

    /** The same with {@code appSettings} over it. */
    StreamsAppConfig config(String applicationId, Map<String, String> appSettings) {
        return DispatchApp.config(ConfigSource.of(appSettings).withDefaults(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "processing.guarantee", "exactly_once_v2",
                "state.dir", stateDir.resolve("state").toString(),
                "http.port", "0",
                "shutdown.timeout.ms", "20000",
                // StreamsApp.close() leaves the group; a short session also bounds the wait should a
                // close time out and leave the old member behind.
                "kafka.session.timeout.ms", "6000")), DispatchApp.HTTP_PORT, DispatchApp.LATENCY_DEFAULTS);
    }

    StreamsApp start(StreamsAppConfig config) throws InterruptedException {
        return start(config, settings);
    }

    StreamsApp start(StreamsAppConfig config, DispatchSettings chosen) throws InterruptedException {
        StreamsApp app = DispatchApp.create(config, chosen, network);
        apps.add(app);
        app.start();
        await(() -> app.state() == KafkaStreams.State.RUNNING, "dispatch app running");
        return app;
    }

    /**
     * Status, then a telematics fix a second later, for each unit; waits until the app holds each
     * unit with its position, so an incident sent next finds them.
     */
    static void onDuty(StreamsApp app, String group, List<Unit> units, Instant at) {
        units.forEach(unit -> cad.status(unit.status(group, at)));
        awaitUnchecked(() -> units.stream().allMatch(unit -> officer(app, unit.id()) != null), "statuses of " + group);
        units.forEach(unit -> cad.fix(unit.fix(at.plusSeconds(1))));
        awaitUnchecked(() -> units.stream().allMatch(unit -> {
            Officer officer = officer(app, unit.id());
            return officer != null && unit.at().equals(officer.position());
        }), "positions of " + group);
    }

    static Officer officer(StreamsApp app, String officerId) {
        try {
            ReadOnlyKeyValueStore<String, Officer> officers = app.streams().store(StoreQueryParameters.fromNameAndType(
                    DispatchTopology.OFFICERS_STORE, QueryableStoreTypes.keyValueStore()));
            return officers.get(officerId);
        } catch (InvalidStateStoreException notYet) {
            return null;
        }
    }

    static IncidentEvent.Builder reported(String id, int grade, String group, GeoPoint where, Instant at) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(at).setReportedAt(at).setGrade(grade).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY)
                .setDispatchGroup(group).setLocation(point(where));
    }

    static org.bluelight.schemas.GeoPoint point(GeoPoint location) {
        return new org.bluelight.schemas.GeoPoint(location.lat(), location.lon());
    }

    static GeoPoint location(IncidentEvent event) {
        return new GeoPoint(event.getLocation().getLat(), event.getLocation().getLon());
    }

    static org.bluelight.routing.GeoPoint routingPoint(GeoPoint location) {
        return new org.bluelight.routing.GeoPoint(location.lat(), location.lon());
    }

    /** Records of one test: their keys (incident ids) start with its prefix. */
    static Predicate<ConsumerRecord<String, byte[]>> keyedFrom(String prefix) {
        return record -> record.key().startsWith(prefix);
    }

    static List<Recommendation> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> recommendations.deserialize(r.topic(), r.value())).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Whole seconds, as CAD stamps events. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static void awaitUnchecked(BooleanSupplier condition, String what) {
        try {
            await(condition, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void awaitLatch(CountDownLatch latch) {
        awaitUnchecked(() -> latch.getCount() == 0, "the signal to go on");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes contract records as CAD and the telematics feed do: string keys, wire-format Avro values via the registry. */
    static final class Cad implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final Serializer<OfficerStatus> statuses = AvroSerdes.value(OfficerStatus.class, registryClient).serializer();
        private final Serializer<PositionFix> fixes = AvroSerdes.value(PositionFix.class, registryClient).serializer();
        private final Serializer<IncidentEvent> incidents = AvroSerdes.value(IncidentEvent.class, registryClient).serializer();

        Cad() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }

        void status(OfficerStatus status) {
            String topic = Topic.OFFICER_STATUS.topicName();
            send(Topic.OFFICER_STATUS, status.getOfficerId(), statuses.serialize(topic, status), status.getChangedAt());
        }

        void fix(PositionFix fix) {
            send(Topic.TELEMATICS, fix.getOfficerId(), fixes.serialize(Topic.TELEMATICS.topicName(), fix), fix.getFixedAt());
        }

        void incident(IncidentEvent event) {
            send(Topic.INCIDENTS, event.getIncidentId(), incidents.serialize(Topic.INCIDENTS.topicName(), event),
                    event.getOccurredAt());
        }

        void send(Topic topic, String key, byte[] value, Instant timestamp) {
            try {
                producer.send(new ProducerRecord<>(topic.topicName(), null, timestamp.toEpochMilli(), key, value)).get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not write to " + topic.topicName(), e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Reads a topic from the start as a read_committed consumer: only what committed transactions wrote. */
    static final class Committed implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        Committed(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Reads until {@code count} records match; fails if they do not come. */
        List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> which, int count) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (matching(which).size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            assertThat(matching(which)).as("committed records").hasSizeGreaterThanOrEqualTo(count);
            return matching(which);
        }

        /** As {@link #await}, then reads on for two seconds more, so a late duplicate would show. */
        List<ConsumerRecord<String, byte[]>> settled(Predicate<ConsumerRecord<String, byte[]>> which, int count) {
            await(which, count);
            long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return matching(which);
        }

        private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> which) {
            return seen.stream().filter(which).toList();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
