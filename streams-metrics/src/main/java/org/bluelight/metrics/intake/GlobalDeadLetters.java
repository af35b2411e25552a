package org.bluelight.metrics.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the global thread's dead letters with a producer of its own, made from the app's client
 * settings when the first letter comes and closed with the app. It writes only to dead-letter
 * topics that exist (a failure path never creates a topic); when it cannot write, the letter stays
 * counted and logged.
 */
public final class GlobalDeadLetters implements HotSpotIntake.DeadLetterSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalDeadLetters.class);
    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);

    private final Map<Object, Object> appConfigs;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean unavailable;
    private boolean closed;

    /** @param streamsProperties the app's streams configuration, whose client settings the producer takes */
    public GlobalDeadLetters(Properties streamsProperties) {
        this.appConfigs = new HashMap<>(streamsProperties);
    }

    @Override
    public synchronized void send(ProducerRecord<byte[], byte[]> deadLetter) {
        KafkaProducer<byte[], byte[]> connected = connect(deadLetter.topic());
        if (connected == null) {
            LOG.error("Dead letter for {} not written: no producer for it (see above)", deadLetter.topic());
            return;
        }
        connected.send(deadLetter, (metadata, error) -> {
            if (error != null) {
                LOG.error("Dead letter for {} not written: {}", deadLetter.topic(), error.toString());
            }
        });
        connected.flush();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private KafkaProducer<byte[], byte[]> connect(String topic) {
        if (producer != null || unavailable || closed) {
            return producer;
        }
        try (Admin admin = Admin.create(only(AdminClientConfig.configNames()))) {
            if (!admin.listTopics().names().get(MAX_BLOCK.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                throw new IllegalStateException("dead-letter topic " + topic + " does not exist");
            }
            Properties props = only(ProducerConfig.configNames());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, appConfigs.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-global-dead-letters");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            unavailable = true;
            LOG.error("Cannot write the global thread's dead letters to {}: {}", topic, e.toString());
        }
        return producer;
    }

    /** The app's settings that a client of this kind knows (bootstrap servers, security). */
    private Properties only(Set<String> names) {
        Properties props = new Properties();
        appConfigs.forEach((key, value) -> {
            if (names.contains(String.valueOf(key)) && !List.of(ProducerConfig.CLIENT_ID_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG).contains(key)) {
                props.put(key, value);
            }
        });
        return props;
    }
}
