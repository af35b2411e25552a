package org.bluelight.runtime.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Header names on a dead letter; every value is a UTF-8 string. The {@code __streams.errors.*}
 * names are the ones Kafka Streams' own dead-letter records use (KIP-1034), so tools written for
 * those read ours; the {@code bluelight.dlq.*} ones add what they lack.
 */
public final class DeadLetterHeaders {

    /** Fully qualified class name of the exception ({@link InvalidRecordException} for a failed check). */
    public static final String EXCEPTION = "__streams.errors.exception";
    /** The exception's message, or the failed check's detail. */
    public static final String MESSAGE = "__streams.errors.message";
    /** The exception's stack trace; absent for a failed check. */
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    /** The topic the record was read from. */
    public static final String TOPIC = "__streams.errors.topic";
    /** The partition it was read from. */
    public static final String PARTITION = "__streams.errors.partition";
    /** Its offset in that partition. */
    public static final String OFFSET = "__streams.errors.offset";
    /** The source record's timestamp, epoch milliseconds. */
    public static final String TIMESTAMP = "bluelight.dlq.timestamp";
    /** The {@code application.id} of the app that gave up on the record. */
    public static final String APPLICATION_ID = "bluelight.dlq.application-id";
    /** Short reason code, also the metric tag: the exception's simple class name, or a {@link Result#invalid} code. */
    public static final String REASON = "bluelight.dlq.reason";
    /** {@link Stage#label()}: deserialization, validation, processing or production. */
    public static final String STAGE = "bluelight.dlq.stage";
    /** The topology node that failed, when known. */
    public static final String PROCESSOR = "bluelight.dlq.processor";
    /**
     * Present when the key and value bytes are not the source record's: the app's internal topic
     * they were read from (after a repartition, so they are the app's internal form), or the
     * output topic they were meant for.
     */
    public static final String BYTES_FROM = "bluelight.dlq.bytes-from";
    /** At the production stage: the topic the app could not write to (an output, a repartition or a changelog topic). */
    public static final String OUTPUT_TOPIC = "bluelight.dlq.output-topic";
    /** Present when the letter was cut to fit a Kafka request: what was cut, e.g. {@code value} or {@code key,value}. */
    public static final String TRUNCATED = "bluelight.dlq.truncated";
    /** Size in bytes of the original key, when the key was cut. */
    public static final String ORIGINAL_KEY_SIZE = "bluelight.dlq.original-key-size";
    /** Size in bytes of the original value, when the value was cut. */
    public static final String ORIGINAL_VALUE_SIZE = "bluelight.dlq.original-value-size";

    /** Every header this class names; copies of them on the source record are dropped. */
    public static final List<String> ALL = List.of(
            EXCEPTION, MESSAGE, STACKTRACE, TOPIC, PARTITION, OFFSET, TIMESTAMP, APPLICATION_ID, REASON, STAGE, PROCESSOR,
            BYTES_FROM, OUTPUT_TOPIC, TRUNCATED, ORIGINAL_KEY_SIZE, ORIGINAL_VALUE_SIZE);

    private DeadLetterHeaders() {
    }

    /** The UTF-8 text of the last header {@code name} on {@code headers}, if any. */
    static Optional<String> text(Headers headers, String name) {
        Header header = headers != null ? headers.lastHeader(name) : null;
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
