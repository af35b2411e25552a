package org.bluelight.metrics.topology;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.bluelight.metrics.response.ResponseInput;

/**
 * Marks each response input with the input partition it was read from, before the repartition
 * that mixes partitions, so the first-arrival task can tell how far each of them has got.
 */
final class InputPartitionStamp implements FixedKeyProcessor<String, ResponseInput, ResponseInput> {

    private FixedKeyProcessorContext<String, ResponseInput> context;

    @Override
    public void init(FixedKeyProcessorContext<String, ResponseInput> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, ResponseInput> record) {
        String partition = context.recordMetadata()
                .map(metadata -> metadata.topic() + "-" + metadata.partition())
                .orElse(null);
        context.forward(record.withValue(record.value().from(partition)));
    }
}
