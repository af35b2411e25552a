package org.bluelight.runtime.deadletter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outcome of checking a record: a value to pass on, or the reason it is invalid.
 *
 * @param <V> the value passed on when valid
 */
public sealed interface Result<V> {

    static <V> Result<V> valid(V value) {
        return new Valid<>(value);
    }

    /**
     * @param reason short fixed code used as a metric tag and header ({@code [a-z0-9-]+}, e.g.
     *               {@code position-outside-map}); keep the set of codes small
     * @param detail human-readable explanation for this record (goes to the message header only)
     */
    static <V> Result<V> invalid(String reason, String detail) {
        return new Invalid<>(reason, detail);
    }

    record Valid<V>(V value) implements Result<V> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<V>(String reason, String detail) implements Result<V> {
        public Invalid {
            requireReason(reason);
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Reason codes become Prometheus label values, so they are restricted to a small, safe alphabet. */
    Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    static String requireReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!REASON_CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException("Reason code must match " + REASON_CODE + ": '" + reason + "'");
        }
        return reason;
    }
}
