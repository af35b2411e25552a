package org.bluelight.metrics.topology;

import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Marks each value with the input partition it was read from, before a repartition that mixes
 * partitions, so the task after it can tell how far each of them has got (its low watermark).
 */
final class InputPartitionStamp<K, V> implements FixedKeyProcessor<K, V, V> {

    private final BiFunction<V, String, V> stamp;
    private FixedKeyProcessorContext<K, V> context;

    /** @param stamp the value marked with a partition ({@code topic-partition}, or null when not known) */
    InputPartitionStamp(BiFunction<V, String, V> stamp) {
        this.stamp = stamp;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        String partition = context.recordMetadata()
                .map(metadata -> metadata.topic() + "-" + metadata.partition())
                .orElse(null);
        context.forward(record.withValue(stamp.apply(record.value(), partition)));
    }
}
