package org.bluelight.runtime.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bluelight.schemas.Topic;

/**
 * A record given up on: where it came from, its original bytes and headers, and why.
 *
 * @param sourceTopic   topic it was read from
 * @param partition     partition it was read from (-1 if unknown)
 * @param offset        offset it was read at (-1 if unknown)
 * @param timestamp     source record timestamp, epoch ms
 * @param key           original key bytes (may be null)
 * @param value         original value bytes (may be null)
 * @param sourceHeaders the source record's headers, carried over (null: none)
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
        Stage stage,
        String reason,
        String message,
        Optional<Exception> exception,
        Optional<String> processor) {

    public DeadLetter {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        sourceHeaders = sourceHeaders != null ? sourceHeaders : new RecordHeaders();
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(processor, "processor");
    }

    /**
     * A dead letter for {@code exception}: an {@link InvalidRecordException} anywhere in its cause
     * chain makes it a {@link Stage#VALIDATION} letter with that check's reason and detail;
     * otherwise the reason is {@link FailureReason#of}.
     */
    public static DeadLetter of(String sourceTopic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                                Headers sourceHeaders, Stage stage, Exception exception, Optional<String> processor) {
        Optional<InvalidRecordException> invalid = FailureReason.find(exception, InvalidRecordException.class);
        if (invalid.isPresent()) {
            return new DeadLetter(sourceTopic, partition, offset, timestamp, key, value, sourceHeaders, Stage.VALIDATION,
                    invalid.get().reason(), invalid.get().getMessage(), Optional.empty(), processor);
        }
        String message = exception.getMessage() != null ? exception.getMessage() : exception.getClass().getName();
        return new DeadLetter(sourceTopic, partition, offset, timestamp, key, value, sourceHeaders, stage,
                FailureReason.of(exception), message, Optional.of(exception), processor);
    }

    /** The dead-letter topic: the source topic's name plus {@value Topic#DLQ_SUFFIX}. */
    public String deadLetterTopic() {
        return sourceTopic + Topic.DLQ_SUFFIX;
    }

    /** The record to write to {@link #deadLetterTopic()}: original key, value and timestamp, headers saying why. */
    public ProducerRecord<byte[], byte[]> toProducerRecord(String applicationId) {
        Headers headers = new RecordHeaders();
        for (Header header : sourceHeaders) {
            if (!DeadLetterHeaders.ALL.contains(header.key())) {
                headers.add(header);
            }
        }
        add(headers, DeadLetterHeaders.EXCEPTION,
                exception.map(e -> e.getClass().getName()).orElse(InvalidRecordException.class.getName()));
        add(headers, DeadLetterHeaders.MESSAGE, message);
        exception.ifPresent(e -> add(headers, DeadLetterHeaders.STACKTRACE, stackTrace(e)));
        add(headers, DeadLetterHeaders.TOPIC, sourceTopic);
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
        add(headers, DeadLetterHeaders.TIMESTAMP, Long.toString(timestamp));
        add(headers, DeadLetterHeaders.APPLICATION_ID, applicationId);
        add(headers, DeadLetterHeaders.REASON, reason);
        add(headers, DeadLetterHeaders.STAGE, stage.label());
        processor.ifPresent(p -> add(headers, DeadLetterHeaders.PROCESSOR, p));
        Long recordTimestamp = timestamp >= 0 ? timestamp : null;
        return new ProducerRecord<>(deadLetterTopic(), null, recordTimestamp, key, value, headers);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Exception exception) {
        StringWriter out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
