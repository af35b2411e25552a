package org.bluelight.ops.bench.dispatch;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.bench.BenchWorkspace;
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
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench dispatch}: a real broker, registry and dispatch app in this JVM; officers on
 * the roads, telematics every 5 s, incidents at a fixed rate; prints publish-to-first-recommendation
 * latency as a read_committed consumer sees it.
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Incident-to-recommendation latency of the dispatch app on a real local broker and registry:",
            "officers AVAILABLE on the roads, telematics for each every 5 s, incidents (grade 1-2) at a fixed rate."})
public final class BenchDispatchCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-dispatch");
    /** The county's graph, shared with {@code bench telematics}. */
    static final Path GRAPH_CACHE = WORK_DIR.resolve("graph-cache");
    private static final Duration TELEMATICS_PERIOD = Duration.ofSeconds(5);
    private static final long TELEMATICS_TICK_MS = 100;
    private static final Duration APP_START_LIMIT = Duration.ofMinutes(3);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    private static final Duration SETTLE_AFTER_STATUS = Duration.ofSeconds(3);
    private static final long SEED = 42;
    /** Incidents published this soon after the first are also left out of a second set of figures. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Option(names = "--officers", paramLabel = "N", defaultValue = "1000", description = "Officers on duty (default: ${DEFAULT-VALUE}).")
    private int officers;

    @Option(names = "--rate", paramLabel = "PER_S", defaultValue = "20", description = "Incidents per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long incidents are fed, e.g. 60s, 2m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--processing-guarantee", paramLabel = "G", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    private String processingGuarantee;

    @Option(names = "--low-latency",
            description = "The app's documented low-latency setting (commit every 20 ms, producers linger 0 ms) instead of its defaults.")
    private boolean lowLatency;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            description = "The app's commit.interval.ms (default: the app's own, 50 ms; 20 ms with --low-latency).")
    private Long commitIntervalMs;

    @Option(names = "--producer-linger-ms", paramLabel = "MS",
            description = "The app's producer linger.ms (default: the app's own, 5 ms; 0 ms with --low-latency).")
    private Integer producerLingerMs;

    @Option(names = "--osm", paramLabel = "FILE",
            description = "Road map (default: the generated county, written to target/bench-dispatch/county.osm.gz if missing).")
    private Path osm;

    @Override
    public Integer call() throws Exception {
        if (officers < 1 || rate <= 0 || duration.isNegative() || duration.isZero()
                || (commitIntervalMs != null && commitIntervalMs < 0)) {
            throw new ParameterException(spec.commandLine(), "--officers, --rate and --duration must be positive, --commit-interval-ms >= 0");
        }
        if (!processingGuarantee.equals("exactly_once_v2") && !processingGuarantee.equals("at_least_once")) {
            throw new ParameterException(spec.commandLine(), "--processing-guarantee must be exactly_once_v2 or at_least_once");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path map = osm != null ? osm : countyMap(out);
        if (!Files.isRegularFile(map)) {
            throw new ParameterException(spec.commandLine(), "No map at " + map.toAbsolutePath());
        }
        Path dataDir = WORK_DIR.resolve("stack");
        BenchWorkspace.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int[] ports = BenchWorkspace.freePorts(4);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local());
        RoadNetworkService roads = new RoadNetworkService(map, GRAPH_CACHE);
        AtomicReference<StreamsApp> dispatch = new AtomicReference<>();
        AtomicReference<StreamsAppConfig> appSettings = new AtomicReference<>();
        List<LocalService> services = new ArrayList<>(LocalServices.standard(config));
        services.add(roads);
        services.add(new StreamsAppService("dispatch app", "", () -> {
            MapBounds bounds = roads.network().bounds();
            Map<String, String> values = new java.util.HashMap<>(Map.of(
                    "bootstrap.servers", config.bootstrapServers(),
                    "schema.registry.url", config.registryUrl().toString(),
                    "state.dir", dataDir.resolve("state").toAbsolutePath().toString(),
                    "routing.osm.file", map.toString(),
                    "dispatch.map.bounds", bounds.minLat() + "," + bounds.minLon() + "," + bounds.maxLat() + "," + bounds.maxLon(),
                    StreamsAppConfig.PROCESSING_GUARANTEE, processingGuarantee));
            if (commitIntervalMs != null) {
                values.put(StreamsAppConfig.COMMIT_INTERVAL_MS, commitIntervalMs.toString());
            }
            if (producerLingerMs != null) {
                values.put(StreamsAppConfig.KAFKA_PREFIX + StreamsAppConfig.PRODUCER_LINGER_MS, producerLingerMs.toString());
            }
            ConfigSource source = ConfigSource.of(values);
            StreamsAppConfig appConfig = StreamsAppConfig.from(source, DispatchApp.APPLICATION_ID, ports[3],
                    lowLatency ? DispatchApp.LOW_LATENCY : DispatchApp.LATENCY_DEFAULTS);
            appSettings.set(appConfig);
            dispatch.set(DispatchApp.create(appConfig, DispatchSettings.from(source), roads.network()));
            return dispatch.get();
        }));
        try (LogFile log = LogFile.open(config.logFile());
             LocalStack stack = new LocalStack(services, line -> {
                 out.println(line);
                 out.flush();
             })) {
            stack.start();
            awaitRunning(dispatch.get());
            out.printf(Locale.ROOT, "map %s: %,d junctions; dispatch app %s%n", map, roads.network().nodeCount(),
                    dispatch.get().state());
            run(out, config, roads, dispatch.get(), appSettings.get());
        }
        return 0;
    }

    private void run(PrintWriter out, LocalStackConfig config, RoadNetworkService roads, StreamsApp app, StreamsAppConfig appConfig)
            throws Exception {
        RoadPoints points = new RoadPoints(roads.network(), SEED);
        List<GeoPoint> posts = points.take(officers);
        int incidentCount = (int) Math.ceil(rate * duration.toMillis() / 1000.0);
        List<GeoPoint> scenes = points.take(incidentCount);
        RegistryClient registry = new RegistryClient(RegistryClientConfig.of(config.registryUrl().toString()));
        Serializer<OfficerStatus> statusSerializer = AvroSerdes.value(OfficerStatus.class, registry).serializer();
        Serializer<PositionFix> fixSerializer = AvroSerdes.value(PositionFix.class, registry).serializer();
        Serializer<IncidentEvent> incidentSerializer = AvroSerdes.value(IncidentEvent.class, registry).serializer();
        StringSerializer keys = new StringSerializer();
        Map<String, Long> publishedMillis = new ConcurrentHashMap<>();
        ScheduledExecutorService feed = Executors.newScheduledThreadPool(2);
        try (KafkaProducer<byte[], byte[]> producer = producer(config.bootstrapServers());
             RecommendationWatch watch = new RecommendationWatch(config.bootstrapServers(), registry)) {
            Instant now = Instant.now();
            for (int i = 0; i < officers; i++) {
                OfficerStatus status = status(i, posts.get(i), points.group(posts.get(i)), now);
                String topic = Topic.OFFICER_STATUS.topicName();
                producer.send(new ProducerRecord<>(topic, keys.serialize(topic, status.getOfficerId()),
                        statusSerializer.serialize(topic, status)));
            }
            producer.flush();
            Thread.sleep(SETTLE_AFTER_STATUS.toMillis() + appConfig.commitInterval().toMillis());
            out.printf(Locale.ROOT, "%,d officers AVAILABLE in %d dispatch groups; feeding %,d incidents at %.1f/s for %d s "
                    + "and telematics for every officer every %d s%n", officers, RoadPoints.GROUPS.size(), incidentCount, rate,
                    duration.toSeconds(), TELEMATICS_PERIOD.toSeconds());
            out.flush();

            AtomicInteger nextFix = new AtomicInteger();
            int fixesPerTick = (int) Math.ceil(officers * (double) TELEMATICS_TICK_MS / TELEMATICS_PERIOD.toMillis());
            feed.scheduleAtFixedRate(() -> {
                String topic = Topic.TELEMATICS.topicName();
                for (int k = 0; k < fixesPerTick; k++) {
                    int i = Math.floorMod(nextFix.getAndIncrement(), officers);
                    PositionFix fix = fix(i, posts.get(i));
                    producer.send(new ProducerRecord<>(topic, keys.serialize(topic, fix.getOfficerId()),
                            fixSerializer.serialize(topic, fix)));
                }
            }, 0, TELEMATICS_TICK_MS, TimeUnit.MILLISECONDS);

            SplittableRandom random = new SplittableRandom(SEED);
            AtomicInteger nextIncident = new AtomicInteger();
            long periodMicros = Math.max(1, Math.round(1_000_000 / rate));
            long feedStart = System.currentTimeMillis();
            feed.scheduleAtFixedRate(() -> {
                int n = nextIncident.getAndIncrement();
                if (n >= incidentCount) {
                    return;
                }
                GeoPoint scene = scenes.get(n);
                int grade;
                IncidentCategory category;
                synchronized (random) {
                    grade = 1 + random.nextInt(2);
                    category = IncidentCategory.values()[random.nextInt(IncidentCategory.values().length)];
                }
                String topic = Topic.INCIDENTS.topicName();
                IncidentEvent incident = incident(n, grade, category, scene, points.group(scene));
                byte[] key = keys.serialize(topic, incident.getIncidentId());
                byte[] value = incidentSerializer.serialize(topic, incident);
                publishedMillis.put(incident.getIncidentId(), System.currentTimeMillis());
                producer.send(new ProducerRecord<>(topic, key, value));
            }, 0, periodMicros, TimeUnit.MICROSECONDS);

            while (nextIncident.get() < incidentCount) {
                Thread.sleep(100);
            }
            feed.shutdownNow();
            feed.awaitTermination(5, TimeUnit.SECONDS);
            producer.flush();
            long drainDeadline = System.currentTimeMillis() + DRAIN_LIMIT.toMillis();
            while (watch.incidentsSeen() < publishedMillis.size() && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(50);
            }
            report(out, app, appConfig, config, publishedMillis, watch, feedStart, incidentCount);
        } finally {
            feed.shutdownNow();
        }
    }

    private void report(PrintWriter out, StreamsApp app, StreamsAppConfig appConfig, LocalStackConfig config,
            Map<String, Long> publishedMillis,
            RecommendationWatch watch, long feedStart, int incidentCount) {
        List<Long> latencies = new ArrayList<>();
        List<Long> steady = new ArrayList<>();
        publishedMillis.forEach((id, published) -> {
            Long seen = watch.firstSeen(id);
            if (seen != null) {
                latencies.add(seen - published);
                if (published - feedStart >= WARM_UP.toMillis()) {
                    steady.add(seen - published);
                }
            }
        });
        latencies.sort(Comparator.naturalOrder());
        steady.sort(Comparator.naturalOrder());
        long missing = publishedMillis.size() - latencies.size();
        double seconds = Math.max(1, watch.lastReceivedMillis() - feedStart) / 1000.0;
        Map<String, Long> deadLetters = DeadLetterCount.of(config.bootstrapServers(), app.deadLetterTopics());
        out.println();
        out.printf(Locale.ROOT, "dispatch bench: %,d officers, %,d incidents at %.1f/s over %d s, %s, commit.interval.ms=%d, "
                + "producer linger.ms=%s (%s); load average at the end %.2f on %d cores%n", officers, incidentCount, rate,
                duration.toSeconds(), processingGuarantee, appConfig.commitInterval().toMillis(),
                appConfig.kafkaOverrides().getOrDefault(StreamsAppConfig.PRODUCER_LINGER_MS, "Streams default"),
                lowLatency ? "low-latency setting" : "app defaults" + (commitIntervalMs != null || producerLingerMs != null ? " overridden" : ""),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        if (latencies.isEmpty()) {
            out.println("  no incident got a recommendation");
        } else {
            out.printf(Locale.ROOT, "  publish -> first recommendation (read_committed): p50 %d ms, p99 %d ms, max %d ms (%,d incidents)%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(latencies.size() - 1), latencies.size());
        }
        if (!steady.isEmpty()) {
            out.printf(Locale.ROOT, "  the same after the first %d s (JIT warm-up):          p50 %d ms, p99 %d ms, max %d ms (%,d incidents)%n",
                    WARM_UP.toSeconds(), percentile(steady, 0.50), percentile(steady, 0.99), steady.get(steady.size() - 1), steady.size());
        }
        out.printf(Locale.ROOT, "  incidents without a recommendation after %d s of drain: %,d%n", DRAIN_LIMIT.toSeconds(), missing);
        out.printf(Locale.ROOT, "  recommendations read: %,d (%.1f/s from first incident to last recommendation), %,d with no candidate%n",
                watch.received(), watch.received() / seconds, watch.withoutCandidate());
        long totalDead = deadLetters.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "  dead letters: %,d %s%n", totalDead, deadLetters);
        out.printf(Locale.ROOT, "  rerun: %s%n", Rerun.line(spec));
        out.flush();
    }

    private static long percentile(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static OfficerStatus status(int i, GeoPoint post, String group, Instant now) {
        DrivingStandard[] standards = DrivingStandard.values();
        return OfficerStatus.newBuilder()
                .setOfficerId(officerId(i))
                .setCallSign("BN" + i)
                .setState(OfficerState.AVAILABLE)
                .setChangedAt(now)
                .setCrewSize(1)
                .setDrivingStandard(standards[i % standards.length])
                .setTransport(Transport.CAR)
                .setDispatchGroup(group)
                .setShiftStart(now.minus(Duration.ofHours(1)))
                .setShiftEnd(now.plus(Duration.ofHours(9)))
                .setPosition(point(post))
                .build();
    }

    private static PositionFix fix(int i, GeoPoint post) {
        return PositionFix.newBuilder()
                .setOfficerId(officerId(i))
                .setFixedAt(Instant.now())
                .setPosition(point(post))
                .setSpeedMps(0f)
                .build();
    }

    private static IncidentEvent incident(int n, int grade, IncidentCategory category, GeoPoint scene, String group) {
        Instant now = Instant.now();
        return IncidentEvent.newBuilder()
                .setIncidentId("bench-" + n)
                .setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(now)
                .setReportedAt(now)
                .setGrade(grade)
                .setCategory(category)
                .setLocation(point(scene))
                .setDispatchGroup(group)
                .setOfficersRequired(1)
                .build();
    }

    static String officerId(int i) {
        return "bench-officer-" + i;
    }

    private static org.bluelight.schemas.GeoPoint point(GeoPoint p) {
        return new org.bluelight.schemas.GeoPoint(p.lat(), p.lon());
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static void awaitRunning(StreamsApp app) throws InterruptedException {
        long deadline = System.nanoTime() + APP_START_LIMIT.toNanos();
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (app.state() == KafkaStreams.State.ERROR || app.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("The dispatch app did not reach RUNNING: " + app.state());
            }
            Thread.sleep(100);
        }
    }

    /** The generated county (seed 1), written once under target/. */
    static Path countyMap(PrintWriter out) throws IOException {
        Path file = WORK_DIR.resolve("county.osm.gz");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(WORK_DIR);
            out.println("Generating the county map " + file + " ...");
            out.flush();
            CountyGenerator.generate(MapPreset.COUNTY, 1, file);
        }
        return file;
    }
}
