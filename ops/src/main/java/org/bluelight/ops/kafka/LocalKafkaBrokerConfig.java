package org.bluelight.ops.kafka;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param security         SASL over TLS and ACLs on every listener; empty for a plaintext broker open to anyone
 */
public record LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort, List<BrokerListener> networkListeners,
                                     Optional<BrokerSecurity> security) {

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
        Objects.requireNonNull(security, "security");
        Set<Integer> ports = new HashSet<>(List.of(brokerPort, controllerPort));
        if (security.isPresent() && !ports.add(security.get().adminPort())) {
            throw new IllegalArgumentException("The admin port " + security.get().adminPort() + " is already the broker's or controller's");
        }
        Set<String> names = new HashSet<>();
        for (BrokerListener listener : networkListeners) {
            if (!ports.add(listener.port())) {
                throw new IllegalArgumentException("Listener " + listener.name() + " needs a port of its own, " + listener.port() + " is taken");
            }
            if (security.isPresent() && List.of(BrokerSecurity.CLIENT_LISTENER, BrokerSecurity.ADMIN_LISTENER).contains(listener.name())) {
                throw new IllegalArgumentException("The listener name " + listener.name() + " is the secured broker's own; choose another");
            }
            if (!names.add(listener.name())) {
                throw new IllegalArgumentException("Listener " + listener.name() + " is named twice");
            }
        }
    }

    /** Plaintext, open to anyone. */
    public LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort, List<BrokerListener> networkListeners) {
        this(dataDir, brokerPort, controllerPort, networkListeners, Optional.empty());
    }

    /** Loopback only. */
    public LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort) {
        this(dataDir, brokerPort, controllerPort, List.of());
    }

    /** This broker secured (see {@link BrokerSecurity}). */
    public LocalKafkaBrokerConfig secured(BrokerSecurity brokerSecurity) {
        return new LocalKafkaBrokerConfig(dataDir, brokerPort, controllerPort, networkListeners, Optional.of(brokerSecurity));
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
     * What an admin client (topic provisioning, granting access, health checks) is given: the
     * bootstrap servers, and on a secured broker the super user's loopback listener and login.
     */
    public Map<String, Object> adminClientSettings() {
        Map<String, Object> settings = new java.util.HashMap<>();
        security.ifPresent(s -> settings.putAll(s.adminSettings()));
        settings.put("bootstrap.servers", security.map(s -> HOST + ":" + s.adminPort()).orElse(bootstrapServers()));
        return settings;
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
        String client = security.isPresent() ? BrokerSecurity.CLIENT_LISTENER : "PLAINTEXT";
        String protocol = security.isPresent() ? "SASL_SSL" : "PLAINTEXT";
        String admin = security.map(s -> "," + BrokerSecurity.ADMIN_LISTENER + "://" + HOST + ":" + s.adminPort()).orElse("");
        props.setProperty("listeners", client + "://" + HOST + ":" + brokerPort + admin + ",CONTROLLER://" + HOST + ":" + controllerPort
                + networkListeners.stream().map(l -> "," + l.listenerEntry()).collect(Collectors.joining()));
        props.setProperty("advertised.listeners", client + "://" + HOST + ":" + brokerPort + admin
                + networkListeners.stream().map(l -> "," + l.advertisedEntry()).collect(Collectors.joining()));
        props.setProperty("listener.security.protocol.map", client + ":" + protocol
                + (admin.isEmpty() ? "" : "," + BrokerSecurity.ADMIN_LISTENER + ":" + protocol) + ",CONTROLLER:" + protocol
                + networkListeners.stream().map(l -> "," + l.name() + ":" + protocol).collect(Collectors.joining()));
        props.setProperty("inter.broker.listener.name", client);
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
        security.ifPresent(s -> s.addTo(props, java.util.stream.Stream.concat(java.util.stream.Stream.of(client),
                networkListeners.stream().map(BrokerListener::name)).toList()));
        return props;
    }
}
