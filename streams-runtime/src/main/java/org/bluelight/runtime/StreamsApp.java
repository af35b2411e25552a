package org.bluelight.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.bluelight.runtime.config.StaticMembership;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.config.UncleanShutdown;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.PoisonRecords;
import org.bluelight.runtime.time.PlausibleTimestamps;
import org.bluelight.runtime.deadletter.DeadLetterTopics;
import org.bluelight.runtime.deadletter.MissingDeadLetterTopicsException;
import org.bluelight.runtime.http.HealthEndpoint;
import org.bluelight.runtime.http.HttpEndpoints;
import org.bluelight.runtime.http.QueryHandler;
import org.bluelight.runtime.metrics.AppMetrics;
import org.bluelight.runtime.metrics.RepeatedRestores;
import org.bluelight.runtime.metrics.RestoreAlarm;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.serde.SchemaWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running streams app: Kafka Streams with our configuration and dead-letter handlers, its
 * metrics, and its HTTP endpoints ({@code /health}, {@code /metrics}, and the app's own query
 * routes). Holds no static state and never exits the JVM, so several apps can share one JVM
 * (the local stack) as well as run alone:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.forMain(args), "bluelight-dispatch", 8090);
 *     try (StreamsApp app = new StreamsApp(config, DispatchTopology::build)) {
 *         app.route("/backlog", query -> ...);
 *         KafkaStreams.State last = app.run();          // returns on SIGTERM or when Kafka Streams stops
 *         if (last == KafkaStreams.State.ERROR) System.exit(1);
 *     }
 * }
 * }</pre>
 *
 * A stream thread that dies of an uncaught exception is replaced.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    /** Kafka Streams' own {@code transaction.timeout.ms} under exactly-once. */
    private static final String KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS = "10000";

    private final StreamsAppConfig config;
    private final AppMetrics metrics;
    private final AppSerdes serdes;
    private final KafkaStreams streams;
    private final Properties streamsProperties;
    private final SortedSet<String> deadLetterTopics;
    private final SchemaWarmUp schemaWarmUp;
    private final HttpEndpoints http;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final UncleanShutdown uncleanShutdown;
    private final List<AutoCloseable> closedAfterStreams = new CopyOnWriteArrayList<>();
    private boolean started;
    private boolean closed;

    /** Builds the topology and Kafka Streams; nothing runs and no port is bound until {@link #start()}. */
    public StreamsApp(StreamsAppConfig config, TopologyFactory topologyFactory) {
        this(config, AppSerdes.connect(config.registry()), topologyFactory);
    }

    /** As {@link #StreamsApp(StreamsAppConfig, TopologyFactory)} with serdes made elsewhere (e.g. shared in one JVM). */
    public StreamsApp(StreamsAppConfig config, AppSerdes serdes, TopologyFactory topologyFactory) {
        this.config = Objects.requireNonNull(config, "config");
        this.serdes = Objects.requireNonNull(serdes, "serdes");
        Objects.requireNonNull(topologyFactory, "topologyFactory");
        String applicationId = config.applicationId();
        metrics = new AppMetrics(applicationId);
        TopologyDescription description;
        try {
            DeadLetterQueue deadLetters = new DeadLetterQueue(applicationId, config.deadLetterEnabled(), metrics.registry());
            Topology topology = topologyFactory.build(new AppContext(config, serdes, metrics.registry()));
            description = topology.describe();
            deadLetterTopics = DeadLetterTopics.of(description);
            schemaWarmUp = SchemaWarmUp.of(applicationId, description);
            streamsProperties = StaticMembership.addTo(deadLetters.addTo(config.streamsProperties()), config.stateDir(), applicationId);
            new PlausibleTimestamps(applicationId, config.timestampsMaxAhead(), metrics.registry(), Clock.systemUTC())
                    .addTo(streamsProperties);
            Path stateDir = Path.of(streamsProperties.getProperty(StreamsConfig.STATE_DIR_CONFIG));
            new PoisonRecords(stateDir, applicationId, config.recordMaxAttempts(), slowRecord(streamsProperties), Clock.systemUTC())
                    .addTo(streamsProperties);
            uncleanShutdown = new UncleanShutdown(stateDir, applicationId);
            if (StreamsConfig.EXACTLY_ONCE_V2.equals(streamsProperties.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
                List<String> discarded = uncleanShutdown.discardTaskState();
                if (!discarded.isEmpty()) {
                    LOG.info("{} did not close cleanly last time: removed the state of tasks {}, restored from the changelogs instead",
                            applicationId, discarded);
                }
            }
            streams = new KafkaStreams(topology, streamsProperties, deadLetters.kafkaClients());
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stream thread of {} died; replacing it", applicationId, exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setGlobalStateRestoreListener(new RestoreAlarm(applicationId, RepeatedRestores.defaults(), metrics.registry(),
                Clock.systemUTC(), description));
        streams.setStateListener((newState, oldState) -> {
            LOG.info("{}: {} -> {} ({})", applicationId, oldState, newState, jvmAge());
            if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        http = new HttpEndpoints(config.http(), applicationId);
        http.route("/health", new HealthEndpoint(applicationId, streams::state));
        http.routeText("/metrics", "text/plain; version=0.0.4; charset=utf-8", metrics::scrape);
    }

    /**
     * How long one record's processing may take before its task has failed: under exactly-once, the
     * producer's transaction timeout (the broker then aborts the transaction); nothing times out otherwise.
     */
    private static Duration slowRecord(Properties streamsProperties) {
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(streamsProperties.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
            return Duration.ZERO;
        }
        String timeout = streamsProperties.getProperty(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                streamsProperties.getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, KAFKA_STREAMS_TRANSACTION_TIMEOUT_MS));
        return Duration.ofMillis(Long.parseLong(timeout.trim()));
    }

    /**
     * Opens the HTTP endpoints, then starts Kafka Streams and exports its metrics.
     *
     * @throws MissingDeadLetterTopicsException if dead letters are on and a topic the topology reads
     *                                          has no {@code <topic>.dlq} on the cluster (the app's
     *                                          fallback dead-letter topic is created if missing)
     * @throws java.io.UncheckedIOException     if the HTTP port cannot be bound
     */
    public synchronized StreamsApp start() {
        if (closed) {
            throw new IllegalStateException("Already closed");
        }
        if (started) {
            return this;
        }
        LOG.info("Starting {} ({})", config, jvmAge());
        if (config.deadLetterEnabled()) {
            DeadLetterTopics.createFallback(config.applicationId(), config.replicationFactor(), streamsProperties);
            SortedSet<String> required = new TreeSet<>(deadLetterTopics);
            required.add(fallbackDeadLetterTopic());
            DeadLetterTopics.requireExisting(required, streamsProperties);
        }
        http.start();
        started = true;
        uncleanShutdown.running();
        metrics.bind(streams, config.applicationId());
        warmUpSchemas();
        streams.start();
        LOG.info("{} answers on http://{}:{}/health", config.applicationId(), config.http().host(), http.port());
        return this;
    }

    /**
     * Starts (if not started) and blocks until the app is closed (also by SIGTERM/Ctrl-C, through a
     * shutdown hook) or Kafka Streams stops by itself; then closes. Returns the last Kafka Streams
     * state: {@code ERROR} means it failed.
     */
    public KafkaStreams.State run() throws InterruptedException {
        Thread hook = new Thread(this::close, config.applicationId() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            start();
            stopped.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already running the hook, which closes the app.
            }
        }
        KafkaStreams.State last = streams.state();
        close();
        return last;
    }

    /**
     * Asks the registry what the topology's first records would ask it ({@link SchemaWarmUp}) on a thread of
     * its own while Kafka Streams joins its group and restores: otherwise the first record of each topic and
     * store waits for a registry round trip (and the first of them for the HTTP client's start) on the stream
     * thread, after RUNNING. What the registry does not answer now the serdes ask again when they need it.
     */
    private void warmUpSchemas() {
        Thread warmUp = new Thread(() -> {
            long start = System.nanoTime();
            AppSerdes.Warmed warmed = serdes.warmUp(schemaWarmUp);
            LOG.info("Schemas of {} topics and {} stores looked up or registered in {} ms ({})", warmed.topics(), warmed.stores(),
                    (System.nanoTime() - start) / 1_000_000, jvmAge());
            if (!warmed.failures().isEmpty()) {
                LOG.warn("Could not warm up {} of {}'s schemas ahead: {}", warmed.failures().size(), config.applicationId(),
                        warmed.failures());
            }
        }, config.applicationId() + "-schema-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * How long the JVM has run and how much CPU it has used: what times a start on a busy machine,
     * where the wall clock mostly measures the other processes.
     */
    static String jvmAge() {
        String age = ManagementFactory.getRuntimeMXBean().getUptime() + " ms after the JVM started";
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            age += ", " + os.getProcessCpuTime() / 1_000_000 + " ms of its CPU";
        }
        return age;
    }

    /** Adds a JSON query endpoint at {@code path} (and below), e.g. an interactive query over a state store. */
    public void route(String path, QueryHandler handler) {
        http.route(path, handler);
    }

    /** The Kafka Streams instance, for interactive queries ({@code streams().store(...)}). */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public StreamsAppConfig config() {
        return config;
    }

    /** The dead-letter topics this app's topology needs ({@code <source topic>.dlq}). */
    public SortedSet<String> deadLetterTopics() {
        return deadLetterTopics;
    }

    /**
     * Where letters go whose source topic cannot be known, {@code <application.id>.dlq}; created
     * at start if missing.
     */
    public String fallbackDeadLetterTopic() {
        return DeadLetterTopics.fallback(config.applicationId());
    }

    public AppSerdes serdes() {
        return serdes;
    }

    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** The HTTP port (the chosen one when configured as 0); known once started. */
    public int httpPort() {
        return http.port();
    }

    /**
     * Closes {@code resource} when the app closes, right after Kafka Streams: for what the topology
     * uses besides Kafka Streams' own clients (Kafka Streams never closes a global store's processors).
     */
    public StreamsApp closing(AutoCloseable resource) {
        closedAfterStreams.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /** Closes Kafka Streams (waiting up to {@code shutdown.timeout.ms}), then HTTP, then metrics. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Closing {}", config.applicationId());
        // Leave the group on a clean stop, static member or not, so a partner (or a restarted instance)
        // gets the partitions at once rather than after the old member's session expires.
        CloseOptions options = CloseOptions.timeout(config.shutdownTimeout())
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        if (streams.close(options)) {
            uncleanShutdown.closedCleanly();
        } else {
            LOG.warn("Kafka Streams of {} did not close within {}", config.applicationId(), config.shutdownTimeout());
        }
        for (AutoCloseable resource : closedAfterStreams) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} of {}: {}", resource, config.applicationId(), e.toString());
            }
        }
        http.close();
        metrics.close();
        stopped.countDown();
        LOG.info("Closed {}", config.applicationId());
    }
}
