package org.bluelight.ops.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.security.Account;
import org.bluelight.ops.security.LocalSecurity;
import org.bluelight.ops.topics.ProvisioningSettings;

/**
 * Everything the local stack needs to know: where its data lives, its ports, and its topics.
 *
 * @param dataDir      holds the broker's data, the log file and (later) the apps' state
 * @param broker       the broker's ports (its data goes under {@code dataDir})
 * @param registryPort HTTP port of the schema registry on loopback
 * @param topics       how the topics are provisioned
 * @param security     the secrets of a secured stack (SASL/SCRAM over TLS, ACLs, registry logins); empty for an open one
 */
public record LocalStackConfig(Path dataDir, LocalKafkaBrokerConfig broker, int registryPort, ProvisioningSettings topics,
                               Optional<LocalSecurity> security) {

    public static final int DEFAULT_REGISTRY_PORT = 8081;
    /** The compacted topic the registry keeps its schemas in (Confluent's name). */
    public static final String SCHEMAS_TOPIC = "_schemas";

    public LocalStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(security, "security");
        if (security.isPresent() != broker.security().isPresent()) {
            throw new IllegalArgumentException("The stack and its broker must both be secured or both open");
        }
        if (registryPort < 1 || registryPort > 65535) {
            throw new IllegalArgumentException("registryPort must be in 1..65535, got " + registryPort);
        }
        if (registryPort == broker.brokerPort() || registryPort == broker.controllerPort()) {
            throw new IllegalArgumentException("The registry port " + registryPort + " is already a Kafka port");
        }
        if (!broker.dataDir().equals(dataDir)) {
            throw new IllegalArgumentException("The broker's data dir " + broker.dataDir() + " is not the stack's " + dataDir);
        }
    }

    /** An open stack: plaintext, no logins. */
    public LocalStackConfig(Path dataDir, LocalKafkaBrokerConfig broker, int registryPort, ProvisioningSettings topics) {
        this(dataDir, broker, registryPort, topics, Optional.empty());
    }

    /** This stack secured with {@code secrets}: its broker takes their settings. */
    public LocalStackConfig secured(LocalSecurity secrets) {
        return new LocalStackConfig(dataDir, broker.secured(secrets.broker()), registryPort, topics, Optional.of(secrets));
    }

    /**
     * What a Kafka client of {@code account} is given besides the bootstrap servers, and its
     * registry login as {@code schema.registry.basic.auth.user.info}; nothing on an open stack.
     */
    public Map<String, String> clientSettings(Account account) {
        return security.map(secrets -> {
            Map<String, String> settings = new java.util.HashMap<>(secrets.clientSettings(account));
            settings.put("schema.registry.basic.auth.user.info", account.user() + ":" + secrets.password(account));
            return Map.copyOf(settings);
        }).orElse(Map.of());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public URI registryUrl() {
        return URI.create("http://" + LocalKafkaBrokerConfig.HOST + ":" + registryPort);
    }

    /** The file the stack's log goes to. */
    public Path logFile() {
        return dataDir.resolve("bluelight.log");
    }
}
