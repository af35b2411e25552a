package org.bluelight.runtime.deadletter;

import java.util.Objects;

/**
 * A record that was read fine but breaks a rule (say a position outside the map). Thrown by
 * {@link org.bluelight.runtime.intake.RecordCheck}; the processing exception handler turns it into a dead letter, using
 * {@link #reason()} as the metric tag and header, so processing goes on.
 */
public final class InvalidRecordException extends RuntimeException {

    private final String reason;

    public InvalidRecordException(String reason, String detail) {
        // No stack trace: this is an expected outcome, not a bug, and may be frequent.
        super(detail, null, false, false);
        this.reason = Result.requireReason(reason);
        Objects.requireNonNull(detail, "detail");
    }

    /** Short, fixed reason code such as {@code position-outside-map}. */
    public String reason() {
        return reason;
    }
}
