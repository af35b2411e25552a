package org.bluelight.ops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluelight.ops.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

    private static final String TOPIC = "it.restart";
    private static final String GROUP = "it-restart-group";
    private static final int RECORDS = 20;

    @TempDir
    Path dataDir;

    @Test
    void topicsRecordsAndCommittedOffsetsSurviveAStopAndStartOnTheSameDataDir() throws Exception {
        int[] ports = FreePorts.take(2);
        LocalKafkaBrokerConfig config = new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]);

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(config)) {
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            }
            produce(broker, RECORDS);
            assertThat(consume(broker, GROUP, RECORDS, true)).hasSize(RECORDS);
        }
        assertThat(dataDir.resolve("kafka").resolve("meta.properties")).exists();
        assertThat(FreePorts.isFree(ports[0])).as("broker port released on close").isTrue();

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(config)) {
            try (Admin admin = admin(broker)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()).hasSize(3);
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(RECORDS);
            }
            assertThat(consume(broker, "it-fresh-" + UUID.randomUUID(), RECORDS, false))
                    .containsExactlyInAnyOrderElementsOf(expectedValues());
        }
    }

    @Test
    void aBusyPortIsReportedByNumberBeforeAnythingStarts() throws IOException {
        int[] ports = FreePorts.take(2);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), ports[0]));

            assertThatThrownBy(() -> LocalKafkaBroker.start(new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1])))
                    .isInstanceOf(LocalKafkaBrokerException.class)
                    .hasMessageContaining("127.0.0.1:" + ports[0])
                    .hasMessageContaining("in use");
        }
    }

    private static Admin admin(LocalKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(LocalKafkaBroker broker, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i)).get();
            }
        }
    }

    private static List<String> consume(LocalKafkaBroker broker, String group, int count, boolean commit) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            if (commit) {
                consumer.commitSync();
            }
        }
        return values;
    }

    private static List<String> expectedValues() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            values.add("v" + i);
        }
        return values;
    }
}
