package org.bluelight.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.registry.StubRegistryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests of the Confluent wire format: the expected bytes are written out by hand
 * from the spec (magic byte 0, schema id as 4 bytes big-endian, Avro binary: zig-zag varints,
 * length-prefixed UTF-8 strings, little-endian IEEE 754 doubles).
 */
class AvroSerdeTest {

    private static final String TOPIC = "metrics.hotspot-trial";

    /** HotSpotDayKey{hotSpotId="HS-7", trialDay=2024-03-01} under schema id 42. */
    private static final byte[] HOT_SPOT_DAY_KEY_ID_42 = {
        0x00, // magic byte
        0x00, 0x00, 0x00, 0x2A, // schema id 42, big-endian
        0x08, 'H', 'S', '-', '7', // string: zig-zag length 4 = 0x08, UTF-8 bytes
        (byte) 0x8E, (byte) 0xB5, 0x02 // date: 19783 days since epoch, zig-zag 39566 as a varint
    };

    /** GeoPoint{lat=51.5, lon=-0.125} under schema id 258 (0x00000102). */
    private static final byte[] GEO_POINT_ID_258 = {
        0x00,
        0x00, 0x00, 0x01, 0x02,
        0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, 0x49, 0x40, // 51.5 little-endian
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, (byte) 0xBF // -0.125 little-endian
    };

    private StubRegistryServer registry;
    private RegistryClient client;

    @BeforeEach
    void start() throws Exception {
        registry = StubRegistryServer.start();
        client = new RegistryClient(RegistryClientConfig.of(registry.uri().toString())
                .withRetries(0, Duration.ZERO));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void keySerializerWritesTheKnownAnswerBytesUnderTheKeySubject() {
        registry.answer("POST", "/subjects/metrics.hotspot-trial-key/versions", 200, "{\"id\":42}");
        AvroSerde<HotSpotDayKey> serde = AvroSerdes.key(HotSpotDayKey.class, client);

        byte[] bytes = serde.serializer().serialize(TOPIC, hotSpotDayKey());

        assertThat(bytes).containsExactly(HOT_SPOT_DAY_KEY_ID_42);
        assertThat(registry.requests()).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("HotSpotDayKey"));
    }

    @Test
    void keyDeserializerReadsTheKnownAnswerBytes() {
        serveSchema(42, HotSpotDayKey.getClassSchema());
        AvroSerde<HotSpotDayKey> serde = AvroSerdes.key(HotSpotDayKey.class, client);

        assertThat(serde.deserializer().deserialize(TOPIC, HOT_SPOT_DAY_KEY_ID_42)).isEqualTo(hotSpotDayKey());
    }

    @Test
    void valueSerdeWritesAndReadsTheKnownAnswerBytesUnderTheValueSubject() {
        registry.answer("POST", "/subjects/geo-value/versions", 200, "{\"id\":258}");
        AvroSerde<GeoPoint> writer = AvroSerdes.value(GeoPoint.class, client);
        serveSchema(258, GeoPoint.getClassSchema());
        AvroSerde<GeoPoint> reader = AvroSerdes.value(GeoPoint.class, newClient());

        assertThat(writer.serializer().serialize("geo", new GeoPoint(51.5, -0.125))).containsExactly(GEO_POINT_ID_258);
        assertThat(reader.deserializer().deserialize("geo", GEO_POINT_ID_258)).isEqualTo(new GeoPoint(51.5, -0.125));
    }

    @Test
    void aWriterSchemaWithAnExtraFieldIsResolvedToTheReaderClass() {
        Schema newer = new Schema.Parser().parse("""
                {"type":"record","name":"GeoPoint","namespace":"org.bluelight.schemas","fields":[
                  {"name":"lon","type":"double"},
                  {"name":"alt","type":"double","default":0},
                  {"name":"lat","type":"double"}]}""");
        serveSchema(9, newer);
        byte[] bytes = {
            0x00, 0x00, 0x00, 0x00, 0x09,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, (byte) 0xBF, // lon -0.125
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5E, 0x40, // alt 120.0
            0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, 0x49, 0x40 // lat 51.5
        };

        GeoPoint read = AvroSerdes.value(GeoPoint.class, client).deserializer().deserialize("geo", bytes);

        assertThat(read).isEqualTo(new GeoPoint(51.5, -0.125));
    }

