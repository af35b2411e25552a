package org.bluelight.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning as a downstream read_committed consumer does: records of
 * aborted transactions (a killed app's unfinished work) are never seen.
 */
final class Committed implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    Committed(String bootstrapServers, Collection<String> topics) {
        this(bootstrapServers, new Properties(), topics);
    }

    /** With {@code client}'s settings too (e.g. SASL and TLS on a secured broker, a group its account may use). */
    Committed(String bootstrapServers, Properties client, Collection<String> topics) {
        consumer = consumer(bootstrapServers, client);
        consumer.subscribe(topics);
    }

    /** How many committed records the topics hold now: everything up to their last stable offsets. */
    static long count(String bootstrapServers, Collection<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, new Properties())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                count += consumer.poll(POLL).count();
            }
            return count;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, Properties client) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putAll(client);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls until {@code enough} holds for the matching records seen so far, or fails after {@code timeout}. */
    List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> matching,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> matches = poll(matching);
            if (enough.test(matches)) {
                return matches;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; " + matches.size() + " matching records so far");
            }
        }
    }

    /**
     * The matching records once at least {@code atLeast} are there and none has come for
     * {@code quiet}: whatever a late duplicate would add shows within that time.
     */
    List<ConsumerRecord<String, byte[]>> settled(Predicate<ConsumerRecord<String, byte[]>> matching, int atLeast,
            Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastCount = -1;
        long lastChange = System.nanoTime();
        while (true) {
            List<ConsumerRecord<String, byte[]>> matches = poll(matching);
            if (matches.size() != lastCount) {
                lastCount = matches.size();
                lastChange = System.nanoTime();
            } else if (lastCount >= atLeast && System.nanoTime() - lastChange > quiet.toNanos()) {
                return matches;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + atLeast
                        + " settled records; " + matches.size() + " so far");
            }
        }
    }

    private List<ConsumerRecord<String, byte[]>> poll(Predicate<ConsumerRecord<String, byte[]>> matching) {
        consumer.poll(POLL).forEach(seen::add);
        return seen.stream().filter(matching).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
