package org.bluelight.ops.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (combined broker and controller) running
 * in this JVM, listening on loopback (plus any network listeners configured) and keeping its
 * data in a persistent directory.
 *
 * <pre>{@code
 * try (LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalKafkaBrokerConfig(dir, 9092, 9093))) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>The log directory is formatted on first start only (when it has no {@code meta.properties}),
 * so topics, records and committed offsets survive a stop and a start on the same directory.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final LocalKafkaBrokerConfig config;
    private final KafkaRaftServer server;
    private boolean closed;

    private LocalKafkaBroker(LocalKafkaBrokerConfig config, KafkaRaftServer server) {
        this.config = config;
        this.server = server;
    }

    /**
     * Formats the log directory if it is new, starts the broker and waits until it accepts
     * clients.
     *
     * @throws LocalKafkaBrokerException when a port is taken, the directory cannot be used, or the
     *                                   broker does not become ready in time
     */
    public static LocalKafkaBroker start(LocalKafkaBrokerConfig config) {
        requireFree(LocalKafkaBrokerConfig.HOST, config.brokerPort(), "broker");
        requireFree(LocalKafkaBrokerConfig.HOST, config.controllerPort(), "controller");
        config.networkListeners().forEach(listener -> requireFree(listener.bindHost(), listener.port(), listener.name()));
        config.security().ifPresent(security -> requireFree(LocalKafkaBrokerConfig.HOST, security.adminPort(), "admin"));
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(config.serverProperties(), false);
        formatIfNew(config, kafkaConfig);
        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        LocalKafkaBroker broker = new LocalKafkaBroker(config, server);
        try {
            server.startup();
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e instanceof LocalKafkaBrokerException ? e
                    : new LocalKafkaBrokerException("Kafka broker failed to start: " + e.getMessage(), e);
        }
        log.info("Kafka broker ready on {} (data in {})", config.bootstrapServers(), config.logDir().toAbsolutePath());
        return broker;
    }

    /** The value for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** Stops the broker (controlled shutdown: it leaves its logs clean for the next start). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on {} stopped", config.bootstrapServers());
    }

    private static void formatIfNew(LocalKafkaBrokerConfig config, KafkaConfig kafkaConfig) {
        Path logDir = config.logDir().toAbsolutePath();
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = config.quorum().map(BrokerQuorum::clusterId).orElseGet(() -> Uuid.randomUuid().toString());
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(new LogLines(), true, StandardCharsets.UTF_8))
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(LocalKafkaBrokerConfig.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new LocalKafkaBrokerException("Could not format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Formatted new Kafka log directory {} for cluster {}", logDir, clusterId);
    }

    /** Fails fast with a clear message; Kafka would report a busy port deep inside a stack trace. */
    private static void requireFree(String host, int port, String listener) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new LocalKafkaBrokerException("The Kafka " + listener + " port " + host + ":" + port
                    + " is in use (is another Kafka running?): choose another port", e);
        }
    }

    private void awaitReady() {
        Map<String, Object> adminConfig = new HashMap<>(config.adminClientSettings());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new LocalKafkaBrokerException("Kafka broker on " + config.bootstrapServers()
                    + " did not accept clients within " + READY_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalKafkaBrokerException("Interrupted waiting for the Kafka broker", e);
        }
    }

    /** The formatter prints its progress; it belongs in the log, not on the console. */
    private static final class LogLines extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                log.info("kafka-storage: {}", line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
