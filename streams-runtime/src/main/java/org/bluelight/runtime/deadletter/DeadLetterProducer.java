package org.bluelight.runtime.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.bluelight.schemas.Topic;

/**
 * The producer Kafka Streams writes an app's output with, doing two things for the dead-letter path.
 *
 * <p>It refuses a record over {@code max.request.size} itself, through the send callback, before
 * the Kafka producer sees it: the Kafka producer's own refusal puts the open transaction in an
 * abortable error state, so under exactly-once nothing more could be written, not even the dead
 * letter, and the stream thread would die and retry the same record for ever (a store update too
 * large for its changelog did this). Refused here, the record goes to the production exception
 * handler as a {@link RecordTooLargeException} and its dead letter is written in a healthy
 * transaction.
 *
 * <p>It counts the dead letters it writes once they are written for good, so the dead-letter
 * counter never runs ahead of what a read_committed reader of the {@code .dlq} topics sees: in a
 * transaction, a letter the broker acknowledged waits until the transaction commits, and is
 * forgotten if it aborts; without transactions it counts when acknowledged. A letter is a record
 * to a {@code .dlq} topic carrying {@value DeadLetterHeaders#REASON}; the counter's tags come from
 * its headers. Kafka Streams' own callback hears of a letter only if it fails: on success it
 * records a produced-bytes metric through the processor context, which Kafka Streams 4.3 leaves
 * null for the letter of a failed changelog write, and that would kill the stream thread.
 */
final class DeadLetterProducer implements Producer<byte[], byte[]> {

    /** An upper bound of a record batch's framing and one record's, as the Kafka producer reckons them. */
    private static final int BATCH_AND_RECORD_FRAMING_BYTES = 61 + 21 + 10;
    private static final int HEADER_FRAMING_BYTES = 10;

    private final Producer<byte[], byte[]> producer;
    private final DeadLetterQueue queue;
    private final int maxRequestSize;
    /** Letters acknowledged in the open transaction; written from the producer's I/O thread. */
    private final List<Tags> pending = new ArrayList<>();
    private volatile boolean transactional;

    DeadLetterProducer(Producer<byte[], byte[]> producer, DeadLetterQueue queue, int maxRequestSize) {
        this.producer = producer;
        this.queue = queue;
        this.maxRequestSize = maxRequestSize;
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
        try {
            producer.abortTransaction();
        } finally {
            // After the abort, which waits for the requests in flight: no acknowledgement comes later.
            forgetPending();
        }
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        int size = sizeUpperBound(record);
        if (size > maxRequestSize) {
            RecordTooLargeException tooLarge = new RecordTooLargeException("The record for " + record.topic() + " is "
                    + size + " bytes, more than the " + maxRequestSize + " of max.request.size");
            if (callback != null) {
                callback.onCompletion(null, tooLarge);
            }
            return CompletableFuture.failedFuture(tooLarge);
        }
        if (!record.topic().endsWith(Topic.DLQ_SUFFIX) || record.headers().lastHeader(DeadLetterHeaders.REASON) == null) {
            return producer.send(record, callback);
        }
        Tags tags = Tags.of(record);
        return producer.send(record, (metadata, exception) -> {
            if (exception == null) {
                written(tags);
            } else if (callback != null) {
                callback.onCompletion(metadata, exception);
            }
        });
    }

    private static int sizeUpperBound(ProducerRecord<byte[], byte[]> record) {
        int size = BATCH_AND_RECORD_FRAMING_BYTES + length(record.key()) + length(record.value());
        for (Header header : record.headers()) {
            size += HEADER_FRAMING_BYTES + header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        return size;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
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
