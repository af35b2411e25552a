package org.bluelight.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.AppSettings;
import org.bluelight.ops.local.BundledMap;
import org.bluelight.ops.local.DemoSettings;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.topics.ProvisioningSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bluelight local}: the whole stack in this JVM until Ctrl-C or {@code --duration}. */
@Command(name = "local", sortOptions = false,
        description = {"Runs the local stack in this process: a real Kafka broker (KRaft), the schema registry,",
            "Bluelight's topics, the streams apps and a simulated force on a real road map, until Ctrl-C",
            "(or for --duration). Data, app state and the log file stay in --data-dir."})
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

    @Mixin
    private SecurityOptions security;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ProvisioningSettings.DEFAULT_PARTITIONS,
            description = "Partitions of every topic created (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long and exit 0, e.g. 60s, 2m (default: run until Ctrl-C).")
    private Duration duration;

    @Option(names = "--osm", paramLabel = "FILE",
            description = "Road map (.osm.pbf, .osm, .osm.gz) for the apps and the simulator (default: the bundled Andorra extract).")
    private Path osmFile;

    @Option(names = "--scenario", paramLabel = "PRESET|FILE", defaultValue = "andorra",
            description = "Simulator scenario: a preset (andorra, west-midlands) or a YAML file (default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "30",
            description = "Simulated seconds per wall-clock second (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Write the simulator's JSON summary here at exit (counts, latencies, response times).")
    private Path summaryFile;

    @Option(names = "--http-port-base", paramLabel = "PORT", defaultValue = "" + DemoSettings.DEFAULT_HTTP_PORT_BASE,
            description = "HTTP port of the dispatch app; coverage, metrics and the console take the next three (default: ${DEFAULT-VALUE}).")
    private int httpPortBase;

    @Option(names = "--no-simulator", description = "Run the apps without the simulated force (feed them from a real CAD).")
    private boolean noSimulator;

    @Option(names = "--manual", description = {"Assign at the console: the simulated dispatcher stops assigning and the",
            "simulated force follows the assignments that arrive on cad.assignments."})
    private boolean manual;

    @Option(names = "--infrastructure-only", description = "Only the broker, the registry and the topics.")
    private boolean infrastructureOnly;

    @Option(names = "--app-settings", paramLabel = "APP=FILE",
            description = {"A properties file for one app (dispatch, coverage or metrics), read as the standalone app reads it;",
                "BLUELIGHT_* environment variables override it. Repeatable."})
    private Map<String, Path> appSettings = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        LocalStackConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dataDir);
        LogFile logFile = LogFile.open(config.logFile());
        try {
            LocalStack stack = new LocalStack(infrastructureOnly ? LocalServices.standard(config)
                    : LocalServices.demo(config, demo(), appSettings(), System.out), line -> {
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

    private DemoSettings demo() {
        try {
            return new DemoSettings(osmFile == null ? BundledMap.andorra() : osmFile, scenario, speed, summaryFile, !noSimulator,
                    manual, httpPortBase);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private AppSettings appSettings() {
        try {
            return AppSettings.of(appSettings);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private LocalStackConfig config() {
        try {
            ProvisioningSettings topics = ProvisioningSettings.local().withPartitions(partitions);
            LocalStackConfig open = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, kafkaPort, controllerPort),
                    registryPort, topics);
            return security.prepare(dataDir, List.of()).map(open::secured).orElse(open);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
