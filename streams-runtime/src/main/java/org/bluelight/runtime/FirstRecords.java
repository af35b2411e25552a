package org.bluelight.runtime;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the first record each client of an app reads from, and writes to, each topic partition: with
 * Kafka Streams' state changes these time a start or a restart past RUNNING, to its first input
 * read, first repartitioned record and first output (the commit that makes it visible comes after).
 * A handful of lines per start; the main consumer's and the producer's interceptor.
 */
public final class FirstRecords implements ConsumerInterceptor<Object, Object>, ProducerInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRecords.class);

    private final Set<String> seen = new HashSet<>();

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure.
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (TopicPartition partition : records.partitions()) {
            ConsumerRecord<Object, Object> first = records.records(partition).get(0);
            if (isFirst("read " + partition)) {
                LOG.info("First record read from {} (offset {}, {} in the batch; {})", partition, first.offset(),
                        records.records(partition).size(), StreamsApp.jvmAge());
            }
        }
        return records;
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (isFirst("written " + record.topic())) {
            LOG.info("First record written to {} ({})", record.topic(), StreamsApp.jvmAge());
        }
        return record;
    }

    /** Whether {@code event} is new to this client (each client has its own interceptor, used by one thread at a time). */
    synchronized boolean isFirst(String event) {
        return seen.add(event);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // The send is what marks the output; its acknowledgement adds nothing.
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // Nothing to do on commit.
    }

    @Override
    public void close() {
        // Holds nothing.
    }
}
