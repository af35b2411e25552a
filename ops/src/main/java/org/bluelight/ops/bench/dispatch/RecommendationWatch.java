package org.bluelight.ops.bench.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.serde.AvroSerdes;

/**
 * A read_committed consumer on {@code dispatch.recommendations}, on its own thread: notes when the
 * first recommendation of each incident became visible, and counts all of them.
 */
public final class RecommendationWatch implements AutoCloseable {

    private final KafkaConsumer<String, Recommendation> consumer;
    private final Thread thread;
    private final Map<String, Long> firstSeenMillis = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong withoutCandidate = new AtomicLong();
    private final AtomicLong lastReceivedMillis = new AtomicLong();
    private volatile boolean running = true;

    public RecommendationWatch(String bootstrapServers, RegistryClient registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        // A console's subscriber runs for hours: its schema look-up is done before the feed, not inside the
        // poll that returns the first recommendation (an HTTP call that delayed the first batch seen).
        registry.latest(Topic.RECOMMENDATIONS.valueSubject()).ifPresent(latest -> registry.schemaById(latest.id()));
        consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.value(Recommendation.class, registry).deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topic.RECOMMENDATIONS.topicName()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::poll, "bench-recommendation-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, Recommendation> record : consumer.poll(Duration.ofMillis(20))) {
                long now = System.currentTimeMillis();
                Recommendation recommendation = record.value();
                received.incrementAndGet();
                lastReceivedMillis.set(now);
                if (recommendation.getCandidates().isEmpty()) {
                    withoutCandidate.incrementAndGet();
                }
                firstSeenMillis.putIfAbsent(recommendation.getIncidentId(), now);
            }
        }
        consumer.close();
    }

    /**
     * When the first recommendation of an incident not recommended before {@code millis} was read (one
     * published after it, or pending then), or null: after a restart, the first new work the desk did.
     * A later revision of an incident recommended before does not count.
     */
    public Long firstIncidentFrom(long millis) {
        return firstSeenMillis.values().stream().filter(seen -> seen >= millis).min(Long::compare).orElse(null);
    }

    /** When the incident's first recommendation was read, or null. */
    public Long firstSeen(String incidentId) {
        return firstSeenMillis.get(incidentId);
    }

    public int incidentsSeen() {
        return firstSeenMillis.size();
    }

    public long received() {
        return received.get();
    }

    long withoutCandidate() {
        return withoutCandidate.get();
    }

    long lastReceivedMillis() {
        return lastReceivedMillis.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
