package org.bluelight.ops.bench.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer of some of the dispatch app's topics at one isolation level, on its own thread, polled
 * like {@link RecommendationWatch}: notes when the first record of each incident was read on each
 * topic. Read uncommitted, that is when the app wrote it; read committed, when its transaction committed.
 */
final class HopWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BiFunction<String, byte[], String> incidentId;
    private final Thread thread;
    private final Map<String, Map<String, Long>> firstSeenMillis = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** @param incidentId the incident a record of a topic is about (topic, value), or null for any other record */
    HopWatch(String bootstrapServers, List<String> topics, boolean committed, BiFunction<String, byte[], String> incidentId) {
        this.incidentId = incidentId;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committed ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "bench-hop-watch-" + (committed ? "committed" : "uncommitted"));
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                long now = System.currentTimeMillis();
                String incident = incidentId.apply(record.topic(), record.value());
                if (incident != null) {
                    firstSeenMillis.computeIfAbsent(record.topic(), t -> new ConcurrentHashMap<>()).putIfAbsent(incident, now);
                }
            }
        }
        consumer.close();
    }

    /** When the incident's first record on the topic was read, or null. */
    Long firstSeen(String topic, String incident) {
        return firstSeenMillis.getOrDefault(topic, Map.of()).get(incident);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
