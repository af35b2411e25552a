package org.bluelight.ops.local;

/** A service of the local stack failed to start. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
