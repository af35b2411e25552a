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
 * @param quorum           the cluster this broker is one node of; empty for a cluster of one
 */
public record LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort, List<BrokerListener> networkListeners,
                                     Optional<BrokerSecurity> security, Optional<BrokerQuorum> quorum) {

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
        Objects.requireNonNull(quorum, "quorum");
        if (quorum.isPresent() && quorum.get().controllerPort() != controllerPort) {
            throw new IllegalArgumentException("Node " + quorum.get().nodeId() + "'s controller port is " + quorum.get().controllerPort()
                    + " in the quorum " + quorum.get().voters() + ", not " + controllerPort);
        }
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

    /** Plaintext, open to anyone; a cluster of one. */
    public LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort, List<BrokerListener> networkListeners) {
        this(dataDir, brokerPort, controllerPort, networkListeners, Optional.empty(), Optional.empty());
    }

    /** Loopback only. */
    public LocalKafkaBrokerConfig(Path dataDir, int brokerPort, int controllerPort) {
        this(dataDir, brokerPort, controllerPort, List.of());
    }

    /** This broker secured (see {@link BrokerSecurity}). */
    public LocalKafkaBrokerConfig secured(BrokerSecurity brokerSecurity) {
        return new LocalKafkaBrokerConfig(dataDir, brokerPort, controllerPort, networkListeners, Optional.of(brokerSecurity), quorum);
    }

    /** This broker as one node of {@code brokerQuorum}; its controller port is its voter's. */
    public LocalKafkaBrokerConfig inQuorum(BrokerQuorum brokerQuorum) {
        return new LocalKafkaBrokerConfig(dataDir, brokerPort, brokerQuorum.controllerPort(), networkListeners, security, Optional.of(brokerQuorum));
    }

    /** This node's id: its quorum's, or 1 alone. */
    public int nodeId() {
        return quorum.map(BrokerQuorum::nodeId).orElse(NODE_ID);
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
     * The broker's server properties: a combined broker and controller node, loopback listeners.
     * Alone, internal topics are sized for a single node (the defaults want three brokers, so
     * consumer groups and transactions would otherwise never become available); in a quorum,
     * everything has three replicas and a write needs two.
     */
    public Properties serverProperties() {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(nodeId()));
        props.setProperty("controller.quorum.voters", quorum.map(BrokerQuorum::voters).orElse(NODE_ID + "@" + HOST + ":" + controllerPort));
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
        String replicas = String.valueOf(quorum.map(BrokerQuorum::replicas).orElse(1));
        String inSync = String.valueOf(quorum.map(BrokerQuorum::minInSyncReplicas).orElse(1));
        props.setProperty("offsets.topic.replication.factor", replicas);
        props.setProperty("transaction.state.log.replication.factor", replicas);
        props.setProperty("transaction.state.log.min.isr", inSync);
        props.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        props.setProperty("share.coordinator.state.topic.min.isr", inSync);
        props.setProperty("min.insync.replicas", inSync);
        props.setProperty("default.replication.factor", replicas);
        props.setProperty("unclean.leader.election.enable", "false");
        if (quorum.isPresent()) {
            // Nodes on one machine: a SIGKILLed node is fenced, and its partitions led elsewhere, 3 s after its last
            // heartbeat (Kafka's default 9 s), and its restart is not held up for the rest of that time.
            props.setProperty("broker.heartbeat.interval.ms", "500");
            props.setProperty("broker.session.timeout.ms", "3000");
        }
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
