package org.bluelight.ops.bench.coverage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.coverage.app.CoverageConfig;
import org.bluelight.coverage.network.NetworkJunctions;
import org.bluelight.coverage.stream.CoverageTopology;
import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.bench.StreamThreadCpu;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.schemas.registry.RegistryClientConfig;

/**
 * The coverage app on a real cluster, fed in real time: officers come on duty, then each sends a
 * fix every interval; the lag of a cell update is when it is read from {@code coverage.cells}
 * (committed) minus the event time of the fix that caused it, which is when the fix was sent.
 */
public final class CoverageLagBenchmark {

    /** Where and what to run. */
    public record Settings(String bootstrapServers, String registryUrl, int officers, Duration fixInterval,
                           Duration duration, Duration warmUp, long seed, int partitions, int streamThreads,
                           CoverageSettings coverage, Path stateDir) {
    }

    /**
     * The figures.
     *
     * @param onDuty         how long the app took to take in every officer coming on duty
     * @param lag            every cell update caused by a fix
     * @param steadyLag      cell updates caused after the warm-up (officers coming on duty)
     * @param recomputations reach searches done by the app for officers on the move
     * @param searchP50Millis app's reach search time, median, over the timer's last two minutes
     * @param searchP99Millis app's reach search time, 99th percentile, over the timer's last two minutes
     * @param searchMeanMillis app's reach search time, mean over the whole run
     * @param tableCpu       CPU time of the app's reach table builder, over the whole run and while fixes flowed
     */
    public record Result(Duration onDuty, int fixesSent, LatencyStats lag, Optional<LatencyStats> steadyLag, long recomputations,
                         double searchP50Millis, double searchP99Millis, double searchMeanMillis, long officerReachEntries,
                         long cellEntries, Duration drainTime, Duration streamCpu, List<StateSample> state,
                         int cellUpdatesRead, Duration cellsDrain, boolean cellsQuiet, Duration tableCpu,
                         Duration tableCpuWhileFixesFlowed) {
    }

    /** The app's state while fixes flow: store entries, the state directory's size, and the lag of the interval before. */
    public record StateSample(Duration at, long officerReaches, long cells, long stateDirBytes, double lagP99Millis) {
    }

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
    /**
     * The app has worked off its backlog when no cell update has come for this long after its input was consumed:
     * input consumed is not enough, the cell deltas wait in a repartition topic after it.
     */
    private static final Duration QUIET = Duration.ofSeconds(5);

    private final RoadNetwork network;
    private final Settings settings;

    public CoverageLagBenchmark(RoadNetwork network, Settings settings) {
        this.network = network;
        this.settings = settings;
    }

