package org.bluelight.ops.kafka;

import java.net.URI;
import java.util.Objects;

/**
 * A listener the broker opens beside its loopback one, for clients elsewhere (a Docker network,
 * the host of a container): it binds {@code bindHost:port} and tells clients to connect to
 * {@code advertisedHost:advertisedPort}.
 */
public record BrokerListener(String name, String bindHost, int port, String advertisedHost, int advertisedPort) {

    public BrokerListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("A listener name is upper-case letters, digits and _, got '" + name + "'");
        }
        if (name.equals("PLAINTEXT") || name.equals(LocalKafkaBrokerConfig.CONTROLLER_LISTENER)) {
            throw new IllegalArgumentException("The listener name " + name + " is the broker's own; choose another");
        }
        if (port < 1 || port > 65535 || advertisedPort < 1 || advertisedPort > 65535) {
            throw new IllegalArgumentException("Listener " + name + ": ports must be in 1..65535");
        }
    }

    /**
     * {@code NAME://HOST:PORT} as Kafka's {@code listeners} writes it, advertised as
     * {@code advertised} ({@code NAME://HOST:PORT} too) or, when null, as itself.
     */
    public static BrokerListener parse(String listener, String advertised) {
        URI bind = uri(listener);
        URI told = advertised == null ? bind : uri(advertised);
        if (!bind.getScheme().equals(told.getScheme())) {
            throw new IllegalArgumentException("Advertised listener " + advertised + " names no listener " + listener);
        }
        return new BrokerListener(bind.getScheme(), bind.getHost(), bind.getPort(), told.getHost(), told.getPort());
    }

    private static URI uri(String listener) {
        URI uri = URI.create(listener);
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("A listener is NAME://HOST:PORT, got '" + listener + "'");
        }
        return uri;
    }

    /** This listener in Kafka's {@code listeners} syntax. */
    String listenerEntry() {
        return name + "://" + bindHost + ":" + port;
    }

    /** This listener in Kafka's {@code advertised.listeners} syntax. */
    String advertisedEntry() {
        return name + "://" + advertisedHost + ":" + advertisedPort;
    }
}
