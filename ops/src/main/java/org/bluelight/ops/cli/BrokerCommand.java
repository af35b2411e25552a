package org.bluelight.ops.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bluelight.ops.kafka.BrokerListener;
import org.bluelight.ops.kafka.BrokerQuorum;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.BrokerHealthService;
import org.bluelight.ops.local.KafkaBrokerService;
import org.bluelight.ops.local.LocalService;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.TopicProvisioningService;
import org.bluelight.ops.security.AccessService;
import org.bluelight.ops.security.LocalSecurity;
import org.bluelight.ops.topics.ProvisioningSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight broker}: the local stack's Kafka broker (KRaft, one node) on its own, with
 * listeners other machines or containers can reach, and Bluelight's topics provisioned. What the
 * broker image runs where no Kafka image is at hand.
 */
@Command(name = "broker", sortOptions = false,
        description = {"Runs a real Apache Kafka broker (KRaft, broker and controller in one node) until stopped,",
            "with Bluelight's topics created. Loopback only unless --listener opens more, e.g. in a container:",
            "  --listener DOCKER://0.0.0.0:19092 --advertised-listener DOCKER://kafka:19092"})
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Broker data; topics and offsets survive restarts on the same directory (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "" + LocalKafkaBrokerConfig.DEFAULT_BROKER_PORT,
            description = "Kafka client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "" + LocalKafkaBrokerConfig.DEFAULT_CONTROLLER_PORT,
            description = "KRaft controller port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    private int controllerPort;

    @Option(names = "--quorum", paramLabel = "ID@127.0.0.1:PORT,...",
            description = {"Run as one node of a cluster of brokers on this machine, each broker and controller, every topic on",
                "3 replicas and 2 in sync for a write: the voters' controller ports, by node id (needs --node-id and --cluster-id;",
                "this node's controller port is its voter's). The nodes create no topics: once all are up, run",
                "`bluelight topics --replication-factor 3`. Default: a cluster of one."})
    private String quorum;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's id in --quorum.")
    private Integer nodeId;

    @Option(names = "--cluster-id", paramLabel = "UUID", description = "The --quorum cluster's id, the same on every node (Kafka's base64 UUID).")
    private String clusterId;

    @Option(names = "--listener", paramLabel = "NAME://HOST:PORT",
            description = "A further client listener, bound to HOST:PORT (repeatable).")
    private List<String> listeners = new ArrayList<>();

    @Option(names = "--advertised-listener", paramLabel = "NAME://HOST:PORT",
            description = "What clients of listener NAME are told to connect to (default: the listener's own address).")
    private List<String> advertisedListeners = new ArrayList<>();

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ProvisioningSettings.DEFAULT_PARTITIONS,
            description = "Partitions of every topic created (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Mixin
    private SecurityOptions security;

    @Option(names = "--no-topics", description = "Do not create Bluelight's topics.")
    private boolean noTopics;

    @Option(names = "--health-port", paramLabel = "PORT",
            description = "Serve GET /health on 0.0.0.0:PORT: 200 while the broker answers (default: no endpoint).")
    private Integer healthPort;

    @Override
    public Integer call() throws InterruptedException {
        LocalKafkaBrokerConfig open = config();
        Optional<LocalSecurity> secrets = security.prepare(dataDir,
                open.networkListeners().stream().map(BrokerListener::advertisedHost).toList());
        LocalKafkaBrokerConfig config = secrets.map(s -> open.secured(s.broker())).orElse(open);
        List<LocalService> services = new ArrayList<>();
        services.add(new KafkaBrokerService(config));
        secrets.ifPresent(s -> services.add(new AccessService(config, s)));
        if (!noTopics && config.quorum().isEmpty()) {
            services.add(new TopicProvisioningService(config.adminClientSettings(), ProvisioningSettings.local().withPartitions(partitions)));
        }
        if (healthPort != null) {
            services.add(new BrokerHealthService(config.adminClientSettings(), "0.0.0.0", healthPort));
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalStack broker = new LocalStack(services, line -> {
            out.println(line);
            out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "bluelight-broker-shutdown"));
        broker.start();
        broker.summary().forEach(out::println);
        config.networkListeners().forEach(l -> out.println("Listener " + l.name() + ": " + l.bindHost() + ":" + l.port()
                + ", advertised as " + l.advertisedHost() + ":" + l.advertisedPort()));
        out.println("Kafka broker is up; stop it with Ctrl-C or SIGTERM.");
        out.flush();
        stopped.await();
        return 0;
    }

    private LocalKafkaBrokerConfig config() {
        try {
            Map<String, String> advertised = advertisedListeners.stream()
                    .collect(Collectors.toMap(BrokerCommand::listenerName, Function.identity()));
            List<BrokerListener> network = listeners.stream()
                    .map(listener -> BrokerListener.parse(listener, advertised.remove(listenerName(listener))))
                    .toList();
            if (!advertised.isEmpty()) {
                throw new IllegalArgumentException("--advertised-listener " + advertised.values() + " names no --listener");
            }
            LocalKafkaBrokerConfig alone = new LocalKafkaBrokerConfig(dataDir, kafkaPort, controllerPort, network);
            if (quorum == null) {
                if (nodeId != null || clusterId != null) {
                    throw new IllegalArgumentException("--node-id and --cluster-id name this node in a --quorum, and there is none");
                }
                return alone;
            }
            if (nodeId == null || clusterId == null) {
                throw new IllegalArgumentException("--quorum needs this node's --node-id and the cluster's --cluster-id");
            }
            return alone.inQuorum(BrokerQuorum.parse(nodeId, quorum, clusterId));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static String listenerName(String listener) {
        int end = listener.indexOf("://");
        return end < 0 ? listener : listener.substring(0, end);
    }
}
