package org.bluelight.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.bluelight.runtime.FirstRecords;
import org.bluelight.runtime.deadletter.DeadLetterDeserializationHandler;
import org.bluelight.runtime.deadletter.DeadLetterProcessingHandler;
import org.bluelight.runtime.deadletter.DeadLetterProductionHandler;
import org.bluelight.runtime.deadletter.SourceStamp;
import org.bluelight.runtime.time.PlausibleTimestamps;
import org.bluelight.schemas.registry.RegistryClientConfig;

/**
 * Everything a streams app needs to know to run, typed and validated.
 *
 * @param applicationId      Kafka Streams {@code application.id} (consumer group, internal topic prefix)
 * @param bootstrapServers   Kafka {@code bootstrap.servers}
 * @param registry           schema registry URLs, credentials, timeout and retries
 * @param processingGuarantee {@code processing.guarantee}
 * @param commitInterval     {@code commit.interval.ms}; under exactly-once, output becomes visible at commit
 * @param stateDir           {@code state.dir}, root of local state stores
 * @param http               where {@code /health}, {@code /metrics} and query endpoints listen
 * @param numStreamThreads   {@code num.stream.threads}
 * @param replicationFactor  {@code replication.factor} of internal topics (1 for a single local broker)
 * @param clientSecurity     {@code security.protocol}, {@code sasl.*} and {@code ssl.*}, passed to every Kafka client as is
 * @param kafkaOverrides     {@code kafka.*} keys with the prefix removed: other Kafka Streams/client
 *                           settings, passed as is (keys owned by the fields above are refused)
 * @param deadLetterEnabled  whether bad records are written to {@code <topic>.dlq}; when off they
 *                           are still logged and counted, then skipped
 * @param shutdownTimeout    how long closing waits for Kafka Streams
 * @param recordMaxAttempts  how many times a record may fail its task (kill its stream thread, outlast the
 *                           transaction timeout) before it is dead-lettered as {@code poison-record}
 */
