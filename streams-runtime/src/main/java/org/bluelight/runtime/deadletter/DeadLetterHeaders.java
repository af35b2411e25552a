package org.bluelight.runtime.deadletter;

import java.util.List;

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

    /** Every header this class names; copies of them on the source record are dropped. */
    public static final List<String> ALL = List.of(
            EXCEPTION, MESSAGE, STACKTRACE, TOPIC, PARTITION, OFFSET, TIMESTAMP, APPLICATION_ID, REASON, STAGE, PROCESSOR);

    private DeadLetterHeaders() {
    }
}