    public Result run() throws Exception {
        createTopics();
        AppSerdes serdes = AppSerdes.connect(RegistryClientConfig.of(settings.registryUrl()));
        String applicationId = "bench-coverage-" + System.currentTimeMillis();
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", settings.bootstrapServers(),
                "schema.registry.url", settings.registryUrl(),
                "state.dir", settings.stateDir().toString(),
                "http.port", "0",
                "num.stream.threads", Integer.toString(settings.streamThreads()))), applicationId, 0);
        CoverageConfig coverage = new CoverageConfig(settings.coverage(), network.config().osmFile(),
                network.config().graphCacheDir(), Optional.empty());
        List<GeoPoint> junctions = NetworkJunctions.of(network);
        try (CoverageApp app = CoverageApp.create(config, coverage, serdes, network).start();
             KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            awaitRunning(app);
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.COVERAGE_CELLS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            List<long[]> lags = new ArrayList<>();
            AtomicLong lastRead = new AtomicLong(System.currentTimeMillis());
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    read(consumer, serdes, lags, lastRead, reading);
                } catch (RuntimeException e) {
                    readFailure.set(e);
                }
            }, "bench-coverage-reader");
            reader.start();
            Fleet fleet = new Fleet(network, junctions, settings.officers(), new Random(settings.seed()), Instant.now());
            // Everyone comes on duty first; the moving fleet is measured once that burst is through.
            comeOnDuty(producer, serdes, fleet);
            Instant onDutyAt = Instant.now();
            if (!awaitInputConsumed(applicationId)) {
                throw new IllegalStateException("The app had not taken in the officers coming on duty after "
                        + DRAIN_LIMIT.toMinutes() + " min");
            }
            awaitQuiet(lastRead);
            Duration onDuty = Duration.between(onDutyAt, Instant.now());
            Instant start = Instant.now();
            long cpuBefore = StreamThreadCpu.nanos();
            double tableCpuBefore = tableBuildSeconds(app);
            List<StateSample> samples = new ArrayList<>();
            long[] sampledFrom = {start.toEpochMilli()};
            KafkaStreams running = app.streamsApp().streams();
            int sent = produce(producer, serdes, fleet, start, () -> {
                long now = System.currentTimeMillis();
                long[] interval;
                synchronized (lags) {
                    interval = lags.stream().filter(l -> l[0] >= sampledFrom[0]).mapToLong(l -> l[1]).toArray();
                }
                sampledFrom[0] = now;
                samples.add(new StateSample(Duration.ofMillis(now - start.toEpochMilli()),
                        entries(running, CoverageTopology.OFFICER_REACH_STORE), entries(running, CoverageTopology.CELL_STORE),
                        directoryBytes(settings.stateDir()),
                        interval.length == 0 ? Double.NaN : LatencyStats.of(interval).p99Millis()));
            });
            boolean caughtUp = awaitInputConsumed(applicationId);
            Duration streamCpu = Duration.ofNanos(StreamThreadCpu.nanos() - cpuBefore);
            double tableCpu = tableBuildSeconds(app);
            Duration drain = Duration.between(start.plus(settings.duration()), Instant.now());
            boolean quiet = awaitQuiet(lastRead);
            Duration cellsDrain = Duration.ofMillis(lastRead.get() - start.plus(settings.duration()).toEpochMilli());
            reading.set(false);
            reader.join();
            if (readFailure.get() != null) {
                throw new IllegalStateException("Reading coverage.cells failed", readFailure.get());
            }
            if (!caughtUp) {
                throw new IllegalStateException("The app had not consumed its input " + DRAIN_LIMIT.toMinutes()
                        + " min after the last fix");
            }

            MeterRegistry meters = app.streamsApp().meterRegistry();
            long recomputations = (long) meters.find("coverage.reach.decisions").counters().stream()
                    .filter(c -> !List.of("keep", "clear", "on_duty").contains(c.getId().getTag("decision")))
                    .mapToDouble(c -> c.count()).sum();
            Timer search = meters.get("coverage.reach.search").timer();
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            for (ValueAtPercentile value : search.takeSnapshot().percentileValues()) {
                if (value.percentile() == 0.5) {
                    p50 = value.value(TimeUnit.MILLISECONDS);
                } else if (value.percentile() == 0.99) {
                    p99 = value.value(TimeUnit.MILLISECONDS);
                }
            }
            KafkaStreams streams = app.streamsApp().streams();
            long reachEntries = entries(streams, CoverageTopology.OFFICER_REACH_STORE);
            long cellEntries = entries(streams, CoverageTopology.CELL_STORE);

            long steadyFrom = start.plus(settings.warmUp()).toEpochMilli();
            long[] all = lags.stream().filter(l -> l[0] >= start.toEpochMilli()).mapToLong(l -> l[1]).toArray();
            long[] steady = lags.stream().filter(l -> l[0] >= steadyFrom).mapToLong(l -> l[1]).toArray();
            return new Result(onDuty, sent, LatencyStats.of(all.length == 0 ? new long[] {0} : all),
                    steady.length == 0 ? Optional.empty() : Optional.of(LatencyStats.of(steady)), recomputations,
                    p50, p99, search.mean(TimeUnit.MILLISECONDS), reachEntries, cellEntries, drain, streamCpu, samples, lags.size(), cellsDrain, quiet,
                    Duration.ofMillis(Math.round(tableCpu * 1000)), Duration.ofMillis(Math.round((tableCpu - tableCpuBefore) * 1000)));
        }
    }

    private static double tableBuildSeconds(CoverageApp app) {
        return app.streamsApp().meterRegistry().get(CoverageApp.REACH_TABLE_BUILD_CPU).functionCounter().count();
    }

    private void comeOnDuty(KafkaProducer<String, byte[]> producer, AppSerdes serdes, Fleet fleet) {
        for (int i = 0; i < fleet.size(); i++) {
            GeoPoint home = fleet.home(i);
            send(producer, serdes, Topic.OFFICER_STATUS, "bench-" + i, OfficerStatus.newBuilder()
                    .setOfficerId("bench-" + i).setCallSign("B" + i).setState(OfficerState.AVAILABLE)
                    .setChangedAt(Instant.now()).setTransport(Transport.CAR).setDrivingStandard(DrivingStandard.STANDARD)
                    .setDispatchGroup("bench").setPosition(new org.bluelight.schemas.GeoPoint(home.lat(), home.lon())).build());
        }
        producer.flush();
    }

    /** Each officer's fixes spread over the interval, in real time. */
    private int produce(KafkaProducer<String, byte[]> producer, AppSerdes serdes, Fleet fleet, Instant start,
                        Runnable sample) throws InterruptedException {
        long nextSample = System.nanoTime() + SAMPLE_EVERY.toNanos();
        long intervalNanos = settings.fixInterval().toNanos();
        long slotNanos = intervalNanos / fleet.size();
        long began = System.nanoTime();
        long end = began + settings.duration().toNanos();
        int sent = 0;
        for (long slot = fleet.size(); ; slot++) {
            long due = began + slot * slotNanos;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (System.nanoTime() >= nextSample) {
                sample.run();
                nextSample += SAMPLE_EVERY.toNanos();
            }
            int officer = (int) (slot % fleet.size());
            double seconds = (due - began) / 1e9;
            GeoPoint at = fleet.positionAt(officer, seconds, start);
            send(producer, serdes, Topic.TELEMATICS, "bench-" + officer, PositionFix.newBuilder()
                    .setOfficerId("bench-" + officer).setFixedAt(Instant.now())
                    .setPosition(new org.bluelight.schemas.GeoPoint(at.lat(), at.lon())).build());
            sent++;
        }
        producer.flush();
        return sent;
    }

    /** Reads cell updates, noting each one's lag, until told to stop. */
    private void read(KafkaConsumer<String, byte[]> consumer, AppSerdes serdes, List<long[]> lags, AtomicLong lastRead,
                      AtomicBoolean reading) {
        Serde<CoverageCell> cells = serdes.valueSerde(Topic.COVERAGE_CELLS);
        while (reading.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                long now = System.currentTimeMillis();
                lastRead.set(now);
                CoverageCell cell = cells.deserializer().deserialize(record.topic(), record.value());
                long causedAt = cell.getUpdatedAt().toEpochMilli();
                synchronized (lags) {
                    lags.add(new long[] {causedAt, (now - causedAt) * 1_000_000});
                }
            }
        }
    }

    /** Waits until no cell update has been read for {@link #QUIET}; false if that takes longer than the drain limit. */
    private static boolean awaitQuiet(AtomicLong lastRead) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_LIMIT.toMillis();
        while (System.currentTimeMillis() - lastRead.get() < QUIET.toMillis()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    /** Waits until the app has committed every officer record sent; false if that takes too long. */
    private boolean awaitInputConsumed(String applicationId) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> inputs = new HashMap<>();
            for (Topic<?, ?> topic : List.of(Topic.OFFICER_STATUS, Topic.TELEMATICS)) {
                for (int p = 0; p < settings.partitions(); p++) {
                    inputs.put(new TopicPartition(topic.topicName(), p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(inputs).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
                boolean done = ends.entrySet().stream().allMatch(end -> {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    return end.getValue() == 0 || offset != null && offset.offset() >= end.getValue();
                });
                if (done) {
                    return true;
                }
                Thread.sleep(250);
            }
            return false;
        }
    }

    private <V extends SpecificRecord> void send(KafkaProducer<String, byte[]> producer, AppSerdes serdes,
                                                 Topic<String, V> topic, String key, V value) {
        byte[] bytes = serdes.valueSerde(topic).serializer().serialize(topic.topicName(), value);
        producer.send(new ProducerRecord<>(topic.topicName(), key, bytes));
    }

    private void createTopics() throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.INCIDENTS,
                    Topic.COVERAGE_CELLS, Topic.OFFICER_IMPACT)) {
                topics.add(new NewTopic(topic.topicName(), Optional.of(settings.partitions()), Optional.empty()));
                topics.add(new NewTopic(topic.dlqName(), Optional.of(1), Optional.empty()));
            }
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create the benchmark's topics", e.getCause());
                    }
                }
            }
        }
    }

    private static long directoryBytes(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0; // RocksDB removed it meanwhile
                }
            }).sum();
        } catch (IOException | UncheckedIOException gone) {
            return 0;
        }
    }

    private static long entries(KafkaStreams streams, String storeName) {
        long count = 0;
        try (KeyValueIterator<Object, Object> all = streams.store(StoreQueryParameters.fromNameAndType(storeName,
                QueryableStoreTypes.keyValueStore())).all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private static void awaitRunning(CoverageApp app) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (app.streamsApp().state() != KafkaStreams.State.RUNNING) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The coverage app did not reach RUNNING: " + app.streamsApp().state());
            }
            Thread.sleep(100);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
