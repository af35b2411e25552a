package org.bluelight.runtime.deadletter;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.bluelight.schemas.serde.AvroSerdeException;

/** Reads an exception for what a dead letter records about it. */
final class FailureReason {

    /** A record with no key where the app needs one. */
    static final String NULL_KEY = org.bluelight.runtime.intake.RecordCheck.NULL_KEY;
    /** A record with no value (a tombstone) where the app needs one. */
    static final String TOMBSTONE = org.bluelight.runtime.intake.RecordCheck.TOMBSTONE;
    /** A record over the producer's or the topic's size limit. */
    static final String RECORD_TOO_LARGE = "record-too-large";
    /** A dead letter that could not be written (it is logged and counted, never dead-lettered again). */
    static final String DEAD_LETTER_NOT_WRITTEN = "dead-letter-not-written";
    /** The dead-letter path itself failed on a record (logged and counted; the record is skipped). */
    static final String DEAD_LETTER_FAILED = "dead-letter-failed";

    private FailureReason() {
    }

    /**
     * The reason code: a failed check's own code, {@value PoisonRecords#REASON}, our serdes' reason ({@code wrong-magic-byte},
     * {@code unknown-schema-id}, {@code truncated}, ...), else the exception's simple class name.
     */
    static String of(Exception exception) {
        Optional<InvalidRecordException> invalid = find(exception, InvalidRecordException.class);
        if (invalid.isPresent()) {
            return invalid.get().reason();
        }
        if (find(exception, PoisonRecordException.class).isPresent()) {
            return PoisonRecords.REASON;
        }
        if (find(exception, RecordTooLargeException.class).isPresent()) {
            return RECORD_TOO_LARGE;
        }
        return find(exception, AvroSerdeException.class)
                .map(serde -> serde.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse(exception.getClass().getSimpleName());
    }

    /**
     * As {@link #of(Exception)}, except that a {@link NullPointerException} on a record with no
     * key or no value is put down to that: {@value #NULL_KEY} or {@value #TOMBSTONE}.
     */
    static String of(Exception exception, boolean nullKey, boolean nullValue) {
        boolean nullPointer = find(exception, NullPointerException.class).isPresent()
                && find(exception, InvalidRecordException.class).isEmpty();
        if (nullPointer && nullKey) {
            return NULL_KEY;
        }
        if (nullPointer && nullValue) {
            return TOMBSTONE;
        }
        return of(exception);
    }

    /**
     * Whether the record may well be fine and the failure will pass: the registry or the broker is
     * unavailable. Such records are not dead-lettered; the stream thread fails and is replaced, so
     * the record is tried again.
     */
    static boolean isTransient(Exception exception) {
        boolean registryDown = find(exception, AvroSerdeException.class)
                .filter(serde -> serde.reason() == AvroSerdeException.Reason.REGISTRY_UNAVAILABLE)
                .isPresent();
        return registryDown || find(exception, RetriableException.class).isPresent();
    }

    static <T extends Throwable> Optional<T> find(Throwable exception, Class<T> type) {
        Throwable current = exception;
        for (int depth = 0; current != null && depth < 16; depth++, current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }
}
