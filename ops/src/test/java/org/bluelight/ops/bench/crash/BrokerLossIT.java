package org.bluelight.ops.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.dispatch.RecommendationWatch;
import org.bluelight.ops.bench.fuzz.FuzzCampaign;
import org.bluelight.ops.bench.fuzz.FuzzRecord;
import org.bluelight.ops.bench.fuzz.GoodWorkload;
import org.bluelight.ops.local.BundledMap;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalService;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.TopicProvisioningService;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.Compatibility;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker loss under load on a durable cluster (3 brokers, each a process of its own and a KRaft
 * controller too, every topic on 3 replicas, min ISR 2, acks=all, no unclean election): the node
 * leading {@code cad.incidents} and the one leading the dispatch app's repartition topic are
 * SIGKILLed in turn, five times, while incidents flow, and restarted on their data directories.
 * Every incident the brokers acknowledged gets its recommendation and the app never stops. The
 * apps' side of a crash is {@link CrashAuditIT}'s.
 */
class BrokerLossIT {

    private static final int KILLS = 5;
    private static final double ROUNDS_PER_SECOND = 2;

    @TempDir
    Path dir;

    @Test
    void leadersOfTheIncidentsAndRepartitionTopicsSigkilledFiveTimesUnderLoadEveryAcknowledgedIncidentIsRecommended() throws Exception {
        int registryPort = BenchWorkspace.freePorts(1)[0];
        String registryUrl = "http://127.0.0.1:" + registryPort;
        try (BrokerProcesses kafka = BrokerProcesses.start(dir.resolve("kafka"));
             LocalStack stack = new LocalStack(List.of(
                     new RegistryOnCluster(kafka.bootstrapServers(), registryPort),
                     new TopicProvisioningService(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                             new ProvisioningSettings(3, (short) 3, Duration.ofDays(1)))),
                     line -> { });
             RoadNetwork network = RoadNetwork.open(NetworkConfig.of(BundledMap.andorra(), dir.resolve("graph")))) {
            stack.start();
            try (StreamsApp app = dispatch(kafka.bootstrapServers(), registryUrl, network);
                 RecommendationWatch watch = new RecommendationWatch(kafka.bootstrapServers(),
                         new RegistryClient(RegistryClientConfig.of(registryUrl)))) {
                app.start();
                awaitRunning(app);
                Set<KafkaStreams.State> states = ConcurrentHashMap.newKeySet();
                CompletableFuture<Void> stateWatch = CompletableFuture.runAsync(() -> {
                    while (app.state() != KafkaStreams.State.PENDING_SHUTDOWN && !Thread.currentThread().isInterrupted()) {
                        states.add(app.state());
                        pause(Duration.ofMillis(50));
                    }
                });
                AppSerdes serdes = AppSerdes.connect(RegistryClientConfig.of(registryUrl));
                GoodWorkload workload = new GoodWorkload(serdes, Instant.now().minus(Duration.ofHours(6)));
                Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
                AtomicBoolean lossesOver = new AtomicBoolean();
                CompletableFuture<Integer> feed = CompletableFuture.supplyAsync(
                        () -> feed(kafka.bootstrapServers(), workload, lossesOver, serdes, acknowledged));

                String repartition = repartitionTopic(kafka);
                List<String> lost = new ArrayList<>();
                for (int kill = 0; kill < KILLS; kill++) {
                    pause(Duration.ofSeconds(4));
                    String topic = kill % 2 == 0 ? Topic.INCIDENTS.topicName() : repartition;
                    int leader = kafka.leaderOf(topic, 0);
                    long killed = System.nanoTime();
                    kafka.kill(leader);
                    lost.add(topic + " leader, node " + leader);
                    pause(Duration.ofSeconds(3));
                    kafka.restart(leader);
                    long ready = System.nanoTime();
                    kafka.awaitFullyReplicated(Duration.ofSeconds(60));
                    // The figures of each loss, for the README's measured failures.
                    System.out.printf("BrokerLossIT: SIGKILL %d of node %d (%s leader); answering again %.1f s after, every replica in sync %.1f s after%n",
                            kill + 1, leader, topic, (ready - killed) / 1e9, (System.nanoTime() - killed) / 1e9);
                }
                pause(Duration.ofSeconds(2));
                lossesOver.set(true);
                int rounds = feed.join();

                long fed = System.nanoTime();
                List<String> missing = awaitRecommended(acknowledged.keySet(), watch);
                System.out.printf("BrokerLossIT: %d incidents acknowledged, %d without a recommendation %.1f s after the feed ended%n",
                        acknowledged.size(), missing.size(), (System.nanoTime() - fed) / 1e9);
                assertThat(lost).hasSize(KILLS);
                assertThat(acknowledged).as("incidents the brokers acknowledged").hasSizeGreaterThan(rounds / 2);
                assertThat(missing).as("acknowledged incidents without a recommendation after %s", lost).isEmpty();
                assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
                stateWatch.cancel(true);
                assertThat(states).as("states the app went through").doesNotContain(KafkaStreams.State.ERROR,
                        KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_ERROR);
            }
        }
    }

