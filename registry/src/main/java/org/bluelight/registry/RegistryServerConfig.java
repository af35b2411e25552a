package org.bluelight.registry;

import java.util.Map;
import java.util.Objects;
import org.bluelight.registry.access.RegistryUsers;
import org.bluelight.schemas.registry.Compatibility;

/**
 * How to run a schema registry server.
 *
 * @param bootstrapServers     the Kafka cluster holding the schemas topic
 * @param host                 address to listen on
 * @param port                 port to listen on; 0 picks a free one
 * @param topic                the compacted topic storing schemas and configuration
 * @param defaultCompatibility the global level until one is set through {@code PUT /config}
 * @param kafkaSecurity        {@code security.protocol}, {@code sasl.*} and {@code ssl.*} for the registry's own Kafka
 *                             clients; empty for a plaintext cluster
 * @param users                who may read and who may write over HTTP; {@link RegistryUsers#open()} for anyone
 */
public record RegistryServerConfig(
        String bootstrapServers, String host, int port, String topic, Compatibility defaultCompatibility,
        Map<String, String> kafkaSecurity, RegistryUsers users) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_TOPIC = "_schemas";

    public RegistryServerConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
        kafkaSecurity = Map.copyOf(kafkaSecurity);
        Objects.requireNonNull(users, "users");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** An open registry on a plaintext cluster. */
    public RegistryServerConfig(String bootstrapServers, String host, int port, String topic, Compatibility defaultCompatibility) {
        this(bootstrapServers, host, port, topic, defaultCompatibility, Map.of(), RegistryUsers.open());
    }

    /** Loopback, an ephemeral port, topic {@code _schemas}, BACKWARD compatibility. */
    public static RegistryServerConfig of(String bootstrapServers) {
        return new RegistryServerConfig(bootstrapServers, DEFAULT_HOST, 0, DEFAULT_TOPIC, Compatibility.BACKWARD);
    }

    public RegistryServerConfig withHost(String newHost) {
        return new RegistryServerConfig(bootstrapServers, newHost, port, topic, defaultCompatibility, kafkaSecurity, users);
    }

    public RegistryServerConfig withPort(int newPort) {
        return new RegistryServerConfig(bootstrapServers, host, newPort, topic, defaultCompatibility, kafkaSecurity, users);
    }

    public RegistryServerConfig withTopic(String newTopic) {
        return new RegistryServerConfig(bootstrapServers, host, port, newTopic, defaultCompatibility, kafkaSecurity, users);
    }

    public RegistryServerConfig withDefaultCompatibility(Compatibility level) {
        return new RegistryServerConfig(bootstrapServers, host, port, topic, level, kafkaSecurity, users);
    }

    /** This registry on a secured cluster and with accounts: its Kafka clients use {@code kafkaSecurity}, its callers need a user. */
    public RegistryServerConfig secured(Map<String, String> newKafkaSecurity, RegistryUsers newUsers) {
        return new RegistryServerConfig(bootstrapServers, host, port, topic, defaultCompatibility, newKafkaSecurity, newUsers);
    }
}
