package org.bluelight.runtime.config;

/** A configuration value is missing or malformed; the message names the key and where it came from. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
