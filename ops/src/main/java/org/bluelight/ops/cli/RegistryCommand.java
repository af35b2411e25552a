package org.bluelight.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.registry.access.RegistryUsers;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.schemas.registry.Compatibility;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bluelight registry}: the schema registry on its own, against any Kafka cluster. */
@Command(name = "registry", sortOptions = false,
        description = {"Runs Bluelight's schema registry (Confluent REST API v1 subset) until stopped, storing",
            "schemas in a compacted topic of the given cluster."})
public final class RegistryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "127.0.0.1:9092",
            description = "The cluster holding the schemas topic (default: ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = RegistryServerConfig.DEFAULT_HOST,
            description = "Address to listen on; 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8081",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = RegistryServerConfig.DEFAULT_TOPIC,
            description = "The compacted topic storing schemas (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--compatibility", paramLabel = "LEVEL", defaultValue = "BACKWARD",
            description = "Global compatibility until set through PUT /config: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Compatibility compatibility;

    @Option(names = "--users", paramLabel = "FILE",
            description = {"Require HTTP basic logins: a properties file of name = read:PASSWORD or name = write:PASSWORD",
                "(default: open to anyone). Its Kafka clients take security.protocol, sasl.* and ssl.* from BLUELIGHT_*",
                "variables, as the apps do (BLUELIGHT_SECURITY_PROTOCOL, BLUELIGHT_SASL_JAAS_CONFIG, ...)."})
    private Path usersFile;

    @Override
    public Integer call() throws InterruptedException {
        RegistryServerConfig config;
        try {
            config = new RegistryServerConfig(bootstrapServers, host, port, topic, compatibility,
                    StreamsAppConfig.clientSecurity(ConfigSource.load(Optional.empty(), System.getenv())),
                    usersFile == null ? RegistryUsers.open() : RegistryUsers.read(usersFile));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bluelight-registry-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Schema registry on " + server.uri() + " (schemas in " + topic + " on " + bootstrapServers
                + "); stop it with Ctrl-C or SIGTERM.");
        out.flush();
        stopped.await();
        return 0;
    }
}
