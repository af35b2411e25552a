package org.bluelight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MultiBrokerKafkaClusterIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.withBrokers(3);

    @Test
    void replicatedTopicStaysReadableWhileABrokerIsDownAndAfterItRestarts() throws Exception {
        kafka.createTopics(2, "testkit.replicated");
        TopicDescription topic = kafka.adminClient().describeTopics(List.of("testkit.replicated"))
                .allTopicNames().get().get("testkit.replicated");
        assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

        produce("a", 5);
        kafka.stopBroker(1);
        produce("b", 5);
        assertThat(readAll(10)).hasSize(10);

        kafka.startBroker(1);
        kafka.restartBroker(2);
        List<String> after = readAll(10);
        assertThat(after).hasSize(10).contains("a0", "a4", "b0", "b4");
    }

    private static void produce(String prefix, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("testkit.replicated", prefix + i, prefix + i)).get();
            }
        }
    }

    private static List<String> readAll(int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("testkit.replicated"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.value());
                }
            }
        }
        return seen;
    }
}
