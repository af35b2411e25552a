package org.bluelight.ops.bench.dispatch;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.bench.StreamThreadCpu;
import org.bluelight.ops.cli.DurationConverter;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalService;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.local.RoadNetworkService;
import org.bluelight.ops.local.StreamsAppService;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench telematics}: how many position fixes per second the dispatch app's
 * availability path (fix → telematics task → officer table → the group's desk, through two repartitions)
 * sustains under exactly-once. A real broker, registry and N dispatch instances in this JVM;
 * units AVAILABLE first, then fixes as fast as the producer sends them for a while, each unit driving
 * at 12 m/s between its post and its beat (so how many fixes go on to the desks depends on how often
 * each unit sends one); the figure is fixes whose offsets the app has committed (so processed,
 * exactly once) per second.
 */
@Command(name = "telematics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Telematics ingest of the dispatch app under exactly-once on a real local broker and registry:",
            "units AVAILABLE on the county's roads, then fixes as fast as they can be sent; prints fixes/s committed."})
public final class BenchTelematicsCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-telematics");
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    private static final long SEED = 42;
    /** Every unit drives at this speed between its post and its beat, so fixes move it as a real vehicle's would. */
    private static final double SPEED_MPS = 12;
    private static final String REGROUPED = DispatchApp.APPLICATION_ID + "-" + DispatchTopology.GROUP_EVENTS + "-repartition";
    private static final String MOVES = DispatchApp.APPLICATION_ID + "-" + DispatchTopology.MOVES + "-repartition";

    @Spec
    private CommandSpec spec;

    @Option(names = "--units", paramLabel = "N", defaultValue = "10000", description = "Units on duty (default: ${DEFAULT-VALUE}).")
    private int units;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long fixes are sent, e.g. 30s, 2m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ProvisioningSettings.DEFAULT_PARTITIONS,
            description = "Partitions of every topic (and so of the app's tasks) (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Dispatch app instances in this JVM, one application id (default: ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "num.stream.threads of each instance (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--max-rate", paramLabel = "PER_S", defaultValue = "0",
            description = "Send at most this many fixes per second; 0 sends as fast as possible (default: ${DEFAULT-VALUE}).")
    private int maxRate;

    @Option(names = "--app-setting", paramLabel = "KEY=VALUE",
            description = "A setting of the dispatch app, e.g. kafka.max.task.idle.ms=0 (repeatable).")
    private Map<String, String> appSettings = new java.util.LinkedHashMap<>();

    @Option(names = "--osm", paramLabel = "FILE",
            description = "Road map (default: the generated county, shared with bench dispatch under target/bench-dispatch/).")
    private Path osm;

    @Override
    public Integer call() throws Exception {
        if (units < 1 || instances < 1 || threads < 1 || partitions < 1 || maxRate < 0 || duration.isNegative() || duration.isZero()) {
            throw new ParameterException(spec.commandLine(), "--units, --instances, --threads, --partitions and --duration must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path map = osm != null ? osm : DispatchWorkload.countyMap(out);
        if (!Files.isRegularFile(map)) {
            throw new ParameterException(spec.commandLine(), "No map at " + map.toAbsolutePath());
        }
        Path dataDir = WORK_DIR.resolve("stack");
        BenchWorkspace.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int[] ports = BenchWorkspace.freePorts(3 + instances);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local().withPartitions(partitions));
        RoadNetworkService roads = new RoadNetworkService(map, DispatchWorkload.GRAPH_CACHE);
        List<AtomicReference<StreamsApp>> apps = new ArrayList<>();
        List<LocalService> services = new ArrayList<>(LocalServices.standard(config));
        services.add(roads);
        for (int i = 0; i < instances; i++) {
            AtomicReference<StreamsApp> app = new AtomicReference<>();
            apps.add(app);
            int instance = i;
            services.add(new StreamsAppService("dispatch app " + (i + 1), "", () -> {
                MapBounds bounds = roads.network().bounds();
                Map<String, String> values = new java.util.HashMap<>(appSettings);
                values.putAll(Map.of(
                        "bootstrap.servers", config.bootstrapServers(),
                        "schema.registry.url", config.registryUrl().toString(),
                        "state.dir", dataDir.resolve("state-" + instance).toAbsolutePath().toString(),
                        StreamsAppConfig.NUM_STREAM_THREADS, Integer.toString(threads),
                        "routing.osm.file", map.toString(),
                        "dispatch.map.bounds", bounds.minLat() + "," + bounds.minLon() + "," + bounds.maxLat() + "," + bounds.maxLon()));
                ConfigSource source = ConfigSource.of(values);
                app.set(DispatchApp.create(DispatchApp.config(source, ports[3 + instance], DispatchApp.LATENCY_DEFAULTS),
                        DispatchSettings.from(source), roads.network()));
                return app.get();
            }));
        }
        try (LogFile log = LogFile.open(config.logFile());
             LocalStack stack = new LocalStack(services, line -> {
                 out.println(line);
                 out.flush();
             })) {
            stack.start();
            for (AtomicReference<StreamsApp> app : apps) {
                DispatchWorkload.awaitRunning(app.get());
            }
            run(out, config, roads);
        }
        return 0;
    }

    private void run(PrintWriter out, LocalStackConfig config, RoadNetworkService roads) throws Exception {
        RoadPoints points = new RoadPoints(roads.network(), SEED);
        List<GeoPoint> posts = points.take(units);
        List<GeoPoint> beats = points.take(units);
        RegistryClient registry = new RegistryClient(RegistryClientConfig.of(config.registryUrl().toString()));
        Serializer<OfficerStatus> statusSerializer = AvroSerdes.value(OfficerStatus.class, registry).serializer();
        Serializer<PositionFix> fixSerializer = AvroSerdes.value(PositionFix.class, registry).serializer();
        StringSerializer keys = new StringSerializer();
        String statusTopic = Topic.OFFICER_STATUS.topicName();
        String fixTopic = Topic.TELEMATICS.topicName();
        byte[][] unitKeys = new byte[units][];
        for (int i = 0; i < units; i++) {
            unitKeys[i] = keys.serialize(fixTopic, DispatchWorkload.officerId(i));
        }
        AtomicLong failed = new AtomicLong();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
             KafkaProducer<byte[], byte[]> producer = producer(config.bootstrapServers())) {
            Instant now = Instant.now();
            for (int i = 0; i < units; i++) {
                OfficerStatus status = DispatchWorkload.status(i, posts.get(i), points.group(posts.get(i)), now);
                producer.send(new ProducerRecord<>(statusTopic, unitKeys[i], statusSerializer.serialize(statusTopic, status)));
            }
            producer.flush();
            awaitCommitted(admin, statusTopic, CATCH_UP_LIMIT);
            // The desks take the units in from the repartition topic after the officer table has: the fixes' clock starts
            // once they have, or it would count each desk reading its group's units for every unit new to it.
            awaitCommitted(admin, REGROUPED, CATCH_UP_LIMIT);
            out.printf(Locale.ROOT, "%,d units AVAILABLE; sending fixes for %d s over %d partitions to %d instance(s) x %d thread(s)%n",
                    units, duration.toSeconds(), partitions, instances, threads);
            out.flush();

            Map<TopicPartition, Long> fixStart = endOffsets(admin, fixTopic);
            long regroupedStart = sum(endOffsets(admin, REGROUPED));
            long streamCpuStart = StreamThreadCpu.nanos();
            long startCommitted = committed(admin, fixTopic);
            long sendStart = System.nanoTime();
            long sendEnd = sendStart + duration.toNanos();
            long sent = 0;
            List<long[]> samples = new ArrayList<>();
            long nextSample = sendStart + 1_000_000_000L;
            while (System.nanoTime() < sendEnd) {
                double drivenMeters = SPEED_MPS * (System.nanoTime() - sendStart) / 1e9;
                for (int k = 0; k < 1_000; k++, sent++) {
                    int i = (int) (sent % units);
                    GeoPoint at = driving(posts.get(i), beats.get(i), drivenMeters);
                    PositionFix fix = PositionFix.newBuilder().setOfficerId(DispatchWorkload.officerId(i)).setFixedAt(Instant.now())
                            .setPosition(new org.bluelight.schemas.GeoPoint(at.lat(), at.lon())).setSpeedMps((float) SPEED_MPS).build();
                    producer.send(new ProducerRecord<>(fixTopic, unitKeys[i], fixSerializer.serialize(fixTopic, fix)), (m, e) -> {
                        if (e != null) {
                            failed.incrementAndGet();
                        }
                    });
                }
                if (maxRate > 0) {
                    long due = sendStart + sent * 1_000_000_000L / maxRate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                if (System.nanoTime() >= nextSample) {
                    samples.add(new long[] {System.nanoTime(), committed(admin, fixTopic) - startCommitted});
                    nextSample += 1_000_000_000L;
                }
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
            long total = endOffsets(admin, fixTopic).values().stream().mapToLong(Long::longValue).sum()
                    - fixStart.values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
            long done = committed(admin, fixTopic) - startCommitted;
            while (done < total && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                done = committed(admin, fixTopic) - startCommitted;
                samples.add(new long[] {System.nanoTime(), done});
            }
            // The officer table reads the fixes that moved a unit from one repartition topic, the desks their changes from
            // another: the path is done when both have.
            for (String repartitioned : List.of(MOVES, REGROUPED)) {
                while (committed(admin, repartitioned) < sum(endOffsets(admin, repartitioned)) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
            double seconds = (System.nanoTime() - sendStart) / 1e9;
            long streamCpu = StreamThreadCpu.nanos() - streamCpuStart;
            report(out, total, failed.get(), sendSeconds, done, seconds, samples, sum(endOffsets(admin, REGROUPED)) - regroupedStart,
                    streamCpu);
        }
    }

    /** Where a unit is after driving {@code meters} from its post to its beat and back, on the straight line, again and again. */
    static GeoPoint driving(GeoPoint post, GeoPoint beat, double meters) {
        double length = post.metersTo(beat);
        if (length < 1) {
            return post;
        }
        double lap = meters % (2 * length);
        double along = (lap <= length ? lap : 2 * length - lap) / length;
        return new GeoPoint(post.lat() + along * (beat.lat() - post.lat()), post.lon() + along * (beat.lon() - post.lon()));
    }

    private void report(PrintWriter out, long total, long failed, double sendSeconds, long done, double seconds,
                        List<long[]> samples, long toDesks, long streamCpuNanos) {
        List<Double> perSecond = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            double dt = (samples.get(i)[0] - samples.get(i - 1)[0]) / 1e9;
            if (samples.get(i - 1)[1] < total && dt > 0.5) {
                perSecond.add((samples.get(i)[1] - samples.get(i - 1)[1]) / dt);
            }
        }
        perSecond.sort(Double::compare);
        out.println();
        out.printf(Locale.ROOT, "telematics bench: %,d units, %d partitions, %d dispatch instance(s) x %d stream thread(s), exactly_once_v2; "
                + "load average at the end %.2f on %d cores%n", units, partitions, instances, threads,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  sent %,d fixes in %.1f s (%,.0f/s offered)%s%n", total, sendSeconds, total / sendSeconds,
                failed > 0 ? ", " + failed + " sends failed" : "");
        out.printf(Locale.ROOT, "  processed and committed (officer table and desks): %,d of %,d in %.1f s from the first send = %,.0f fixes/s "
                + "(%,.0f/s per instance)%n",
                done, total, seconds, done / seconds, done / seconds / instances);
        out.printf(Locale.ROOT, "  went on to the desks: %,d fixes (%.1f%%; the rest ended at the officer table)%n",
                toDesks, 100.0 * toDesks / Math.max(1, total));
        if (!perSecond.isEmpty()) {
            out.printf(Locale.ROOT, "  committed per second while behind: median %,.0f, min %,.0f, max %,.0f (%d samples)%n",
                    perSecond.get(perSecond.size() / 2), perSecond.get(0), perSecond.get(perSecond.size() - 1), perSecond.size());
        }
        if (done < total) {
            out.printf(Locale.ROOT, "  NOT caught up within %d s after sending ended%n", CATCH_UP_LIMIT.toSeconds());
        }
        // CPU time is the steadier measure on a loaded machine: wall clock there is mostly waiting for a core.
        out.printf(Locale.ROOT, "  stream threads' CPU: %.1f s, %.1f ms per 1,000 fixes (%,.0f fixes per CPU second)%n",
                streamCpuNanos / 1e9, streamCpuNanos / 1e6 / Math.max(1, done) * 1_000, done / Math.max(1e-9, streamCpuNanos / 1e9));
        out.printf(Locale.ROOT, "  rerun: %s%n", Rerun.line(spec));
        out.flush();
    }

    /** Offsets the dispatch app has committed on {@code topic}, summed over its partitions. */
    private static long committed(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(DispatchApp.APPLICATION_ID)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static void awaitCommitted(Admin admin, String topic, Duration limit) throws Exception {
        long end = endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + limit.toNanos();
        while (committed(admin, topic) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The dispatch app did not read " + topic + " within " + limit);
            }
            Thread.sleep(200);
        }
    }


    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
