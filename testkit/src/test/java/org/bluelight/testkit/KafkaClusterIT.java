package org.bluelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaClusterIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.singleNode();

    @Test
    void transactionalRecordsAreReadBackAndSurviveABrokerRestart() throws Exception {
        kafka.createTopics(3, "testkit.events");

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("testkit.events", "k" + i, "v" + i));
            }
            producer.commitTransaction();
        }
        assertThat(readAll("testkit.events", 10)).containsExactlyInAnyOrderElementsOf(expected(10));

        kafka.restartBroker(0);

        assertThat(readAll("testkit.events", 10)).containsExactlyInAnyOrderElementsOf(expected(10));
        assertThat(kafka.adminClient().describeTopics(List.of("testkit.events")).allTopicNames().get()
                .get("testkit.events").partitions()).hasSize(3);
    }

    @Test
    void creatingAnExistingTopicLeavesItAlone() throws Exception {
        kafka.createTopics(2, "testkit.twice");
        kafka.createTopics(5, "testkit.twice");

        assertThat(kafka.adminClient().describeTopics(List.of("testkit.twice")).allTopicNames().get()
                .get("testkit.twice").partitions()).hasSize(2);
    }

    /** Tests publish records dated in 2024: a time retention would delete them at the brokers' next check. */
    @Test
    void topicsKeepRecordsDatedInThePast() throws Exception {
        kafka.createTopics(1, "testkit.history");
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "testkit.history");

        Config config = kafka.adminClient().describeConfigs(List.of(topic)).all().get().get(topic);

        assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
    }

    private static List<String> expected(int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("k" + i + "=v" + i);
        }
        return values;
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-" + UUID.randomUUID());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Reads {@code count} records from the start of the topic with a fresh group, read_committed. */
    private static List<String> readAll(String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
