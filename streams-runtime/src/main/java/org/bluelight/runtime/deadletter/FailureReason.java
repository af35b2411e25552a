package org.bluelight.runtime.deadletter;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.errors.RetriableException;
import org.bluelight.schemas.serde.AvroSerdeException;

/** Reads an exception for what a dead letter records about it. */
final class FailureReason {

    private FailureReason() {
    }

    /**
     * The reason code: a failed check's own code, our serdes' reason ({@code wrong-magic-byte},
     * {@code unknown-schema-id}, {@code truncated}, ...), else the exception's simple class name.
     */
    static String of(Exception exception) {
        Optional<InvalidRecordException> invalid = find(exception, InvalidRecordException.class);
        if (invalid.isPresent()) {
            return invalid.get().reason();
        }
        return find(exception, AvroSerdeException.class)
                .map(serde -> serde.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse(exception.getClass().getSimpleName());
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