    @Test
    void aWriterSchemaTheReaderCannotReadIsRefused() {
        Schema other = new Schema.Parser().parse("""
                {"type":"record","name":"GeoPoint","namespace":"org.bluelight.schemas","fields":[
                  {"name":"lat","type":"string"}]}""");
        serveSchema(10, other);
        byte[] bytes = {0x00, 0x00, 0x00, 0x00, 0x0A, 0x02, 'x'};

        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).deserializer().deserialize("geo", bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains("'geo'", "schema id 10");
                });
    }

    @Test
    void wrongMagicByteIsASerializationExceptionNamingTopicPartitionAndOffset() {
        byte[] json = "{\"lat\":1}".getBytes(StandardCharsets.UTF_8);
        AvroDeserializer<GeoPoint> deserializer = AvroSerdes.value(GeoPoint.class, client).deserializer();

        assertThatThrownBy(() -> deserializer.deserialize(new ConsumerRecord<>("geo", 3, 1234L, null, json)))
                .isInstanceOf(SerializationException.class)
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.WRONG_MAGIC_BYTE);
                    assertThat(e.topic()).isEqualTo("geo");
                    assertThat(e.partition()).hasValue(3);
                    assertThat(e.offset()).hasValue(1234L);
                    assertThat(e.getMessage()).contains("'geo'", "partition 3", "offset 1234", "0x7b");
                });
        assertThat(registry.requests()).as("no registry call for a bad header").isEmpty();
    }

    @Test
    void unknownSchemaIdIsReportedAsSuch() {
        registry.answer("GET", "/schemas/ids/77", 404, "{\"error_code\":40403,\"message\":\"Schema 77 not found\"}");
        byte[] bytes = {0x00, 0x00, 0x00, 0x00, 0x4D, 0x00};

        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).deserializer().deserialize("geo", bytes))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(e.getMessage()).contains("schema id 77");
                });
    }

    @Test
    void fewerBytesThanTheHeaderAreTruncated() {
        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).deserializer()
                .deserialize("geo", new byte[] {0x00, 0x00, 0x01}))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.TRUNCATED));
    }

    @Test
    void aBodyCutShortIsTruncated() {
        serveSchema(258, GeoPoint.getClassSchema());
        byte[] cut = Arrays.copyOf(GEO_POINT_ID_258, GEO_POINT_ID_258.length - 3);

        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).deserializer().deserialize("geo", cut))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.TRUNCATED));
    }

    @Test
    void aHugeStringLengthInGarbageFailsWithoutAllocatingIt() {
        serveSchema(42, HotSpotDayKey.getClassSchema());
        // String length zig-zag 0x7FFFFFF0 / 2: about a gigabyte, with 1 byte behind it.
        byte[] garbage = {0x00, 0x00, 0x00, 0x00, 0x2A, (byte) 0xE0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 'x'};

        assertThatThrownBy(() -> AvroSerdes.key(HotSpotDayKey.class, client).deserializer().deserialize(TOPIC, garbage))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.TRUNCATED));
    }

    @Test
    void bytesLeftOverAfterTheRecordAreMalformed() {
        serveSchema(258, GeoPoint.getClassSchema());
        byte[] padded = Arrays.copyOf(GEO_POINT_ID_258, GEO_POINT_ID_258.length + 2);

        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).deserializer().deserialize("geo", padded))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.MALFORMED_PAYLOAD));
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<GeoPoint> serde = AvroSerdes.value(GeoPoint.class, client);

        assertThat(serde.serializer().serialize("geo", null)).isNull();
        assertThat(serde.deserializer().deserialize("geo", null)).isNull();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void lookUpModeNeverRegistersAndFailsForAnUnregisteredSchema() {
        registry.answer("POST", "/subjects/geo-value", 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        AvroSerde<GeoPoint> serde = AvroSerdes.value(GeoPoint.class, client, SchemaRegistration.LOOK_UP);

        assertThatThrownBy(() -> serde.serializer().serialize("geo", new GeoPoint(1.0, 2.0)))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED);
                    assertThat(e.getMessage()).contains("geo-value");
                });
        assertThat(registry.requests()).extracting(StubRegistryServer.Request::rawPath)
                .containsExactly("/subjects/geo-value");
    }

    @Test
    void aRefusedRegistrationIsAnIncompatibleSchema() {
        registry.answer("POST", "/subjects/geo-value/versions", 409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");

        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).serializer()
                .serialize("geo", new GeoPoint(1.0, 2.0)))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA));
    }

    @Test
    void aRegistryFailureIsNotBlamedOnTheRecord() {
        registry.answer("GET", "/schemas/ids/258", 503, "down for maintenance");

        assertThatThrownBy(() -> AvroSerdes.value(GeoPoint.class, client).deserializer()
                .deserialize("geo", GEO_POINT_ID_258))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE));
    }

    @Test
    void aRecordWithANullInARequiredFieldIsInvalid() {
        registry.answer("POST", "/subjects/metrics.hotspot-trial-key/versions", 200, "{\"id\":42}");
        HotSpotDayKey broken = new HotSpotDayKey();
        broken.setTrialDay(LocalDate.of(2024, 3, 1));

        assertThatThrownBy(() -> AvroSerdes.key(HotSpotDayKey.class, client).serializer().serialize(TOPIC, broken))
                .isInstanceOfSatisfying(AvroSerdeException.class,
                        e -> assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.INVALID_RECORD));
    }

    @Test
    void kafkaCanBuildAndConfigureThemByClassName() throws Exception {
        registry.answer("POST", "/subjects/metrics.hotspot-trial-key/versions", 200, "{\"id\":42}");
        serveSchema(42, HotSpotDayKey.getClassSchema());
        Map<String, Object> props = Map.of(
                "schema.registry.url", registry.uri().toString(),
                "bluelight.avro.key.type", HotSpotDayKey.class.getName(),
                "bluelight.avro.type", GeoPoint.class.getName());

        @SuppressWarnings("unchecked")
        Serializer<HotSpotDayKey> serializer = (Serializer<HotSpotDayKey>) Class.forName(
                AvroSerializer.class.getName()).getDeclaredConstructor().newInstance();
        Deserializer<?> deserializer = (Deserializer<?>) Class.forName(
                AvroDeserializer.class.getName()).getDeclaredConstructor().newInstance();
        serializer.configure(props, true);
        deserializer.configure(props, true);

        assertThat(serializer.serialize(TOPIC, hotSpotDayKey())).containsExactly(HOT_SPOT_DAY_KEY_ID_42);
        assertThat(deserializer.deserialize(TOPIC, HOT_SPOT_DAY_KEY_ID_42)).isEqualTo(hotSpotDayKey());
    }

    @Test
    void configuringWithoutARecordClassIsAClearError() {
        assertThatThrownBy(() -> new AvroDeserializer<GeoPoint>()
                .configure(Map.of("schema.registry.url", registry.uri().toString()), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bluelight.avro.type");
        assertThatThrownBy(() -> new AvroDeserializer<GeoPoint>().configure(Map.of(
                "schema.registry.url", registry.uri().toString(), "bluelight.avro.type", String.class.getName()), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Avro SpecificRecord");
    }

    private static HotSpotDayKey hotSpotDayKey() {
        return new HotSpotDayKey("HS-7", LocalDate.of(2024, 3, 1));
    }

    private void serveSchema(int id, Schema schema) {
        registry.answer("GET", "/schemas/ids/" + id, 200, "{\"schema\":" + TextNode.valueOf(schema.toString()) + "}");
    }

    private RegistryClient newClient() {
        return new RegistryClient(RegistryClientConfig.of(registry.uri().toString()).withRetries(0, Duration.ZERO));
    }
}
