package org.bluelight.simulator.scenario;

/** A scenario file that cannot be read or does not make sense; the message says which key and why. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new ScenarioException(message);
        }
    }
}
