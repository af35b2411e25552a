package org.bluelight.ops.local;

import java.util.List;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.security.Account;
import org.bluelight.schemas.registry.Compatibility;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;

/** The local stack's schema registry, keeping its schemas on the local broker. */
public final class SchemaRegistryService implements LocalService {

    private final LocalStackConfig stack;
    private SchemaRegistryServer server;

    public SchemaRegistryService(LocalStackConfig stack) {
        this.stack = stack;
    }

    @Override
    public String name() {
        return "schema registry";
    }

    @Override
    public void start() {
        RegistryServerConfig config = new RegistryServerConfig(stack.bootstrapServers(), LocalKafkaBrokerConfig.HOST,
                stack.registryPort(), LocalStackConfig.SCHEMAS_TOPIC, Compatibility.BACKWARD);
        server = SchemaRegistryServer.start(stack.security()
                .map(secrets -> config.secured(secrets.clientSettings(Account.REGISTRY), secrets.registryUsers()))
                .orElse(config));
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
