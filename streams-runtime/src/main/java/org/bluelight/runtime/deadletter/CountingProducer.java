package org.bluelight.runtime.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.bluelight.schemas.Topic;

/**
 * A Kafka Streams producer that counts the dead letters it writes once they are written for good,
 * so the dead-letter counter never runs ahead of what a read_committed reader of the {@code .dlq}
 * topics sees: in a transaction, a letter the broker acknowledged waits until the transaction
 * commits, and is forgotten if it aborts; without transactions it counts when acknowledged. A
 * letter is a record to a {@code .dlq} topic carrying {@value DeadLetterHeaders#REASON}; the
 * counter's tags come from its headers.
 */
final class CountingProducer implements Producer<byte[], byte[]> {

    private final Producer<byte[], byte[]> producer;
    private final DeadLetterQueue queue;
    /** Letters acknowledged in the open transaction; written from the producer's I/O thread. */
    private final List<Tags> pending = new ArrayList<>();
    private volatile boolean transactional;

    CountingProducer(Producer<byte[], byte[]> producer, DeadLetterQueue queue) {
        this.producer = producer;
        this.queue = queue;
    }

    @Override
    public void initTransactions() {
        producer.initTransactions();
        transactional = true;
    }

    @Override
    public void beginTransaction() throws ProducerFencedException {
        forgetPending();
        producer.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata)
            throws ProducerFencedException {
        producer.sendOffsetsToTransaction(offsets, groupMetadata);
    }

    @Override
    public void commitTransaction() throws ProducerFencedException {
        try {
            producer.commitTransaction();
        } catch (RuntimeException e) {
            forgetPending();
            throw e;
        }
        List<Tags> committed;
        synchronized (pending) {
            committed = List.copyOf(pending);
            pending.clear();
        }
        committed.forEach(this::count);
    }

    @Override
    public void abortTransaction() throws ProducerFencedException {
        forgetPending();
        producer.abortTransaction();
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (!record.topic().endsWith(Topic.DLQ_SUFFIX) || record.headers().lastHeader(DeadLetterHeaders.REASON) == null) {
            return producer.send(record, callback);
        }
        Tags tags = Tags.of(record);
        return producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                written(tags);
            }
            if (callback != null) {
                callback.onCompletion(metadata, exception);
            }
        });
    }

    private void written(Tags tags) {
        if (!transactional) {
            count(tags);
            return;
        }
        synchronized (pending) {
            pending.add(tags);
        }
    }

    private void forgetPending() {
        synchronized (pending) {
            pending.clear();
        }
    }

    private void count(Tags tags) {
        queue.count(tags.topic(), tags.reason(), tags.stage());
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        producer.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        producer.unregisterMetricFromSubscription(metric);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return producer.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return producer.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return producer.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        forgetPending();
        producer.close();
    }

    @Override
    public void close(Duration timeout) {
        forgetPending();
        producer.close(timeout);
    }

    /** The counter's tags, read from a letter's headers. */
    private record Tags(String topic, String reason, String stage) {

        static Tags of(ProducerRecord<byte[], byte[]> letter) {
            return new Tags(
                    DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TOPIC).orElse(DeadLetter.UNKNOWN_SOURCE),
                    DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REASON).orElse(DeadLetter.UNKNOWN_SOURCE),
                    DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.STAGE).orElse(DeadLetter.UNKNOWN_SOURCE));
        }
    }
}
