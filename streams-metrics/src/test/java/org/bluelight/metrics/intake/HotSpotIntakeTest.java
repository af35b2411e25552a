package org.bluelight.metrics.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.Topic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HotSpotIntakeTest {

    static final String SQUARE = """
            {"type":"Polygon","coordinates":[[[-1.260,51.750],[-1.250,51.750],[-1.250,51.760],[-1.260,51.760],[-1.260,51.750]]]}""";
    static final String WORLD = """
            {"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}""";

    private final HotSpotCatalogue catalogue = new HotSpotCatalogue(PatrolAreaIndex.DEFAULT_CELL_DEGREES);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ProducerRecord<byte[], byte[]>> written = new ArrayList<>();
    private MockProcessorContext<Void, Void> context;
    private HotSpotIntake intake;
    private long offset;

    /** Avro single-object encoding: bytes without its header are refused. */
    private static final Deserializer<HotSpot> DESERIALIZER = (topic, bytes) -> {
        try {
            return HotSpot.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a hot spot: " + e.getMessage(), e);
        }
    };

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "intake-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        new DeadLetterQueue("intake-test", true, meters).addTo(props);
        context = new MockProcessorContext<>(props);
        KeyValueStore<String, HotSpot> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("hotspots"),
                Serdes.String(), Serdes.serdeFrom((topic, hotSpot) -> bytes(hotSpot), DESERIALIZER)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        intake = new HotSpotIntake("hotspots", catalogue, new InputChecks(InputLimits.defaults(), PatrolAreaLimits.defaults()), DESERIALIZER, written::add);
        intake.init(context);
    }

    private static byte[] bytes(HotSpot hotSpot) {
        try {
            ByteBuffer buffer = hotSpot.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new SerializationException(e);
        }
    }

    private static HotSpot hotSpot(String id, String geometry) {
        return HotSpot.newBuilder().setHotSpotId(id).setName(id).setTrialId("T")
                .setPatrolAreas(List.of(new PatrolArea(id + "-P1", geometry))).build();
    }

    private void read(String key, byte[] value) {
        context.setRecordMetadata(Topic.HOTSPOTS.topicName(), 0, offset++);
        intake.process(new Record<>(key.getBytes(StandardCharsets.UTF_8), value, 1_000L));
    }

    private static String header(ProducerRecord<byte[], byte[]> letter, String name) {
        Header header = letter.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void unreadableBytesAndOversizedHotSpotsAreDeadLetteredAndLaterHotSpotsStillLoad() {
        byte[] garbage = "\u0000\u0000\u0000\u0000\u0007garbage".getBytes(StandardCharsets.ISO_8859_1);
        read("HS-GARBAGE", garbage);
        read("HS-WORLD", bytes(hotSpot("HS-WORLD", WORLD)));
        read("HS-LINE", bytes(hotSpot("HS-LINE", "{\"type\":\"LineString\",\"coordinates\":[]}")));
        read("HS1", bytes(hotSpot("HS1", SQUARE)));

        assertThat(written).extracting(ProducerRecord::topic).containsOnly(Topic.HOTSPOTS.dlqName());
        assertThat(written).extracting(letter -> new String(letter.key(), StandardCharsets.UTF_8))
                .containsExactly("HS-GARBAGE", "HS-WORLD", "HS-LINE");
        assertThat(written.get(0).value()).as("the original bytes").isEqualTo(garbage);
        assertThat(header(written.get(0), DeadLetterHeaders.STAGE)).isEqualTo("deserialization");
        assertThat(header(written.get(1), DeadLetterHeaders.REASON)).isEqualTo(InputChecks.AREA_TOO_LARGE);
        assertThat(header(written.get(2), DeadLetterHeaders.REASON)).isEqualTo(InputChecks.BAD_GEOMETRY);
        assertThat(header(written.get(1), DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(meters.find(DeadLetterQueue.COUNTER).tag("topic", Topic.HOTSPOTS.topicName()).counters().stream()
                .mapToDouble(counter -> counter.count()).sum()).as("each counted").isEqualTo(3.0);
        assertThat(catalogue.index().hotSpotsAt(51.755, -1.255)).containsExactly("HS1");
    }

    @Test
    void aTombstoneRemovesTheHotSpot() {
        read("HS1", bytes(hotSpot("HS1", SQUARE)));
        read("HS1", null);
        assertThat(catalogue.index().areaCount()).isZero();
        assertThat(written).isEmpty();
    }
}
