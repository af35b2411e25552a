package org.bluelight.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.topics.ProvisioningSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bluelight local}: the whole stack in this JVM until Ctrl-C or {@code --duration}. */
@Command(name = "local", sortOptions = false,
        description = {"Runs the local stack in this process: a real Kafka broker (KRaft), the schema registry and",
            "Bluelight's topics, until Ctrl-C (or for --duration). Data and the log file stay in --data-dir."})
public final class LocalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Broker data, log file and app state (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "" + LocalKafkaBrokerConfig.DEFAULT_BROKER_PORT,
            description = "Kafka client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "" + LocalKafkaBrokerConfig.DEFAULT_CONTROLLER_PORT,
            description = "Kafka KRaft controller port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "" + LocalStackConfig.DEFAULT_REGISTRY_PORT,
            description = "Schema registry HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ProvisioningSettings.DEFAULT_PARTITIONS,
            description = "Partitions of every topic created (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long and exit 0, e.g. 60s, 2m (default: run until Ctrl-C).")
    private Duration duration;

    @Override
    public Integer call() throws IOException, InterruptedException {
        LocalStackConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dataDir);
        LogFile logFile = LogFile.open(config.logFile());
        try {
            LocalStack stack = new LocalStack(LocalServices.standard(config), line -> {
                out.println(line);
                out.flush();
            });
            Thread onCtrlC = new Thread(() -> {
                stack.close();
                out.println("Stopped.");
                out.flush();
            }, "bluelight-shutdown");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                stack.start();
            } catch (RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
                throw e;
            }
            out.println();
            out.println("Bluelight local stack is up.");
            stack.summary().forEach(line -> out.println("  " + line));
            out.println("  Data directory:          " + dataDir.toAbsolutePath());
            out.println("  Log file:                " + config.logFile().toAbsolutePath());
            out.println(duration == null ? "Press Ctrl-C to stop." : "Stopping in " + duration.toSeconds() + " s.");
            out.flush();
            awaitDuration();
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
            stack.close();
            out.println("Stopped after " + duration.toSeconds() + " s.");
            out.flush();
            return 0;
        } finally {
            logFile.close();
        }
    }

    /** Returns after {@code --duration}; without one, never: Ctrl-C ends the JVM and the shutdown hook stops the stack. */
    private void awaitDuration() throws InterruptedException {
        if (duration == null) {
            new CountDownLatch(1).await();
        } else {
            Thread.sleep(duration.toMillis());
        }
    }

    private LocalStackConfig config() {
        try {
            ProvisioningSettings topics = ProvisioningSettings.local().withPartitions(partitions);
            return new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, kafkaPort, controllerPort), registryPort, topics);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
