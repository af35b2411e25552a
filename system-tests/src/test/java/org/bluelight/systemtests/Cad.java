package org.bluelight.systemtests;

import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.serde.AvroSerdes;

/**
 * Publishes from outside the stack as a force's CAD and telematics feed do: string keys,
 * Confluent-wire-format Avro values registered in the stack's registry, event-time timestamps.
 */
final class Cad implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final RegistryClient registry;

    Cad(String bootstrapServers, RegistryClient registry) {
        this(bootstrapServers, new Properties(), registry);
    }

    /** With {@code client}'s settings too (e.g. SASL and TLS on a secured broker). */
    Cad(String bootstrapServers, Properties client, RegistryClient registry) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.registry = registry;
    }

    void incident(IncidentEvent event) {
        send(Topic.INCIDENTS, event.getIncidentId(), event, event.getOccurredAt());
    }

    void status(OfficerStatus status) {
        send(Topic.OFFICER_STATUS, status.getOfficerId(), status, status.getChangedAt());
    }

    void fix(PositionFix fix) {
        send(Topic.TELEMATICS, fix.getOfficerId(), fix, fix.getFixedAt());
    }

    /** Bytes that are not a contract record, as a misbehaving producer would send. */
    void garbage(Topic<?, ?> topic, String key, byte[] value, Instant at) {
        sent(producer.send(new ProducerRecord<>(topic.topicName(), null, at.toEpochMilli(), key, value)));
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> void send(Topic<?, ?> topic, String key, T value, Instant at) {
        byte[] bytes = AvroSerdes.value((Class<T>) value.getClass(), registry).serializer().serialize(topic.topicName(), value);
        sent(producer.send(new ProducerRecord<>(topic.topicName(), null, at.toEpochMilli(), key, bytes)));
    }

    /** Waits for the broker's acknowledgement, so a failed send fails the test rather than go unnoticed. */
    private static void sent(Future<RecordMetadata> acknowledgement) {
        try {
            acknowledgement.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not take the record: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
