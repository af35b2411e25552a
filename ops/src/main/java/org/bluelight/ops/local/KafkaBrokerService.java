package org.bluelight.ops.local;

import java.util.List;
import org.bluelight.ops.kafka.LocalKafkaBroker;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;

/** The local stack's Kafka broker. */
public final class KafkaBrokerService implements LocalService {

    private final LocalKafkaBrokerConfig config;
    private LocalKafkaBroker broker;

    public KafkaBrokerService(LocalKafkaBrokerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "Kafka broker";
    }

    @Override
    public void start() {
        broker = LocalKafkaBroker.start(config);
    }

    @Override
    public List<String> summary() {
        return List.of("Kafka bootstrap servers: " + config.bootstrapServers());
    }

    @Override
    public void close() {
        broker.close();
    }
}
