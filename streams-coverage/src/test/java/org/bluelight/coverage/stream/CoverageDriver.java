package org.bluelight.coverage.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.reach.Reachability;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.DeadLetterDeserializationHandler;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterProcessingHandler;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.testkit.PlainAvroSerdes;

/** The coverage topology on a {@link TopologyTestDriver}, with the inputs and outputs a test needs. */
final class CoverageDriver implements AutoCloseable {

    static final String APPLICATION_ID = "coverage-test";
    static final Duration EMIT_INTERVAL = Duration.ofMillis(100);

    private final AppSerdes avro = new AppSerdes(PlainAvroSerdes.INSTANCE);
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, OfficerStatus> statuses;
    private final TestInputTopic<String, PositionFix> fixes;
    private final TestInputTopic<String, IncidentEvent> incidents;
    private final TestOutputTopic<String, CoverageCell> cells;
    private final TestOutputTopic<String, OfficerCoverageImpact> impacts;
    private final Map<String, CoverageCell> latestCells = new HashMap<>();
    private final Map<String, OfficerCoverageImpact> latestImpacts = new HashMap<>();

    CoverageDriver(CoverageSettings settings, RoadCells roadCells, Reachability reachability, DemandSeed seed,
                   MeterRegistry meters, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        new DeadLetterQueue(APPLICATION_ID, true, meters).addTo(props);
        driver = new TopologyTestDriver(
                new CoverageTopology(settings, roadCells, reachability, seed, meters, avro).build(), props);
        statuses = driver.createInputTopic(Topic.OFFICER_STATUS.topicName(), Serdes.String().serializer(),
                avro.valueSerde(Topic.OFFICER_STATUS).serializer());
        fixes = driver.createInputTopic(Topic.TELEMATICS.topicName(), Serdes.String().serializer(),
                avro.valueSerde(Topic.TELEMATICS).serializer());
        incidents = driver.createInputTopic(Topic.INCIDENTS.topicName(), Serdes.String().serializer(),
                avro.valueSerde(Topic.INCIDENTS).serializer());
        cells = driver.createOutputTopic(Topic.COVERAGE_CELLS.topicName(), Serdes.String().deserializer(),
                avro.valueSerde(Topic.COVERAGE_CELLS).deserializer());
        impacts = driver.createOutputTopic(Topic.OFFICER_IMPACT.topicName(), Serdes.String().deserializer(),
                avro.valueSerde(Topic.OFFICER_IMPACT).deserializer());
    }

    void status(String officerId, OfficerState state, GeoPoint position, Instant at) {
        statuses.pipeInput(officerId, OfficerStatus.newBuilder()
                .setOfficerId(officerId).setCallSign("C-" + officerId).setState(state).setChangedAt(at)
                .setTransport(Transport.CAR).setDrivingStandard(DrivingStandard.STANDARD).setDispatchGroup("north")
                .setPosition(position == null ? null : new org.bluelight.schemas.GeoPoint(position.lat(), position.lon()))
                .build(), at);
    }

    void fix(String officerId, GeoPoint position, Instant at) {
        fixes.pipeInput(officerId, PositionFix.newBuilder()
                .setOfficerId(officerId).setFixedAt(at).setPosition(new org.bluelight.schemas.GeoPoint(position.lat(), position.lon()))
                .build(), at);
    }

    /** A fix with any coordinates, valid or not. */
    void fixRaw(String officerId, double lat, double lon, Instant at) {
        fixes.pipeInput(officerId, PositionFix.newBuilder()
                .setOfficerId(officerId).setFixedAt(at).setPosition(new org.bluelight.schemas.GeoPoint(lat, lon)).build(), at);
    }

    void incident(String incidentId, int grade, IncidentEventType type, GeoPoint location, Instant at) {
        incidents.pipeInput(incidentId, IncidentEvent.newBuilder()
                .setIncidentId(incidentId).setEventType(type).setOccurredAt(at).setReportedAt(at).setGrade(grade)
                .setCategory(IncidentCategory.ROBBERY).setLocation(new org.bluelight.schemas.GeoPoint(location.lat(), location.lon()))
                .build(), at);
    }

    /** Records exactly as given, key and timestamp included. */
    void send(String key, OfficerStatus status, Instant timestamp) {
        statuses.pipeInput(key, status, timestamp);
    }

    void send(String key, PositionFix fix, Instant timestamp) {
        fixes.pipeInput(key, fix, timestamp);
    }

    void send(String key, IncidentEvent incident, Instant timestamp) {
        incidents.pipeInput(key, incident, timestamp);
    }

    /** The dead letters of an input topic, as their reason headers. */
    List<String> deadLetterReasons(Topic<?, ?> topic) {
        return deadLetterReasons(topic.dlqName());
    }

    /**
     * The reasons of the letters on {@code dlqTopic}: a record refused after a repartition goes to the app's fallback
     * here, as this driver runs without the consumer interceptor that stamps where each record was read.
     */
    List<String> deadLetterReasons(String dlqTopic) {
        return driver.createOutputTopic(dlqTopic, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())
                .readRecordsToList().stream()
                .map(letter -> new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .toList();
    }

    /** The latest coverage of every cell published so far, by cell id. */
    Map<String, CoverageCell> cells() {
        publishChangedCells();
        cells.readKeyValuesToList().forEach(kv -> latestCells.put(kv.key, kv.value));
        return latestCells;
    }

    /** How many coverage.cells records have been published and not read yet. */
    long unreadCellRecords() {
        publishChangedCells();
        return cells.getQueueSize();
    }

    /** Lets the wall-clock emit interval pass, so changed cells are published. */
    void publishChangedCells() {
        driver.advanceWallClockTime(EMIT_INTERVAL);
    }

    /** The latest impact of every officer published so far, by officer id. */
    Map<String, OfficerCoverageImpact> impacts() {
        impacts.readKeyValuesToList().forEach(kv -> latestImpacts.put(kv.key, kv.value));
        return latestImpacts;
    }

    /**
     * A store as its changelog topic has it: every change the store logged, replayed in order.
     * Kafka Streams restores a store from exactly this after its local state is lost.
     */
    <V> Map<String, V> changelog(String storeName, Serde<V> valueSerde) {
        Map<String, V> restored = new HashMap<>();
        driver.createOutputTopic(APPLICATION_ID + "-" + storeName + "-changelog", Serdes.String().deserializer(),
                valueSerde.deserializer()).readKeyValuesToList().forEach(kv -> {
                    if (kv.value == null) {
                        restored.remove(kv.key);
                    } else {
                        restored.put(kv.key, kv.value);
                    }
                });
        return restored;
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
