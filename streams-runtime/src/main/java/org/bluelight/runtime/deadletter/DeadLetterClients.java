package org.bluelight.runtime.deadletter;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' usual clients, except that its producers are {@link DeadLetterProducer}s: they
 * refuse records too large to send without spoiling the transaction, and count the dead letters
 * they write once committed.
 */
final class DeadLetterClients implements KafkaClientSupplier {

    /** The Kafka producer's own default {@code max.request.size}. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

    private final DeadLetterQueue queue;

    DeadLetterClients(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        Object maxRequestSize = config.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE);
        return new DeadLetterProducer(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                queue, Integer.parseInt(maxRequestSize.toString().trim()));
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return consumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return consumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return consumer(config);
    }

    private static Consumer<byte[], byte[]> consumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
