package org.bluelight.ops.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.topics.ProvisioningSettings;

/**
 * Everything the local stack needs to know: where its data lives, its ports, and its topics.
 *
 * @param dataDir      holds the broker's data, the log file and (later) the apps' state
 * @param broker       the broker's ports (its data goes under {@code dataDir})
 * @param registryPort HTTP port of the schema registry on loopback
 * @param topics       how the topics are provisioned
 */
public record LocalStackConfig(Path dataDir, LocalKafkaBrokerConfig broker, int registryPort, ProvisioningSettings topics) {

    public static final int DEFAULT_REGISTRY_PORT = 8081;
    /** The compacted topic the registry keeps its schemas in (Confluent's name). */
    public static final String SCHEMAS_TOPIC = "_schemas";

    public LocalStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(topics, "topics");
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
