package org.bluelight.ops.local;

import java.util.List;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.schemas.registry.Compatibility;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;

/** The local stack's schema registry, keeping its schemas on the local broker. */
public final class SchemaRegistryService implements LocalService {

    private final String bootstrapServers;
    private final int port;
    private SchemaRegistryServer server;

    public SchemaRegistryService(String bootstrapServers, int port) {
        this.bootstrapServers = bootstrapServers;
        this.port = port;
    }

    @Override
    public String name() {
        return "schema registry";
    }

    @Override
    public void start() {
        server = SchemaRegistryServer.start(new RegistryServerConfig(bootstrapServers, LocalKafkaBrokerConfig.HOST, port,
                LocalStackConfig.SCHEMAS_TOPIC, Compatibility.BACKWARD));
    }

    @Override
    public List<String> summary() {
        return List.of("Schema registry:         " + server.uri());
    }

    @Override
    public void close() {
        server.close();
    }
}