public record StreamsAppConfig(
        String applicationId,
        String bootstrapServers,
        RegistryClientConfig registry,
        ProcessingGuarantee processingGuarantee,
        Duration commitInterval,
        Path stateDir,
        HttpSettings http,
        int numStreamThreads,
        int replicationFactor,
        Map<String, String> clientSecurity,
        Map<String, String> kafkaOverrides,
        boolean deadLetterEnabled,
        Duration shutdownTimeout,
        Duration timestampsMaxAhead,
        int recordMaxAttempts) {

    public static final String APPLICATION_ID = "application.id";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String REGISTRY_URL = "schema.registry.url";
    public static final String REGISTRY_BASIC_AUTH = "schema.registry.basic.auth.user.info";
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";
    public static final String REGISTRY_MAX_RETRIES = "schema.registry.max.retries";
    public static final String REGISTRY_RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";
    public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
    public static final String STATE_DIR = "state.dir";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String NUM_STREAM_THREADS = "num.stream.threads";
    public static final String REPLICATION_FACTOR = "replication.factor";
    public static final String SECURITY_PROTOCOL = "security.protocol";
    public static final String SASL_PREFIX = "sasl.";
    public static final String SSL_PREFIX = "ssl.";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String DEAD_LETTER_ENABLED = "dead.letter.enabled";
    public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
    /** How far ahead of both its partition's time and the wall clock a record's timestamp is still believed. */
    public static final String TIMESTAMPS_MAX_AHEAD_MS = "timestamps.max.ahead.ms";
    public static final String RECORD_MAX_ATTEMPTS = "record.max.attempts";
    public static final int DEFAULT_RECORD_MAX_ATTEMPTS = 3;

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_REGISTRY_URL = "http://127.0.0.1:8081";
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    public static final int DEFAULT_NUM_STREAM_THREADS = 1;
    public static final int DEFAULT_REPLICATION_FACTOR = 1;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** Settings this record owns; a {@code kafka.*} override of one would silently fight the typed value. */
    @SuppressWarnings("deprecation") // the global-enabled switch goes away when Kafka 5.0 makes it the default
    private static final Set<String> OWNED_KAFKA_KEYS = Set.of(
            StreamsConfig.APPLICATION_ID_CONFIG, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            StreamsConfig.STATE_DIR_CONFIG, StreamsConfig.NUM_STREAM_THREADS_CONFIG,
            StreamsConfig.REPLICATION_FACTOR_CONFIG, CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG,
            StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG));

    public StreamsAppConfig {
        requireText(applicationId, APPLICATION_ID);
        requireText(bootstrapServers, BOOTSTRAP_SERVERS);
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(processingGuarantee, "processingGuarantee");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(http, "http");
        if (commitInterval == null || commitInterval.isNegative()) {
            throw new ConfigurationException(COMMIT_INTERVAL_MS + " must be zero or more");
        }
        if (numStreamThreads < 1) {
            throw new ConfigurationException(NUM_STREAM_THREADS + " must be at least 1, was " + numStreamThreads);
        }
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new ConfigurationException(REPLICATION_FACTOR
                    + " must be at least 1 (or -1 for the broker default), was " + replicationFactor);
        }
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            throw new ConfigurationException(SHUTDOWN_TIMEOUT_MS + " must be zero or more");
        }
        if (timestampsMaxAhead == null || timestampsMaxAhead.isNegative()) {
            throw new ConfigurationException(TIMESTAMPS_MAX_AHEAD_MS + " must be zero or more");
        }
        if (recordMaxAttempts < 1) {
            throw new ConfigurationException(RECORD_MAX_ATTEMPTS + " must be at least 1, was " + recordMaxAttempts);
        }
        clientSecurity = Map.copyOf(clientSecurity);
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        for (String key : kafkaOverrides.keySet()) {
            if (OWNED_KAFKA_KEYS.contains(key) || key.startsWith(SASL_PREFIX) || key.startsWith(SSL_PREFIX)) {
                throw new ConfigurationException("Configuration " + KAFKA_PREFIX + key + " is not allowed: set "
                        + key + " directly");
            }
        }
    }

    /**
     * An app's own defaults for what trades latency against throughput; configuration beats them.
     *
     * @param commitInterval {@code commit.interval.ms}: under exactly-once each hop through a topic
     *                       (repartition or output) waits for a commit, so a pipeline's latency is a
     *                       multiple of it, while each commit is a transaction on the broker
     * @param producerLinger the producers' {@code linger.ms} ({@code kafka.producer.linger.ms});
     *                       null keeps Kafka Streams' own (100 ms). Under at-least-once each hop waits
     *                       up to this long; under exactly-once a commit first waits for what lingers
     */
    public record LatencyDefaults(Duration commitInterval, Duration producerLinger) {

        /** Kafka Streams' exactly-once defaults: commit every 100 ms, producers linger 100 ms. */
        public static final LatencyDefaults KAFKA_STREAMS = new LatencyDefaults(DEFAULT_COMMIT_INTERVAL, null);

        public LatencyDefaults {
            Objects.requireNonNull(commitInterval, "commitInterval");
        }
    }

    /** The producer setting {@link LatencyDefaults#producerLinger} stands for, as a {@code kafka.*} override. */
    public static final String PRODUCER_LINGER_MS = "producer.linger.ms";

    /**
     * Reads the configuration, falling back to the local-stack defaults.
     *
     * @param defaultApplicationId the app's own {@code application.id} unless configured
     * @param defaultHttpPort      the app's own HTTP port unless configured (apps sharing one JVM need different ones)
     */
    public static StreamsAppConfig from(ConfigSource source, String defaultApplicationId, int defaultHttpPort) {
        return from(source, defaultApplicationId, defaultHttpPort, LatencyDefaults.KAFKA_STREAMS);
    }

    /** As {@link #from(ConfigSource, String, int)}, with the app's own commit interval and producer linger unless configured. */
    public static StreamsAppConfig from(ConfigSource source, String defaultApplicationId, int defaultHttpPort,
                                        LatencyDefaults latency) {
        Map<String, String> security = clientSecurity(source);
        Map<String, String> overrides = new TreeMap<>();
        source.withPrefix(KAFKA_PREFIX).forEach((key, value) -> overrides.put(key.substring(KAFKA_PREFIX.length()), value));
        if (latency.producerLinger() != null) {
            overrides.putIfAbsent(PRODUCER_LINGER_MS, Long.toString(latency.producerLinger().toMillis()));
        }

        return new StreamsAppConfig(
                source.string(APPLICATION_ID, defaultApplicationId),
                source.string(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS),
                registry(source),
                source.optionalString(PROCESSING_GUARANTEE)
                        .map(value -> ProcessingGuarantee.parse(value, source.origin(PROCESSING_GUARANTEE)))
                        .orElse(ProcessingGuarantee.EXACTLY_ONCE_V2),
                source.millis(COMMIT_INTERVAL_MS, latency.commitInterval()),
                source.path(STATE_DIR, defaultStateDir()),
                new HttpSettings(source.string(HTTP_HOST, DEFAULT_HTTP_HOST), source.integer(HTTP_PORT, defaultHttpPort)),
                source.integer(NUM_STREAM_THREADS, DEFAULT_NUM_STREAM_THREADS),
                source.integer(REPLICATION_FACTOR, DEFAULT_REPLICATION_FACTOR),
                security,
                overrides,
                source.bool(DEAD_LETTER_ENABLED, true),
                source.millis(SHUTDOWN_TIMEOUT_MS, DEFAULT_SHUTDOWN_TIMEOUT),
                source.millis(TIMESTAMPS_MAX_AHEAD_MS, PlausibleTimestamps.DEFAULT_MAX_AHEAD),
                source.integer(RECORD_MAX_ATTEMPTS, DEFAULT_RECORD_MAX_ATTEMPTS));
    }

    /** {@code security.protocol}, {@code sasl.*} and {@code ssl.*}: what any Kafka client of a secured cluster is given. */
    public static Map<String, String> clientSecurity(ConfigSource source) {
        Map<String, String> security = new TreeMap<>();
        source.optionalString(SECURITY_PROTOCOL).ifPresent(p -> security.put(SECURITY_PROTOCOL, p));
        security.putAll(source.withPrefix(SASL_PREFIX));
        security.putAll(source.withPrefix(SSL_PREFIX));
        return security;
    }

    /** The default {@code state.dir}: {@code <java.io.tmpdir>/bluelight-streams}. */
    public static Path defaultStateDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "bluelight-streams");
    }

    /**
     * The Kafka Streams configuration: the typed settings, the client security settings, the
     * {@link FailoverSettings} under the {@code kafka.*} overrides, our dead-letter exception handlers, and the {@link SourceStamp} on
     * the main consumer. The handlers also need the
     * running app's {@link org.bluelight.runtime.deadletter.DeadLetterQueue}, which
     * {@link org.bluelight.runtime.StreamsApp} adds.
     */
    @SuppressWarnings("deprecation") // the global-enabled switch goes away when Kafka 5.0 makes it the default
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(FailoverSettings.DEFAULTS);
        props.putAll(kafkaOverrides);
        props.putAll(clientSecurity);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee.kafkaName());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(numStreamThreads));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(replicationFactor));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        // A bad record in a global store is then counted and skipped instead of stopping the app.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        // Records read from outside carry where they came from through repartitions, for their dead letters.
        // The first record of each partition read and each topic written are logged: what times a restart past RUNNING.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                SourceStamp.class.getName() + "," + FirstRecords.class.getName());
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), FirstRecords.class.getName());
        return props;
    }

    /** Hides secrets ({@code sasl.jaas.config}, passwords), so the configuration can be logged. */
    @Override
    public String toString() {
        Map<String, String> shownSecurity = new TreeMap<>();
        clientSecurity.forEach((key, value) -> shownSecurity.put(key, isSecret(key) ? "***" : value));
        return "StreamsAppConfig[applicationId=" + applicationId + ", bootstrapServers=" + bootstrapServers
                + ", registry=" + registry + ", processingGuarantee=" + processingGuarantee.kafkaName()
                + ", commitInterval=" + commitInterval + ", stateDir=" + stateDir + ", http=" + http
                + ", numStreamThreads=" + numStreamThreads + ", replicationFactor=" + replicationFactor
                + ", clientSecurity=" + shownSecurity + ", kafkaOverrides=" + kafkaOverrides.keySet()
                + ", deadLetterEnabled=" + deadLetterEnabled + ", shutdownTimeout=" + shutdownTimeout + "]";
    }

    private static boolean isSecret(String key) {
        return key.contains("password") || key.contains("jaas") || key.contains("secret") || key.endsWith(".key");
    }

    private static RegistryClientConfig registry(ConfigSource source) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(RegistryClientConfig.URL_CONFIG, source.string(REGISTRY_URL, DEFAULT_REGISTRY_URL));
        source.optionalString(REGISTRY_BASIC_AUTH)
                .ifPresent(userInfo -> properties.put(RegistryClientConfig.BASIC_AUTH_USER_INFO_CONFIG, userInfo));
        properties.put(RegistryClientConfig.TIMEOUT_MS_CONFIG,
                source.millis(REGISTRY_TIMEOUT_MS, RegistryClientConfig.DEFAULT_TIMEOUT).toMillis());
        properties.put(RegistryClientConfig.MAX_RETRIES_CONFIG,
                source.integer(REGISTRY_MAX_RETRIES, RegistryClientConfig.DEFAULT_MAX_RETRIES));
        properties.put(RegistryClientConfig.RETRY_BACKOFF_MS_CONFIG,
                source.millis(REGISTRY_RETRY_BACKOFF_MS, RegistryClientConfig.DEFAULT_RETRY_BACKOFF).toMillis());
        try {
            return RegistryClientConfig.fromProperties(properties);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid schema registry configuration (" + REGISTRY_URL + " from "
                    + source.origin(REGISTRY_URL) + "): " + e.getMessage(), e);
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(key + " must not be blank");
        }
    }
}
