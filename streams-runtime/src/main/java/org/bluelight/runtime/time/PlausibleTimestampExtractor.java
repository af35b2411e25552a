package org.bluelight.runtime.time;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Kafka Streams' hook for {@link PlausibleTimestamps}: record timestamps, unless implausibly far ahead. */
public final class PlausibleTimestampExtractor implements TimestampExtractor, Configurable {

    private PlausibleTimestamps timestamps;

    @Override
    public void configure(Map<String, ?> configs) {
        timestamps = PlausibleTimestamps.from(configs);
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return timestamps.timestampOf(record.topic(), record.timestamp(), partitionTime);
    }
}
