package org.bluelight.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KRaft Kafka cluster running in the test JVM, as a JUnit 5 extension.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaCluster kafka = KafkaCluster.singleNode();
 * }</pre>
 *
 * <p>The cluster starts before the first test of the class and stops after the last. It has one
 * dedicated controller and {@code n} brokers on loopback ports. Internal topics are sized for the
 * number of brokers, so {@code exactly_once_v2} and consumer groups work on a single broker, and
 * the initial group rebalance delay is zero so tests do not wait three seconds for a group.
 */
public final class KafkaCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final long STARTUP_TIMEOUT_SECONDS = 60;

    private final int brokerCount;
    private KafkaClusterTestKit cluster;
    private Admin admin;

    private KafkaCluster(int brokerCount) {
        if (brokerCount < 1) {
            throw new IllegalArgumentException("A cluster needs at least one broker, got " + brokerCount);
        }
        this.brokerCount = brokerCount;
    }

    /** One broker and one controller. */
    public static KafkaCluster singleNode() {
        return new KafkaCluster(1);
    }

    /** {@code brokers} brokers and one controller. */
    public static KafkaCluster withBrokers(int brokers) {
        return new KafkaCluster(brokers);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Starts the cluster and waits until every broker is ready. Called by JUnit; call it yourself
     * only when using the cluster outside an extension.
     */
    public synchronized void start() throws Exception {
        if (cluster != null) {
            return;
        }
        int replication = replicationFactor();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(brokerCount)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", String.valueOf(replication))
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "5")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("min.insync.replicas", "1")
                .setConfigProp("default.replication.factor", "1")
                .setConfigProp("unclean.leader.election.enable", "false")
                // A restarted broker waits for its previous session to expire (9 s by default).
                .setConfigProp("broker.heartbeat.interval.ms", "500")
                .setConfigProp("broker.session.timeout.ms", "2000")
                // A hard-killed app's open transaction is aborted within a second of its timeout, not ten.
                .setConfigProp("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                .setConfigProp("auto.create.topics.enable", "false")
                // Tests publish records dated in the past (fixed instants in 2024). Under the brokers' default
                // 7-day retention the next retention check (30 s after start, then every 5 min) deleted them
                // before a slow-starting app had read them, and the app sat at the end of empty topics.
                // Topics created with a retention of their own (the provisioned ones) keep it.
                .setConfigProp("log.retention.ms", "-1")
                .setDeleteOnClose(true);
        KafkaClusterTestKit started = builder.build();
        try {
            started.format();
            started.startup();
            awaitReady(started);
        } catch (Exception e) {
            started.close();
            throw e;
        }
        cluster = started;
        admin = started.admin();
    }

    private static void awaitReady(KafkaClusterTestKit started) throws Exception {
        var ready = CompletableFuture.runAsync(() -> {
            try {
                started.waitForReadyBrokers();
            } catch (ExecutionException | InterruptedException e) {
                throw new IllegalStateException("Brokers did not become ready", e);
            }
        });
        try {
            ready.get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka brokers not ready after " + STARTUP_TIMEOUT_SECONDS + " s", e);
        }
    }

    private int replicationFactor() {
        return Math.min(brokerCount, 3);
    }

    /** The brokers' {@code host:port} list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return running().bootstrapServers();
    }

    /** Number of brokers (the controller is not counted). */
    public int brokerCount() {
        return brokerCount;
    }

    /**
     * Creates topics with {@code partitions} partitions and the default replication factor
     * (the number of brokers, at most three); topics that already exist are left as they are.
     */
    public void createTopics(int partitions, String... names) {
        Objects.requireNonNull(names, "names");
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.of(partitions), Optional.of((short) replicationFactor())))
                .toList();
        Map<String, KafkaFuture<Void>> results = adminClient().createTopics(topics).values();
        for (var result : results.entrySet()) {
            try {
                result.getValue().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + result.getKey(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted creating topic " + result.getKey(), e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("Timed out creating topic " + result.getKey(), e);
            }
        }
        awaitLeaders(List.of(names));
    }

    /** Creation returns before every broker has the metadata: wait until every partition has a leader. */
    private void awaitLeaders(List<String> names) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                boolean ready = adminClient().describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                        .allMatch(topic -> topic.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // Not known to the broker that answered yet: ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for topics " + names, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " have no leader after 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for topics " + names, e);
            }
        }
    }

    /** An admin client on this cluster; the extension closes it. Do not close it yourself. */
    public Admin adminClient() {
        running();
        return admin;
    }

    /**
     * Stops broker {@code index} (0-based), waits for it to be down, and starts it again on the
     * same port and data directory, then waits until it is registered again.
     */
    public void restartBroker(int index) throws Exception {
        BrokerServer broker = broker(index);
        broker.shutdown();
        broker.awaitShutdown();
        broker.startup();
        awaitReady(running());
    }

    /** Stops broker {@code index} (0-based) and waits for it to be down. */
    public void stopBroker(int index) {
        BrokerServer broker = broker(index);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a broker stopped by {@link #stopBroker(int)} and waits until it is ready. */
    public void startBroker(int index) throws Exception {
        broker(index).startup();
        awaitReady(running());
    }

    private BrokerServer broker(int index) {
        if (index < 0 || index >= brokerCount) {
            throw new IndexOutOfBoundsException("Broker index " + index + " outside 0.." + (brokerCount - 1));
        }
        int nodeId = running().nodes().brokerNodes().keySet().stream().skip(index).findFirst().orElseThrow();
        return running().brokers().get(nodeId);
    }

    private KafkaClusterTestKit running() {
        if (cluster == null) {
            throw new IllegalStateException("Kafka cluster is not running: register it with @RegisterExtension"
                    + " on a static field, or call start()");
        }
        return cluster;
    }

    /** Closes the admin client and stops and deletes the cluster. */
    @Override
    public synchronized void close() {
        if (cluster == null) {
            return;
        }
        try {
            admin.close(Duration.ofSeconds(10));
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted stopping the Kafka cluster", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Kafka cluster cleanly", e);
        } finally {
            cluster = null;
            admin = null;
        }
    }
}
