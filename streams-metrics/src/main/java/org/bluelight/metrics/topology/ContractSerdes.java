package org.bluelight.metrics.topology;

import org.apache.kafka.common.serialization.Serde;
import org.bluelight.schemas.Topic;

/**
 * The serdes of the topics' contracts. In the app these are the runtime's registry-backed
 * serdes ({@code AppSerdes::keySerde}, {@code AppSerdes::valueSerde}).
 */
public interface ContractSerdes {

    <K> Serde<K> key(Topic topic, Class<K> keyType);

    <V> Serde<V> value(Topic topic, Class<V> valueType);
}
