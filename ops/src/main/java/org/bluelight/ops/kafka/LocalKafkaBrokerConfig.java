package org.bluelight.ops.kafka;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a {@link LocalKafkaBroker} keeps its data and which ports it listens on: loopback ones
 * always, plus network listeners when it serves other machines or containers.
 *
 * @param dataDir          the broker's data lives in {@code <dataDir>/kafka}; it survives restarts
 * @param brokerPort       port of the loopback client listener (what {@code bootstrap.servers} names)
 * @param controllerPort   port of the KRaft controller listener, on loopback
 * @param networkListeners further client listeners, e.g. one per Docker network; none by default
 */
public record LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort, List<BrokerListener> networkListeners) {

    /** The broker's own listeners bind this address, so without network listeners it is never reachable from the network. */
    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    public LocalKafkaBrokerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort("brokerPort", brokerPort);
        requirePort("controllerPort", controllerPort);
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("The broker and controller ports must differ, both are " + brokerPort);
        }
        networkListeners = List.copyOf(networkListeners);
        Set<Integer> ports = new HashSet<>(List.of(brokerPort, controllerPort));
        Set<String> names = new HashSet<>();
        for (BrokerListener listener : networkListeners) {
            if (!ports.add(listener.port())) {
                throw new IllegalArgumentException("Listener " + listener.name() + " needs a port of its own, " + listener.port() + " is taken");
            }
            if (!names.add(listener.name())) {
                throw new IllegalArgumentException("Listener " + listener.name() + " is named twice");
            }
        }
    }

    /** Loopback only. */
    public LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort) {
        this(dataDir, brokerPort, controllerPort, List.of());
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be in 1..65535, got " + port);
        }
    }

    /** The broker's log directory (topic data and the KRaft metadata log). */
    public Path logDir() {
        return dataDir.resolve("kafka");
    }

    /** The value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /**
     * The broker's server properties: one combined broker and controller node, loopback
     * listeners, and internal topics sized for a single node (the defaults want three brokers,
     * so consumer groups and transactions would otherwise never become available).
     */
    public Properties serverProperties() {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(NODE_ID));
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort
                + networkListeners.stream().map(l -> "," + l.listenerEntry()).collect(Collectors.joining()));
        props.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort
                + networkListeners.stream().map(l -> "," + l.advertisedEntry()).collect(Collectors.joining()));
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + networkListeners.stream().map(l -> "," + l.name() + ":PLAINTEXT").collect(Collectors.joining()));
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("log.dirs", logDir().toAbsolutePath().toString());
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("default.replication.factor", "1");
        // A developer restarting an app should not wait three seconds for its group to form.
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // The simulator stamps records with its accelerated clock, hours ahead of the wall clock;
        // Kafka 4 refuses timestamps more than an hour ahead by default.
        props.setProperty("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        // A hard-killed app's open transaction hides the records after it from read_committed readers
        // until the broker aborts it: look for timed-out transactions every second, not every 10 s.
        props.setProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        // Every topic is provisioned: a write to a missing one (say a dead letter of a dead letter) must fail, not create it.
        props.setProperty("auto.create.topics.enable", "false");
        return props;
    }
}
