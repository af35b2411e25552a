package org.bluelight.ops.kafka;

/** The local broker could not be formatted, started or reached. */
public class LocalKafkaBrokerException extends RuntimeException {

    public LocalKafkaBrokerException(String message) {
        super(message);
    }

    public LocalKafkaBrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
