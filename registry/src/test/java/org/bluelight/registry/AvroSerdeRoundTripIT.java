package org.bluelight.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroDeserializer;
import org.bluelight.schemas.serde.AvroSerde;
import org.bluelight.schemas.serde.AvroSerdeException;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.schemas.serde.AvroSerializer;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every contract through our serdes, our registry server and a real broker, and back. */
class AvroSerdeRoundTripIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.singleNode();

    private static SchemaRegistryServer registry;
    private static RegistryClient client;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(kafka.bootstrapServers()));
        client = new RegistryClient(RegistryClientConfig.of(registry.uri().toString()));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void recordsOfEveryContractComeBackEqual() {
        for (Topic<?, ?> topic : Topic.all()) {
            int seed = Topic.all().indexOf(topic);
            kafka.createTopics(1, topic.topicName());
            SpecificRecord value = SampleRecords.sample(topic.valueType(), seed);
            Object key = topic.hasAvroKey()
                    ? SampleRecords.sample(topic.keyType().asSubclass(SpecificRecord.class), seed)
                    : "entity-" + seed;

            byte[] keyBytes = topic.hasAvroKey()
                    ? keySerde(topic).serializer().serialize(topic.topicName(), (SpecificRecord) key)
                    : new StringSerializer().serialize(topic.topicName(), (String) key);
            byte[] valueBytes = valueSerde(topic).serializer().serialize(topic.topicName(), value);
            produce(topic.topicName(), keyBytes, valueBytes);

            ConsumerRecord<byte[], byte[]> read = consumeOne(topic.topicName());
            Object readKey = topic.hasAvroKey() ? keySerde(topic).deserializer().deserialize(read)
                    : new StringDeserializer().deserialize(topic.topicName(), read.key());
            if (topic.hasAvroKey()) {
                assertSameRecord((SpecificRecord) readKey, (SpecificRecord) key, topic + " key");
            } else {
                assertThat(readKey).as("key of %s", topic).isEqualTo(key);
            }
            assertSameRecord(valueSerde(topic).deserializer().deserialize(read), value, topic + " value");
            assertThat(client.latest(topic.valueSubject())).as("subject %s", topic.valueSubject()).isPresent();
            assertThat(client.latest(topic.keySubject()).isPresent()).isEqualTo(topic.hasAvroKey());
        }
    }

    @Test
    void plainKafkaClientsUseTheSerdesByClassName() {
        String topicName = "roundtrip.by-class-name";
        kafka.createTopics(1, topicName);
        IncidentEvent event = SampleRecords.sample(IncidentEvent.class, 3);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        producerProps.put("schema.registry.url", registry.uri().toString());
        try (KafkaProducer<String, IncidentEvent> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topicName, "INC-1", event));
        }

        Map<String, Object> consumerProps = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                "schema.registry.url", registry.uri().toString(),
                "bluelight.avro.type", IncidentEvent.class.getName());
        List<IncidentEvent> seen = new ArrayList<>();
        try (KafkaConsumer<String, IncidentEvent> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topicName));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
            }
        }
        assertThat(seen).containsExactly(event);
    }

    @Test
    void garbageOnATopicIsReportedWithTopicPartitionAndOffset() {
        String topicName = "roundtrip.garbage";
        kafka.createTopics(1, topicName);
        produce(topicName, null, "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> read = consumeOne(topicName);

        assertThatThrownBy(() -> AvroSerdes.value(IncidentEvent.class, client).deserializer().deserialize(read))
                .isInstanceOfSatisfying(AvroSerdeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AvroSerdeException.Reason.WRONG_MAGIC_BYTE);
                    assertThat(e.getMessage()).contains("'roundtrip.garbage'", "partition 0", "offset " + read.offset());
                });
    }

    /**
     * Compares with the class's own model: the generated {@code equals} throws on arrays of
     * records holding a nullable timestamp (Avro compares array elements without the class's
     * logical-type conversions).
     */
    private static void assertSameRecord(SpecificRecord actual, SpecificRecord expected, String what) {
        assertThat(actual).as(what).isNotNull().hasSameClassAs(expected);
        int comparison = SpecificData.getForClass(expected.getClass())
                .compare(actual, expected, expected.getSchema());
        assertThat(comparison).as("%s: %s vs %s", what, actual, expected).isZero();
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> keySerde(Topic<?, ?> topic) {
        return (AvroSerde<SpecificRecord>) (AvroSerde<?>) AvroSerdes.key(
                topic.keyType().asSubclass(SpecificRecord.class), client);
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> valueSerde(Topic<?, ?> topic) {
        return (AvroSerde<SpecificRecord>) (AvroSerde<?>) AvroSerdes.value(topic.valueType(), client);
    }

    private static void produce(String topic, byte[] key, byte[] value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        Serializer<byte[]> bytes = new ByteArraySerializer();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, bytes, bytes)) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    private static ConsumerRecord<byte[], byte[]> consumeOne(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
        }
        throw new AssertionError("No record on " + topic + " within 30 s");
    }
}
