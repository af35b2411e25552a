package org.bluelight.ops.bench.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.bluelight.ops.Bluelight;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.kafka.BrokerQuorum;

/**
 * A three-node Kafka cluster as three operating-system processes ({@code bluelight broker --quorum}
 * in child JVMs on this JVM's class path), so a node can be lost as a machine is: SIGKILL, no
 * controlled shutdown, its logs left unflushed, then a restart on the same data directory.
 */
final class BrokerProcesses implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofMinutes(2);
    /** What {@code bluelight broker} prints once its broker answers clients. */
    private static final String READY_LINE = "Kafka broker is up";

    private final Map<Integer, Node> nodes = new LinkedHashMap<>();
    private final Admin admin;

    private BrokerProcesses(Path dir) throws IOException {
        int[] ports = BenchWorkspace.freePorts(6);
        Map<Integer, Integer> controllerPorts = Map.of(1, ports[3], 2, ports[4], 3, ports[5]);
        String clusterId = BrokerQuorum.newClusterId();
        for (int id = 1; id <= 3; id++) {
            nodes.put(id, new Node(new BrokerQuorum(id, controllerPorts, clusterId), ports[id - 1], dir.resolve("broker-" + id)));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin = Admin.create(props);
    }

    /** Starts the three nodes together (a quorum needs two to elect a controller) and waits until each answers. */
    static BrokerProcesses start(Path dir) throws Exception {
        BrokerProcesses cluster = new BrokerProcesses(dir);
        try {
            for (Node node : cluster.nodes.values()) {
                node.start();
            }
            for (Node node : cluster.nodes.values()) {
                node.awaitReady();
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String bootstrapServers() {
        return nodes.values().stream().map(node -> "127.0.0.1:" + node.kafkaPort).collect(Collectors.joining(","));
    }

    Admin admin() {
        return admin;
    }

    /** The node leading {@code partition} of {@code topic}. */
    int leaderOf(String topic, int partition) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().get(partition).leader().id();
    }

    /** SIGKILL of node {@code id}, then waits for the process to be gone. */
    void kill(int id) throws InterruptedException {
        nodes.get(id).kill();
    }

    /** Starts node {@code id} again on its data directory and waits until it answers clients. */
    void restart(int id) throws Exception {
        Node node = nodes.get(id);
        node.start();
        node.awaitReady();
    }

    /**
     * Waits until every partition of every topic has all three replicas in sync again, so the next
     * loss is of one node, not of a second before the first has caught up.
     */
    void awaitFullyReplicated(Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        List<String> behind = List.of();
        do {
            var topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names().get(30, TimeUnit.SECONDS);
            behind = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream().filter(p -> p.isr().size() < p.replicas().size())
                            .map(p -> topic.name() + "-" + p.partition()))
                    .toList();
            if (behind.isEmpty()) {
                return;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException("Partitions still under-replicated after " + limit.toSeconds() + " s: " + behind);
    }

    @Override
    public void close() throws InterruptedException {
        admin.close(Duration.ofSeconds(5));
        for (Node node : nodes.values()) {
            node.stop();
        }
    }

    /** One node: its process, its log, its data directory. */
    private static final class Node {

        private final BrokerQuorum quorum;
        private final int kafkaPort;
        private final Path dir;
        private final Path log;
        private Process process;
        private long logStart;

        Node(BrokerQuorum quorum, int kafkaPort, Path dir) throws IOException {
            this.quorum = quorum;
            this.kafkaPort = kafkaPort;
            this.dir = dir;
            this.log = dir.resolve("broker.log");
            Files.createDirectories(dir);
        }

        void start() throws IOException {
            logStart = Files.exists(log) ? Files.size(log) : 0;
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only: a restart is slow to start, not slow to serve this test's load.
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=bench-app-logback.xml",
                    "-cp", System.getProperty("java.class.path"), Bluelight.class.getName(), "broker",
                    "--data-dir", dir.resolve("data").toAbsolutePath().toString(),
                    "--kafka-port", String.valueOf(kafkaPort),
                    "--quorum", quorum.voters(), "--node-id", String.valueOf(quorum.nodeId()), "--cluster-id", quorum.clusterId());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("BLUELIGHT_"));
            process = builder.start();
        }

        /** Waits for this start's ready line in the log (a restart appends to the same log). */
        void awaitReady() throws IOException, InterruptedException {
            Instant deadline = Instant.now().plus(READY_LIMIT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Broker " + quorum.nodeId() + " exited with " + process.exitValue() + "; see " + log);
                }
                byte[] bytes = Files.readAllBytes(log);
                if (new String(bytes, (int) logStart, bytes.length - (int) logStart, StandardCharsets.UTF_8)
                        .contains(READY_LINE)) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("Broker " + quorum.nodeId() + " not ready after " + READY_LIMIT.toSeconds() + " s; see " + log);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
