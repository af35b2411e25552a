package org.bluelight.runtime.serde;

import java.util.Collection;
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
import org.bluelight.schemas.serde.ContractSerdes;

/**
 * An app's serdes, one per contract type and role, made once. For a {@link Topic} it gives the
 * key and value serdes of the topic's contracts, typed by the topic:
 *
 * <pre>{@code
 * KStream<String, PositionFix> fixes = builder.stream(Topic.TELEMATICS.topicName(), serdes.consumed(Topic.TELEMATICS));
 * }</pre>
 */
public final class AppSerdes {

    private final ContractSerdes contracts;
    private final Map<Class<?>, Serde<?>> valueSerdes = new ConcurrentHashMap<>();
    private final Map<Class<?>, Serde<?>> keySerdes = new ConcurrentHashMap<>();

    public AppSerdes(ContractSerdes contracts) {
        this.contracts = Objects.requireNonNull(contracts, "contracts");
    }

    /** The registry-backed serdes of a running app. */
    public static AppSerdes connect(RegistryClientConfig config) {
        return new AppSerdes(ContractSerdes.registry(new RegistryClient(config)));
    }

    /** Avro value serde for {@code type} (subject {@code <topic>-value}). */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        return (Serde<T>) valueSerdes.computeIfAbsent(type, t -> contracts.serde(type, false));
    }

    /** Avro key serde for {@code type} (subject {@code <topic>-key}). */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> Serde<T> key(Class<T> type) {
        return (Serde<T>) keySerdes.computeIfAbsent(type, t -> contracts.serde(type, true));
    }

    /** The key serde of {@code topic}: UTF-8 strings for entity ids, else the Avro key record. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <K, V extends SpecificRecord> Serde<K> keySerde(Topic<K, V> topic) {
        if (!topic.hasAvroKey()) {
            return (Serde<K>) Serdes.String();
        }
        return (Serde<K>) key((Class<? extends SpecificRecord>) (Class) topic.keyType());
    }

    /** The value serde of {@code topic}: its Avro value contract. */
    public <K, V extends SpecificRecord> Serde<V> valueSerde(Topic<K, V> topic) {
        return value(topic.valueType());
    }

    /** How to read {@code topic}. */
    public <K, V extends SpecificRecord> Consumed<K, V> consumed(Topic<K, V> topic) {
        return Consumed.with(keySerde(topic), valueSerde(topic));
    }

    /**
     * Fetches ahead, for each contract topic among {@code topicNames}, what its serdes' first record
     * would wait for (a registry's schema ids and schemas).
     *
     * @return the contract topics warmed up
     */
    public int warmUp(Collection<String> topicNames) {
        int warmed = 0;
        for (Topic<?, ?> topic : Topic.all()) {
            if (topicNames.contains(topic.topicName())) {
                contracts.warmUp(topic);
                warmed++;
            }
        }
        return warmed;
    }

    /** How to write {@code topic}. */
    public <K, V extends SpecificRecord> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(keySerde(topic), valueSerde(topic));
    }
}
