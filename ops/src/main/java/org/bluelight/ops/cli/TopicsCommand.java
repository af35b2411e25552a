package org.bluelight.ops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bluelight.ops.topics.BluelightTopics;
import org.bluelight.ops.topics.ProvisioningReport;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.ops.topics.TopicProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bluelight topics}: provisions Bluelight's topics on any Kafka cluster. */
@Command(name = "topics", sortOptions = false,
        description = {"Creates Bluelight's topics (and their .dlq topics) on a Kafka cluster where missing, leaves",
            "matching ones alone, and reports topics that exist with other settings (exit code 3)."})
public final class TopicsCommand implements Callable<Integer> {

    /** Exit code when some topic exists with other partitions, replication, cleanup policy or retention. */
    public static final int EXIT_MISMATCH = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private BrokerOptions broker;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ProvisioningSettings.DEFAULT_PARTITIONS,
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--replication-factor", paramLabel = "R", defaultValue = "" + ProvisioningSettings.DEFAULT_REPLICATION_FACTOR,
            description = "Replicas of every partition (default: ${DEFAULT-VALUE}).")
    private short replicationFactor;

    @Option(names = "--dlq-retention", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30d",
            description = "Retention of the .dlq topics (default: ${DEFAULT-VALUE}).")
    private Duration dlqRetention;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Admin client properties, e.g. security.protocol and sasl.* for a secured cluster.")
    private Path commandConfig;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "How long to wait for each request to the cluster (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws IOException {
        ProvisioningSettings settings = settings();
        ProvisioningReport report;
        try (Admin admin = Admin.create(adminProperties())) {
            report = new TopicProvisioner(admin, timeout).apply(BluelightTopics.specs(settings));
        }
        PrintWriter out = spec.commandLine().getOut();
        report.created().forEach(topic -> out.println("created " + topic));
        report.lines().forEach(out::println);
        out.flush();
        return report.hasMismatches() ? EXIT_MISMATCH : 0;
    }

    private ProvisioningSettings settings() {
        try {
            return new ProvisioningSettings(partitions, replicationFactor, dlqRetention);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Properties adminProperties() throws IOException {
        Properties properties = new Properties();
        if (commandConfig != null) {
            if (!Files.isReadable(commandConfig)) {
                throw new ParameterException(spec.commandLine(), "Cannot read --command-config file " + commandConfig);
            }
            try (InputStream in = Files.newInputStream(commandConfig)) {
                properties.load(in);
            }
        }
        properties.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        // The admin client refuses an API timeout shorter than one request's.
        properties.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        properties.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        return properties;
    }
}
