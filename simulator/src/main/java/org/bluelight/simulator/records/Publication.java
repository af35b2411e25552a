package org.bluelight.simulator.records;

import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.schemas.Topic;

/**
 * One record for a topic and the simulated instant it is published at, which is also its Kafka timestamp: the
 * apps judge a record's times against that timestamp, so a record of the past carries its own time.
 */
public record Publication<K, V extends SpecificRecord>(Topic<K, V> topic, K key, V value, Instant at) {

    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }
}