    private StreamsApp dispatch(String bootstrapServers, String registryUrl, RoadNetwork network) {
        MapBounds bounds = network.bounds();
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", bootstrapServers);
        values.put("schema.registry.url", registryUrl);
        values.put("state.dir", dir.resolve("state").toString());
        values.put("http.port", "0");
        values.put("replication.factor", "3");
        values.put("routing.osm.file", BundledMap.andorra().toString());
        values.put("routing.graph.dir", dir.resolve("graph").toString());
        values.put("dispatch.map.bounds", bounds.minLat() + "," + bounds.minLon() + "," + bounds.maxLat() + "," + bounds.maxLon());
        ConfigSource source = ConfigSource.of(values);
        return DispatchApp.create(StreamsAppConfig.from(source, DispatchApp.APPLICATION_ID, 0), DispatchSettings.from(source), network);
    }

    /**
     * Sends rounds at a steady rate with acks=all until the losses are over, so every loss happens under load however
     * long a restart takes; notes each incident of the staffed group the brokers acknowledged. Returns the rounds sent.
     */
    private static int feed(String bootstrapServers, GoodWorkload workload, AtomicBoolean lossesOver, AppSerdes serdes,
                            Map<String, Boolean> acknowledged) {
        try (KafkaProducer<byte[], byte[]> producer = FuzzCampaign.producer(bootstrapServers, false)) {
            long start = System.currentTimeMillis();
            List<FuzzRecord> records = new ArrayList<>(workload.reference());
            int round = 0;
            for (; !lossesOver.get(); round++) {
                records.addAll(workload.round(round));
                for (FuzzRecord record : records) {
                    producer.send(new ProducerRecord<>(record.topic().topicName(), null, record.timestamp(), record.key(), record.value()),
                            (metadata, error) -> {
                                if (error == null && record.topic() == Topic.INCIDENTS) {
                                    String incident = serdes.keySerde(Topic.INCIDENTS).deserializer()
                                            .deserialize(Topic.INCIDENTS.topicName(), record.key());
                                    if (incident.startsWith("FZ-I")) {
                                        acknowledged.put(incident, true);
                                    }
                                }
                            });
                }
                records.clear();
                long due = start + Math.round((round + 1) * 1000 / ROUNDS_PER_SECOND);
                pause(Duration.ofMillis(Math.max(0, due - System.currentTimeMillis())));
            }
            producer.flush();
            return round;
        }
    }

    private static String repartitionTopic(BrokerProcesses kafka) throws Exception {
        return kafka.admin().listTopics().names().get().stream()
                .filter(name -> name.startsWith(DispatchApp.APPLICATION_ID + "-") && name.endsWith("-repartition"))
                .sorted().findFirst().orElseThrow(() -> new AssertionError("the dispatch app has no repartition topic"));
    }

    private static List<String> awaitRecommended(Set<String> incidents, RecommendationWatch watch) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        List<String> missing;
        do {
            missing = incidents.stream().filter(incident -> watch.firstSeen(incident) == null).sorted().toList();
            if (!missing.isEmpty()) {
                pause(Duration.ofMillis(500));
            }
        } while (!missing.isEmpty() && Instant.now().isBefore(deadline));
        return missing;
    }

    private static void awaitRunning(StreamsApp app) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (app.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(100));
        }
        assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The schema registry on the test's own cluster, which the local stack's registry service cannot name. */
    private static final class RegistryOnCluster implements LocalService {

        private final String bootstrapServers;
        private final int port;
        private SchemaRegistryServer server;

        RegistryOnCluster(String bootstrapServers, int port) {
            this.bootstrapServers = bootstrapServers;
            this.port = port;
        }

        @Override
        public String name() {
            return "schema registry";
        }

        @Override
        public void start() {
            server = SchemaRegistryServer.start(new RegistryServerConfig(bootstrapServers, "127.0.0.1", port,
                    LocalStackConfig.SCHEMAS_TOPIC, Compatibility.BACKWARD));
        }

        @Override
        public List<String> summary() {
            return List.of();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
