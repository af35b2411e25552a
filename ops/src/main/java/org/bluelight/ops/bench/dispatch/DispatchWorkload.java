package org.bluelight.ops.bench.dispatch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.RoadNetworkService;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.RoadNetwork;
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
import org.bluelight.schemas.serde.AvroSerdes;

/**
 * The load the dispatch and console benchmarks feed: officers AVAILABLE at random points on the
 * roads, a telematics fix from each every 5 s, and grade 1-2 incidents at a fixed rate, noting
 * when each incident was published.
 */
public final class DispatchWorkload implements AutoCloseable {

    public static final Duration TELEMATICS_PERIOD = Duration.ofSeconds(5);
    private static final long TELEMATICS_TICK_MS = 100;
    private static final long SEED = 42;
    private static final Duration APP_START_LIMIT = Duration.ofMinutes(3);
    private static final Path COUNTY_DIR = Path.of("target", "bench-dispatch");
    /** The county's graph, shared by the benches that run the dispatch app. */
    static final Path GRAPH_CACHE = COUNTY_DIR.resolve("graph-cache");

    private final int officers;
    private final double rate;
    private final int incidentCount;
    private final RoadPoints points;
    private final List<GeoPoint> posts;
    private final List<GeoPoint> scenes;
    private final Serializer<OfficerStatus> statusSerializer;
    private final Serializer<PositionFix> fixSerializer;
    private final Serializer<IncidentEvent> incidentSerializer;
    private final StringSerializer keys = new StringSerializer();
    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService feed = Executors.newScheduledThreadPool(2);
    private final Map<String, Long> publishedMillis = new ConcurrentHashMap<>();
    private final AtomicInteger nextIncident = new AtomicInteger();
    private volatile long feedStartMillis;

    public DispatchWorkload(RoadNetwork network, int officers, double rate, Duration duration, String bootstrapServers,
                            RegistryClient registry) {
        this.officers = officers;
        this.rate = rate;
        this.incidentCount = (int) Math.ceil(rate * duration.toMillis() / 1000.0);
        this.points = new RoadPoints(network, SEED);
        this.posts = points.take(officers);
        this.scenes = points.take(incidentCount);
        this.statusSerializer = AvroSerdes.value(OfficerStatus.class, registry).serializer();
        this.fixSerializer = AvroSerdes.value(PositionFix.class, registry).serializer();
        this.incidentSerializer = AvroSerdes.value(IncidentEvent.class, registry).serializer();
        this.producer = producer(bootstrapServers);
    }

    public int incidentCount() {
        return incidentCount;
    }

    public static int groups() {
        return RoadPoints.GROUPS.size();
    }

    /** Every officer AVAILABLE at its post, flushed. */
    public void sendStatuses() {
        Instant now = Instant.now();
        String topic = Topic.OFFICER_STATUS.topicName();
        for (int i = 0; i < officers; i++) {
            OfficerStatus status = status(i, posts.get(i), points.group(posts.get(i)), now);
            producer.send(new ProducerRecord<>(topic, keys.serialize(topic, status.getOfficerId()), statusSerializer.serialize(topic, status)));
        }
        producer.flush();
    }

    /** Starts every officer's fixes, one each {@link #TELEMATICS_PERIOD}, spread evenly; {@link #startIncidents()} follows. */
    public void startTelematics() {
        // A CAD's producer is long-lived: the first incident's clock must not include this producer's first
        // look-up of the topics' partitions (send blocks for it) or the serializers' first schema look-ups.
        for (String topic : List.of(Topic.TELEMATICS.topicName(), Topic.INCIDENTS.topicName())) {
            producer.partitionsFor(topic);
        }
        fixSerializer.serialize(Topic.TELEMATICS.topicName(), fix(0, posts.get(0)));
        AtomicInteger nextFix = new AtomicInteger();
        int fixesPerTick = (int) Math.ceil(officers * (double) TELEMATICS_TICK_MS / TELEMATICS_PERIOD.toMillis());
        feed.scheduleAtFixedRate(() -> {
            String topic = Topic.TELEMATICS.topicName();
            for (int k = 0; k < fixesPerTick; k++) {
                int i = Math.floorMod(nextFix.getAndIncrement(), officers);
                PositionFix fix = fix(i, posts.get(i));
                producer.send(new ProducerRecord<>(topic, keys.serialize(topic, fix.getOfficerId()), fixSerializer.serialize(topic, fix)));
            }
        }, 0, TELEMATICS_TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts the incidents at the fixed rate; {@link #awaitFed()} waits for the last one. */
    public void startIncidents() {
        incidentSerializer.serialize(Topic.INCIDENTS.topicName(), incident(0, 1, IncidentCategory.values()[0], scenes.get(0),
                points.group(scenes.get(0))));
        SplittableRandom random = new SplittableRandom(SEED);
        long periodMicros = Math.max(1, Math.round(1_000_000 / rate));
        feedStartMillis = System.currentTimeMillis();
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
    }

    /** Returns once every incident is published, with the feed stopped and flushed. */
    public void awaitFed() throws InterruptedException {
        while (nextIncident.get() < incidentCount) {
            Thread.sleep(100);
        }
        feed.shutdownNow();
        feed.awaitTermination(5, TimeUnit.SECONDS);
        producer.flush();
    }

    /** Incident id → when it was handed to the producer (wall-clock milliseconds). */
    public Map<String, Long> publishedMillis() {
        return publishedMillis;
    }

    public long feedStartMillis() {
        return feedStartMillis;
    }

    @Override
    public void close() {
        feed.shutdownNow();
        producer.close(Duration.ofSeconds(5));
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

    /**
     * The dispatch app on a bench's stack, routing on {@code roads}, its state under the stack's data
     * directory; {@code settings} adds to the addresses, e.g. the processing guarantee.
     */
    public static StreamsApp dispatchApp(LocalStackConfig config, RoadNetworkService roads, Path map, int httpPort,
                                         Map<String, String> settings, StreamsAppConfig.LatencyDefaults latency) {
        MapBounds bounds = roads.network().bounds();
        Map<String, String> values = new HashMap<>(settings);
        values.put("bootstrap.servers", config.bootstrapServers());
        values.put("schema.registry.url", config.registryUrl().toString());
        values.put("state.dir", config.dataDir().resolve("state").toAbsolutePath().toString());
        values.put("routing.osm.file", map.toString());
        values.put("dispatch.map.bounds", bounds.minLat() + "," + bounds.minLon() + "," + bounds.maxLat() + "," + bounds.maxLon());
        ConfigSource source = ConfigSource.of(values);
        return DispatchApp.create(DispatchApp.config(source, httpPort, latency), DispatchSettings.from(source),
                roads.network());
    }

    public static void awaitRunning(StreamsApp app) throws InterruptedException {
        long deadline = System.nanoTime() + APP_START_LIMIT.toNanos();
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (app.state() == KafkaStreams.State.ERROR || app.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() > deadline) {
                throw new IllegalStateException("The dispatch app did not reach RUNNING: " + app.state());
            }
            Thread.sleep(100);
        }
    }

    /** The generated county (seed 1), written once under target/bench-dispatch/. */
    public static Path countyMap(PrintWriter out) throws IOException {
        Path file = COUNTY_DIR.resolve("county.osm.gz");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(COUNTY_DIR);
            out.println("Generating the county map " + file + " ...");
            out.flush();
            CountyGenerator.generate(MapPreset.COUNTY, 1, file);
        }
        return file;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
