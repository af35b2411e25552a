package org.bluelight.runtime.serde;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;

/**
 * An app's schema registry client and its serdes, one per contract type and role, registering
 * schemas on first use. For a {@link Topic} it gives the key and value serdes the topic's contract
 * names, checked against the types the caller expects:
 *
 * <pre>{@code
 * KStream<String, PositionFix> fixes =
 *         builder.stream(Topic.TELEMATICS.topicName(), serdes.consumed(Topic.TELEMATICS, String.class, PositionFix.class));
 * }</pre>
 */
public final class AppSerdes {

    private final RegistryClient registryClient;
    private final Map<Class<?>, Serde<?>> valueSerdes = new ConcurrentHashMap<>();
    private final Map<Class<?>, Serde<?>> keySerdes = new ConcurrentHashMap<>();

    public AppSerdes(RegistryClient registryClient) {
        this.registryClient = Objects.requireNonNull(registryClient, "registryClient");
    }

    public static AppSerdes connect(RegistryClientConfig config) {
        return new AppSerdes(new RegistryClient(config));
    }

    public RegistryClient registryClient() {
        return registryClient;
    }

    /** Avro value serde for {@code type} (subject {@code <topic>-value}). */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        return (Serde<T>) valueSerdes.computeIfAbsent(type, t -> AvroSerdes.value(type, registryClient));
    }

    /** Avro key serde for {@code type} (subject {@code <topic>-key}). */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> key(Class<T> type) {
        return (Serde<T>) keySerdes.computeIfAbsent(type, t -> AvroSerdes.key(type, registryClient));
    }

    /** The key serde of {@code topic}: UTF-8 strings for entity ids, else the Avro key record. */
    public <K> Serde<K> keySerde(Topic topic, Class<K> keyType) {
        requireType(topic, "key", topic.keyType(), keyType);
        return forKey(keyType);
    }

    /** The value serde of {@code topic}: its Avro value contract. */
    public <V> Serde<V> valueSerde(Topic topic, Class<V> valueType) {
        requireType(topic, "value", topic.valueType(), valueType);
        return avro(valueType, false);
    }

    /** How to read {@code topic}. */
    public <K, V> Consumed<K, V> consumed(Topic topic, Class<K> keyType, Class<V> valueType) {
        return Consumed.with(keySerde(topic, keyType), valueSerde(topic, valueType));
    }

    /** How to write {@code topic}. */
    public <K, V> Produced<K, V> produced(Topic topic, Class<K> keyType, Class<V> valueType) {
        return Produced.with(keySerde(topic, keyType), valueSerde(topic, valueType));
    }

    @SuppressWarnings("unchecked")
    private <K> Serde<K> forKey(Class<K> keyType) {
        if (keyType == String.class) {
            return (Serde<K>) Serdes.String();
        }
        return avro(keyType, true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> Serde<T> avro(Class<T> type, boolean isKey) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is not an Avro SpecificRecord");
        }
        Class<? extends SpecificRecord> recordType = (Class) type;
        return (Serde<T>) (isKey ? key(recordType) : value(recordType));
    }

    private static void requireType(Topic topic, String role, Class<?> contract, Class<?> expected) {
        if (!contract.equals(expected)) {
            throw new IllegalArgumentException("Topic " + topic.topicName() + " has " + role + " type "
                    + contract.getName() + ", not " + expected.getName());
        }
    }
}
