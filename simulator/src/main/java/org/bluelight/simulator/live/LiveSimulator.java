package org.bluelight.simulator.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimulatedDispatcher;
import org.bluelight.simulator.force.Force;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.force.Rota;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.map.NetworkPlaces;
import org.bluelight.simulator.records.RecordKeeper;
import org.bluelight.simulator.scenario.Scenario;

/**
 * Plays CAD and the vehicles of a scenario into Kafka on an accelerated clock, and closes the loop through what
 * dispatch publishes: the evaluator's {@link ForceSimulation}, paced to the wall clock, with a
 * {@link LivePublisher} writing what happens to Kafka, a {@link KafkaDesk} taking dispatch's recommendations and a
 * {@link TaskFollower} answering its move-ups and patrol tasks.
 * Beside them a {@link RecordKeeper} plays the force's other systems (the hot-spots trial's reference data, crime
 * and custody records, planned operations), sent by a {@link RecordsPublisher}, so every app has all its inputs.
 *
 * <p>The simulated clock starts at the wall-clock time of {@link #start()} and runs {@code speed} times faster;
 * records carry simulated timestamps. One thread runs the whole simulation, so no state is shared.
 */
public final class LiveSimulator implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(50);

    private final LiveConfig config;
    private final Scenario scenario;
    private final PrintStream status;
    private final AtomicBoolean stopping = new AtomicBoolean();

    private RoadNetwork network;
    private KafkaProducer<String, byte[]> producer;
    private KafkaProducer<byte[], byte[]> recordsProducer;
    private KafkaConsumer<String, byte[]> consumer;
    private ForceSimulation force;
    private LivePublisher publisher;
    private KafkaDesk desk;
    private TaskFollower tasks;
    private RecordKeeper keeper;
    private RecordsPublisher records;
    private Map<TopicPartition, Long> startOffsets;
    private Thread thread;
    private long wallStartNanos;
    private Instant simStart;

    public LiveSimulator(LiveConfig config, PrintStream status) {
        this.config = config;
        this.scenario = config.scenario();
        this.status = status;
    }

    /** Opens the map and Kafka clients, then runs the simulation on its own thread. */
    public void start() {
        network = MapSource.open(config.osmFile(), config.workDir());
        NetworkPlaces places = new NetworkPlaces(network);
        Force units = Force.build(scenario, places);
        RegistryClientConfig registryConfig = RegistryClientConfig.of(config.registryUrl().toString());
        RegistryClient registry = new RegistryClient(config.registryAuth().map(registryConfig::withBasicAuth).orElse(registryConfig));
        producer = new KafkaProducer<>(producerProperties("bluelight-simulator", StringSerializer.class, config.clientSecurity()));
        recordsProducer = new KafkaProducer<>(producerProperties("bluelight-simulator-records", ByteArraySerializer.class,
                config.recordsClientSecurity().isEmpty() ? config.clientSecurity() : config.recordsClientSecurity()));
        consumer = new KafkaConsumer<>(consumerProperties());
        List<String> topics = new ArrayList<>(KafkaDesk.topics(config.manual()));
        topics.addAll(TaskFollower.topics(config.manual()));
        consumer.subscribe(topics);

        simStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Demand and shifts are laid on the simulated calendar from now; without a duration, for 30 simulated days.
        Instant demandEnd = config.duration() == null ? simStart.plus(Duration.ofDays(30))
                : simStart.plus(Duration.ofMillis((long) (config.duration().toMillis() * config.speed()))).plus(Duration.ofHours(1));
        keeper = new RecordKeeper(scenario, places, simStart, demandEnd);
        force = new ForceSimulation(scenario, units.units(), new RoadNetworkTravelTimes(network),
                keeper.trial().withPatrolPoints(PatrolPoints.of(scenario, places), places), simStart);
        publisher = new LivePublisher(force, network, config.fixInterval(), producer, registry, status);
        desk = new KafkaDesk(force, new SimulatedDispatcher(force, config.dispatcherDelay(), publisher), publisher,
                config.manual(), registry);
        tasks = new TaskFollower(force, config.dispatcherDelay(), config.manual(), publisher, registry);
        records = new RecordsPublisher(recordsProducer, registry, status);
        force.listen(publisher);
        force.listen(keeper);
        force.deskIs(desk);
        force.load(Rota.shifts(scenario, units, simStart, demandEnd),
                new IncidentGenerator(scenario, places).generate(simStart, demandEnd));
        startOffsets = startOffsets();
        wallStartNanos = System.nanoTime();
        thread = new Thread(this::loop, "live-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the configured duration has passed (or {@link #close()}), then returns the summary. */
    public LiveSummary awaitEnd() throws InterruptedException {
        thread.join();
        return summary();
    }

    /** Paces the simulation to the wall clock, sends the fixes due and hands dispatch's records to the desk. */
    private void loop() {
        long lastStatus = System.nanoTime();
        try {
            while (!stopping.get()) {
                long elapsed = System.nanoTime() - wallStartNanos;
                if (config.duration() != null && elapsed >= config.duration().toNanos()) {
                    break;
                }
                force.advanceTo(simStart.plusNanos((long) (elapsed * config.speed())));
                records.send(keeper.due(force.now()));
                publisher.sendFixes();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(TICK)) {
                    if (TaskFollower.reads(record.topic())) {
                        tasks.read(record);
                    } else {
                        desk.read(record);
                    }
                }
                if (System.nanoTime() - lastStatus >= config.statusInterval().toNanos()) {
                    status.println(statusLine());
                    lastStatus = System.nanoTime();
                }
            }
        } finally {
            producer.flush();
            recordsProducer.flush();
            writeSummary();
        }
    }

    // ---- reporting ----

    public String statusLine() {
        String assignments = config.manual()
                ? String.format(Locale.ROOT, "console assignments followed %d, refused %d", desk.followed(), desk.refused())
                : "assignments " + publisher.assignments();
        String taskDecisions = config.manual()
                ? String.format(Locale.ROOT, "console tasks followed %d, refused %d", tasks.accepted(), tasks.refused())
                : String.format(Locale.ROOT, "tasks accepted %d, declined %d", tasks.accepted(), tasks.declined());
        return String.format(Locale.ROOT,
                "sim %s | incidents %d | recommendations %d | %s | %s | arrivals %d | backlog %s | G1 median %.1f min",
                force.now().truncatedTo(ChronoUnit.SECONDS), publisher.published(), desk.recommendations(),
                assignments, taskDecisions, publisher.arrivals(), desk.backlogByGroup(), median(publisher.grade1Minutes()));
    }

    public LiveSummary summary() {
        double wall = (System.nanoTime() - wallStartNanos) / 1e9;
        return new LiveSummary(wall, Duration.between(simStart, force.now()).toMillis() / 3_600_000.0,
                publisher.published(), publisher.dispatched(), desk.recommendations(), publisher.assignments() + desk.followed(),
                publisher.arrivals(), publisher.cleared(), publisher.statusMessages(), publisher.fixes(),
                quantile(desk.latenciesMs(), 0.5), quantile(desk.latenciesMs(), 0.99),
                median(publisher.grade1Minutes()), median(publisher.grade2Minutes()), Map.copyOf(desk.backlogByGroup()),
                publisher.sendFailures() + records.sendFailures(), recordsByTopic(), deadLetters());
    }

    /**
     * Records written to each topic since the start: how far its end offsets moved (on the apps' exactly-once
     * outputs this also counts transaction markers, so it is a little high; 0 means none), -1 when unreadable.
     */
    private Map<String, Long> recordsByTopic() {
        Map<String, Long> counts = new TreeMap<>();
        for (Topic<?, ?> topic : Topic.all()) {
            try {
                counts.put(topic.topicName(), endOffsets(List.of(topic.topicName())).entrySet().stream()
                        .mapToLong(e -> e.getValue() - startOffsets.getOrDefault(e.getKey(), 0L)).sum());
            } catch (KafkaException e) {
                counts.put(topic.topicName(), -1L);
                status.println("simulator: could not read the end of " + topic.topicName() + ": " + e.getMessage());
            }
        }
        return counts;
    }

    /**
     * Where every topic ends at the start, leaving out those this account may not see (on a secured
     * cluster CAD sees no crime, custody or FSU data): their counts are then reported as unreadable.
     */
    private Map<TopicPartition, Long> startOffsets() {
        Map<TopicPartition, Long> offsets = new java.util.HashMap<>();
        for (Topic<?, ?> topic : Topic.all()) {
            try {
                offsets.putAll(endOffsets(List.of(topic.topicName())));
            } catch (KafkaException e) {
                status.println("simulator: will not count " + topic.topicName() + ": " + e.getMessage());
            }
        }
        return offsets;
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics) {
        List<TopicPartition> partitions = topics.stream()
                .flatMap(name -> consumer.partitionsFor(name, Duration.ofSeconds(15)).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        return consumer.endOffsets(partitions, Duration.ofSeconds(15));
    }

    /** Records on every dead-letter topic, read from their end offsets: a clean run has none. */
    private Map<String, Long> deadLetters() {
        Map<String, Long> counts = new TreeMap<>();
        for (Topic<?, ?> topic : Topic.all()) {
            try {
                long total = endOffsets(List.of(topic.dlqName())).values().stream().mapToLong(Long::longValue).sum();
                if (total > 0) {
                    counts.put(topic.dlqName(), total);
                }
            } catch (KafkaException e) {
                // -1 says "could not be read", which is not the same as none.
                counts.put(topic.dlqName(), -1L);
                status.println("simulator: could not read " + topic.dlqName() + ": " + e.getMessage());
            }
        }
        return counts;
    }

    private void writeSummary() {
        if (config.summaryFile() == null) {
            return;
        }
        try {
            if (config.summaryFile().getParent() != null) {
                Files.createDirectories(config.summaryFile().getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(config.summaryFile().toFile(), summary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write summary " + config.summaryFile(), e);
        }
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private Properties producerProperties(String clientId, Class<?> keySerializer, Map<String, String> security) {
        Properties p = new Properties();
        p.putAll(security);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(config.clientSecurity());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bluelight-simulator-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    @Override
    public void close() {
        stopping.set(true);
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (recordsProducer != null) {
            recordsProducer.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (network != null) {
            network.close();
        }
    }
}
