package org.bluelight.runtime.deadletter;

/**
 * Thrown by {@link PoisonRecordGuard} instead of processing a record that has failed its task too
 * often ({@link PoisonRecords}); the processing exception handler dead-letters the record with reason
 * {@value PoisonRecords#REASON}, and processing goes on with the next one.
 */
public final class PoisonRecordException extends RuntimeException {

    PoisonRecordException(String detail) {
        // No stack trace: the failures it stands for were logged as they happened.
        super(detail, null, false, false);
    }
}
