package org.bluelight.metrics.cli;

import picocli.CommandLine.Option;

/** Where the cluster and the schema registry are (defaults: the local stack). */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--registry-url", defaultValue = "http://127.0.0.1:8081", description = "Schema registry URL (default: ${DEFAULT-VALUE}).")
    String registryUrl;
}
