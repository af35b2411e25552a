package org.bluelight.runtime.config;

/**
 * Where the app's HTTP endpoints ({@code /health}, {@code /metrics}, queries) listen.
 *
 * @param host interface to bind; loopback by default so the local stack is not reachable from outside
 * @param port TCP port; 0 picks a free one
 */
public record HttpSettings(String host, int port) {

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException("http.host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("http.port must be between 0 and 65535, was " + port);
        }
    }
}
