package org.bluelight.runtime.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    /** The contract each store holds, by store name: more than one when apps sharing these serdes name stores alike. */
    private final Map<String, Set<Class<? extends SpecificRecord>>> storeContracts = new ConcurrentHashMap<>();

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
     * The value serde of {@code store}, which holds {@code topic}'s value contract (say, the latest record
     * of each key): the serde of the topic, and the store remembered, so that {@link #warmUp} registers
     * the contract under the store's changelog subject before the store's first write.
     */
    public <K, V extends SpecificRecord> Serde<V> storeValueSerde(String store, Topic<K, V> topic) {
        storeContracts.computeIfAbsent(store, name -> ConcurrentHashMap.newKeySet()).add(topic.valueType());
        return valueSerde(topic);
    }

    /** What a warm-up did: the topics and stores warmed, and what the registry refused or did not answer. */
    public record Warmed(int topics, int stores, List<String> failures) {
    }

    /**
     * Asks the registry ahead what the first records would ask it: for each contract topic the app reads,
     * the schemas its readers meet; for each one it writes, and each store that holds a contract
     * ({@link #storeValueSerde}), the id its writer registers on first use. A failure is noted and the
     * rest still warmed: the serdes ask again when they need it.
     */
    public Warmed warmUp(SchemaWarmUp warmUp) {
        int topics = 0;
        int stores = 0;
        List<String> failures = new ArrayList<>();
        for (Topic<?, ?> topic : Topic.all()) {
            String name = topic.topicName();
            if (warmUp.read().contains(name) && attempt(failures, "reading " + name, () -> contracts.warmUp(topic))) {
                topics++;
            }
            if (warmUp.written().contains(name) && attempt(failures, "writing " + name, () -> {
                if (topic.hasAvroKey()) {
                    contracts.warmUpWriting(name, topic.keyType().asSubclass(SpecificRecord.class), true);
                }
                contracts.warmUpWriting(name, topic.valueType(), false);
            })) {
                topics++;
            }
        }
        for (Map.Entry<String, String> store : warmUp.stores().entrySet()) {
            Set<Class<? extends SpecificRecord>> held = storeContracts.get(store.getKey());
            if (held != null && held.size() == 1 && attempt(failures, "store " + store.getKey(),
                    () -> contracts.warmUpWriting(store.getValue(), held.iterator().next(), false))) {
                stores++;
            }
        }
        return new Warmed(topics, stores, List.copyOf(failures));
    }

    private static boolean attempt(List<String> failures, String what, Runnable warm) {
        try {
            warm.run();
            return true;
        } catch (RuntimeException e) {
            failures.add(what + ": " + e.getMessage());
            return false;
        }
    }

    /** How to write {@code topic}. */
    public <K, V extends SpecificRecord> Produced<K, V> produced(Topic<K, V> topic) {
        return Produced.with(keySerde(topic), valueSerde(topic));
    }
}
