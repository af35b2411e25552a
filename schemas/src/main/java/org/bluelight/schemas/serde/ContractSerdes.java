package org.bluelight.schemas.serde;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;

/**
 * Makes the serde of one Avro contract, as a key or as a value. The apps use the registry-backed
 * one ({@link #registry}); topology tests, which never leave the JVM, use plain Avro binary.
 */
public interface ContractSerdes {

    <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key);

    /**
     * Fetches ahead what the first record of {@code topic} would wait for; nothing unless the serdes
     * use a registry.
     */
    default void warmUp(Topic<?, ?> topic) {
        // Plain Avro binary needs nothing fetched.
    }

    /**
     * Registers ahead what the first record of {@code type} written to {@code topic} would register (its
     * serdes register on first use); nothing unless the serdes use a registry.
     */
    default void warmUpWriting(String topic, Class<? extends SpecificRecord> type, boolean key) {
        // Plain Avro binary registers nothing.
    }

    /**
     * Confluent wire format, registering schemas with {@code client} on first use. Its warm-up looks
     * up, for a topic read, the id of each contract's schema and the subject's latest schema (what a
     * reader most likely meets), and registers, for a topic written, the contract's schema (as the
     * writer's first record would), so that their first records need no registry round trip.
     */
    static ContractSerdes registry(RegistryClient client) {
        return new ContractSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key) {
                return key ? AvroSerdes.key(type, client) : AvroSerdes.value(type, client);
            }

            @Override
            public void warmUp(Topic<?, ?> topic) {
                if (topic.hasAvroKey()) {
                    lookUp(WireFormat.subject(topic.topicName(), true), topic.keyType());
                }
                lookUp(WireFormat.subject(topic.topicName(), false), topic.valueType());
            }

            @Override
            public void warmUpWriting(String topic, Class<? extends SpecificRecord> type, boolean key) {
                client.register(WireFormat.subject(topic, key), SpecificData.get().getSchema(type));
            }

            private void lookUp(String subject, Class<?> contract) {
                client.lookup(subject, SpecificData.get().getSchema(contract));
                client.latest(subject);
            }
        };
    }
}
