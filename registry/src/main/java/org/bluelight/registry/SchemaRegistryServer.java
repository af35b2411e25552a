package org.bluelight.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluelight.registry.http.RegistryHttpHandler;
import org.bluelight.registry.storage.KafkaSchemaLog;
import org.bluelight.registry.storage.SchemaStore;

/**
 * A schema registry serving the Confluent REST API v1 subset over HTTP, storing schemas in a
 * compacted Kafka topic. Ids and versions survive restarts, and several servers may share the
 * topic (see {@link SchemaRegistry} for what is guaranteed).
 *
 * <pre>{@code
 * try (SchemaRegistryServer server = SchemaRegistryServer.start(RegistryServerConfig.of("localhost:9092"))) {
 *     URI registryUrl = server.uri();
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int HTTP_THREADS = 4;

    private final RegistryServerConfig config;
    private final KafkaSchemaLog log;
    private final HttpServer http;
    private final ExecutorService executor;

    private SchemaRegistryServer(RegistryServerConfig config, KafkaSchemaLog log, HttpServer http,
            ExecutorService executor) {
        this.config = config;
        this.log = log;
        this.http = http;
        this.executor = executor;
    }

    /**
     * Replays the schemas topic (creating it if missing), then listens.
     *
     * @throws IllegalStateException if Kafka cannot be reached within a minute
     * @throws UncheckedIOException  if the port cannot be bound
     */
    public static SchemaRegistryServer start(RegistryServerConfig config) {
        SchemaStore store = new SchemaStore(config.defaultCompatibility());
        KafkaSchemaLog log = KafkaSchemaLog.open(config.bootstrapServers(), config.kafkaSecurity(), config.topic(), store,
                STARTUP_TIMEOUT);
        ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, new RegistryThreads());
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
            http.createContext("/", new RegistryHttpHandler(new SchemaRegistry(store, log), config.users()));
            http.setExecutor(executor);
            http.start();
            return new SchemaRegistryServer(config, log, http, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            log.close();
            throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** The port listened on (the chosen one when configured with 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public RegistryServerConfig config() {
        return config;
    }

    /** Stops listening, then stops reading and writing the schemas topic. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.close();
    }

    private static final class RegistryThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "bluelight-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
