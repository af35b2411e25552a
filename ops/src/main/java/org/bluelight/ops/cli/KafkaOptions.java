package org.bluelight.ops.cli;

import org.bluelight.ops.local.LocalStackConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the cluster and the schema registry are (defaults: the local stack). */
public final class KafkaOptions {

    @Mixin
    private BrokerOptions broker;

    @Option(names = "--registry-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:" + LocalStackConfig.DEFAULT_REGISTRY_PORT,
            description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
    private String registryUrl;

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registryUrl;
    }
}
