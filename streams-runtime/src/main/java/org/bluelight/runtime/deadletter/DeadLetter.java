package org.bluelight.runtime.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bluelight.schemas.Topic;

/**
 * A record given up on: where it came from, its bytes and headers, and why.
 *
 * @param sourceTopic   topic it entered the app from ({@value #UNKNOWN_SOURCE} if that cannot be known)
 * @param partition     partition it was read from there (-1 if unknown)
 * @param offset        offset it was read at there (-1 if unknown)
 * @param timestamp     source record timestamp, epoch ms
 * @param key           key bytes (may be null)
 * @param value         value bytes (may be null)
 * @param sourceHeaders the source record's headers, carried over (null: none)
 * @param bytesFrom     the topic {@code key} and {@code value} belong to when it is not {@code sourceTopic}:
 *                      one of the app's internal topics, or the output topic they were meant for
 * @param outputTopic   the topic it failed to be written to ({@link Stage#PRODUCTION})
 * @param stage         where it failed
 * @param reason        short reason code (metric tag)
 * @param message       human-readable detail
 * @param exception     the exception, absent for a failed check
 * @param processor     topology node that failed, if known
 */
public record DeadLetter(
        String sourceTopic,
        int partition,
        long offset,
        long timestamp,
        byte[] key,
        byte[] value,
        Headers sourceHeaders,
        Optional<String> bytesFrom,
        Optional<String> outputTopic,
        Stage stage,
        String reason,
        String message,
        Optional<Exception> exception,
        Optional<String> processor) {

    /** The source topic of a record whose origin cannot be known (made by a punctuation, or unstamped after a repartition). */
    public static final String UNKNOWN_SOURCE = "unknown";

    public DeadLetter {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        sourceHeaders = sourceHeaders != null ? sourceHeaders : new RecordHeaders();
        Objects.requireNonNull(bytesFrom, "bytesFrom");
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(processor, "processor");
    }

    /**
     * A dead letter for {@code exception} on a record read from {@code sourceTopic}: an
     * {@link InvalidRecordException} anywhere in its cause chain makes it a {@link Stage#VALIDATION}
     * letter with that check's reason and detail; otherwise the reason is {@link FailureReason#of}.
     */
    public static DeadLetter of(String sourceTopic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                Headers sourceHeaders, Stage stage, Exception exception, Optional<String> processor) {
        return of(new Origin(sourceTopic, partition, offset, Optional.empty()), timestamp, key, value, sourceHeaders,
                stage, exception, FailureReason.of(exception), processor);
    }

    /**
     * A dead letter for the record an app was handling when {@code exception} happened, read from
     * {@code readFrom} (null: none, the work of a punctuation). A record read from one of the app's
     * internal topics is traced back to its source topic by its {@link SourceStamp}.
     */
    static DeadLetter of(String applicationId, String readFrom, int partition, long offset, long timestamp, byte[] key,
                         byte[] value, Headers headers, Stage stage, Exception exception, String reason,
                         Optional<String> processor) {
        return of(Origin.of(applicationId, readFrom, partition, offset, headers), timestamp, key, value, headers, stage,
                exception, reason, processor);
    }

    private static DeadLetter of(Origin origin, long timestamp, byte[] key, byte[] value, Headers headers, Stage stage,
                                 Exception exception, String reason, Optional<String> processor) {
        Optional<InvalidRecordException> invalid = FailureReason.find(exception, InvalidRecordException.class);
        if (invalid.isPresent()) {
            return new DeadLetter(origin.topic(), origin.partition(), origin.offset(), timestamp, key, value, headers,
                    origin.bytesFrom(), Optional.empty(), Stage.VALIDATION, invalid.get().reason(), invalid.get().getMessage(),
                    Optional.empty(), processor);
        }
        String message = exception.getMessage() != null ? exception.getMessage() : exception.getClass().getName();
        return new DeadLetter(origin.topic(), origin.partition(), origin.offset(), timestamp, key, value, headers,
                origin.bytesFrom(), Optional.empty(), stage, reason, message, Optional.of(exception), processor);
    }

    /** This letter for a failure to write to {@code topic}. */
    DeadLetter writingTo(String topic) {
        return new DeadLetter(sourceTopic, partition, offset, timestamp, key, value, sourceHeaders, bytesFrom,
                Optional.of(topic), stage, reason, message, exception, processor);
    }

    /** This letter with the bytes of the output it failed to write to {@code topic} (it has no source record). */
    DeadLetter withOutput(String topic, byte[] outputKey, byte[] outputValue) {
        return new DeadLetter(sourceTopic, partition, offset, timestamp, outputKey, outputValue, sourceHeaders,
                Optional.of(topic), Optional.of(topic), stage, reason, message, exception, processor);
    }

    /**
     * The dead-letter topic: the source topic's name plus {@value Topic#DLQ_SUFFIX}; the app's
     * fallback {@code <application.id>.dlq} when the source is not known or is not a topic from
     * outside (one of the app's internal topics, or itself a dead-letter topic), so a failure
     * never names a dead-letter topic of an internal or a dead-letter topic.
     */
    public String deadLetterTopic(String applicationId) {
        boolean outside = !sourceTopic.equals(UNKNOWN_SOURCE) && !sourceTopic.endsWith(Topic.DLQ_SUFFIX)
                && !SourceStamp.isInternal(sourceTopic, applicationId);
        return (outside ? sourceTopic : applicationId) + Topic.DLQ_SUFFIX;
    }

    /** As {@link #toProducerRecord(String, int)} for the producer's default {@code max.request.size}. */
    public ProducerRecord<byte[], byte[]> toProducerRecord(String applicationId) {
        return toProducerRecord(applicationId, LetterSize.maxLetterBytes(Map.of()));
    }

    /**
     * The record to write to {@link #deadLetterTopic}: key and value, stamped by its producer when
     * written, headers saying why (the source's timestamp among them), the whole cut to at most
     * {@code maxBytes} (see {@link LetterSize}).
     */
    public ProducerRecord<byte[], byte[]> toProducerRecord(String applicationId, int maxBytes) {
        Headers headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.EXCEPTION,
                exception.map(e -> e.getClass().getName()).orElse(InvalidRecordException.class.getName()));
        add(headers, DeadLetterHeaders.MESSAGE, LetterSize.cut(message, LetterSize.MAX_MESSAGE_CHARS));
        exception.ifPresent(e -> add(headers, DeadLetterHeaders.STACKTRACE,
                LetterSize.cut(stackTrace(e), LetterSize.MAX_STACK_TRACE_CHARS)));
        add(headers, DeadLetterHeaders.TOPIC, sourceTopic);
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
        add(headers, DeadLetterHeaders.TIMESTAMP, Long.toString(timestamp));
        add(headers, DeadLetterHeaders.APPLICATION_ID, applicationId);
        add(headers, DeadLetterHeaders.REASON, reason);
        add(headers, DeadLetterHeaders.STAGE, stage.label());
        processor.ifPresent(p -> add(headers, DeadLetterHeaders.PROCESSOR, LetterSize.cut(p, LetterSize.MAX_MESSAGE_CHARS)));
        bytesFrom.ifPresent(topic -> add(headers, DeadLetterHeaders.BYTES_FROM, topic));
        outputTopic.ifPresent(topic -> add(headers, DeadLetterHeaders.OUTPUT_TOPIC, topic));
        LetterSize.Fitted fitted = LetterSize.fit(key, value, sourceHeaders, headers, maxBytes);
        // Stamped when written (the source's time is in a header): a letter stamped with its source's hostile time
        // (0, year 9999) was deleted by the topic's retention at once, or refused by the broker.
        return new ProducerRecord<>(deadLetterTopic(applicationId), null, null, fitted.key(), fitted.value(),
                fitted.headers());
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Exception exception) {
        StringWriter out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /**
     * Where a failed record came from.
     *
     * @param bytesFrom the internal topic its bytes were read from, when not its source topic
     */
    record Origin(String topic, int partition, long offset, Optional<String> bytesFrom) {

        static Origin of(String applicationId, String readFrom, int partition, long offset, Headers headers) {
            if (readFrom == null) {
                return new Origin(UNKNOWN_SOURCE, -1, -1, Optional.empty());
            }
            if (!SourceStamp.isInternal(readFrom, applicationId)) {
                return new Origin(readFrom, partition, offset, Optional.empty());
            }
            return SourceStamp.read(headers)
                    .map(stamp -> new Origin(stamp.topic(), stamp.partition(), stamp.offset(), Optional.of(readFrom)))
                    .orElse(new Origin(UNKNOWN_SOURCE, -1, -1, Optional.of(readFrom)));
        }
    }
}
