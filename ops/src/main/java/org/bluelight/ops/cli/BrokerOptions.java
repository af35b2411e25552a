package org.bluelight.ops.cli;

import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is (default: the local stack's broker). */
public final class BrokerOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "127.0.0.1:" + LocalKafkaBrokerConfig.DEFAULT_BROKER_PORT,
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
