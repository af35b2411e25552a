package org.bluelight.ops.local;

import java.util.List;

/** What {@code bluelight local} runs, in start order: the one place to add a service to the local stack. */
public final class LocalServices {

    private LocalServices() {
    }

    /** The broker first, then what needs it. Streams apps and the simulator go after the topics. */
    public static List<LocalService> standard(LocalStackConfig config) {
        return List.of(
                new KafkaBrokerService(config.broker()),
                new SchemaRegistryService(config.bootstrapServers(), config.registryPort()),
                new TopicProvisioningService(config.bootstrapServers(), config.topics()));
    }
}
