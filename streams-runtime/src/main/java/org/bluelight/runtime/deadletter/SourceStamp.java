package org.bluelight.runtime.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;

/**
 * Stamps every record an app reads from outside with where it was read ({@value #TOPIC},
 * {@value #PARTITION}, {@value #OFFSET}). Kafka Streams carries headers through repartition
 * topics, so a record that fails after a repartition is still dead-lettered to its source topic's
 * {@code .dlq}, saying where it came from. Set by {@code StreamsAppConfig} as the main consumer's
 * interceptor; records of the app's own internal topics keep the stamp they carry. A stamp on a
 * record read from outside is replaced, so a producer cannot choose where its records are
 * dead-lettered.
 */
public final class SourceStamp implements ConsumerInterceptor<byte[], byte[]> {

    /** Prefix of the stamp's headers. */
    public static final String PREFIX = "bluelight.source.";
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";

    private String applicationId = "";

    @Override
    public void configure(Map<String, ?> configs) {
        // The main consumer's group id is the application id, the prefix of the app's internal topics.
        Object groupId = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        applicationId = groupId != null ? groupId.toString() : "";
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!isInternal(record.topic(), applicationId)) {
                stamp(record.headers(), record.topic(), record.partition(), record.offset());
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // Nothing to do on commit.
    }

    @Override
    public void close() {
        // Holds nothing.
    }

    static void stamp(Headers headers, String topic, int partition, long offset) {
        headers.remove(TOPIC).remove(PARTITION).remove(OFFSET);
        headers.add(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
        headers.add(OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code topic} is one Kafka Streams made for the app: a repartition topic or a changelog. */
    static boolean isInternal(String topic, String applicationId) {
        return !applicationId.isEmpty() && topic.startsWith(applicationId + "-")
                && (topic.endsWith("-repartition") || topic.endsWith("-changelog"));
    }

    /** The stamp on {@code headers}, if it has a whole, readable one. */
    static Optional<Stamp> read(Headers headers) {
        Optional<String> topic = DeadLetterHeaders.text(headers, TOPIC);
        Optional<String> partition = DeadLetterHeaders.text(headers, PARTITION);
        Optional<String> offset = DeadLetterHeaders.text(headers, OFFSET);
        if (topic.isEmpty() || partition.isEmpty() || offset.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stamp(topic.get(), Integer.parseInt(partition.get()), Long.parseLong(offset.get())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Where a record entered the app. */
    record Stamp(String topic, int partition, long offset) {
    }
}
