package org.bluelight.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bluelight.runtime.config.HttpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP server (JDK {@code com.sun.net.httpserver}): GET-only routes answering JSON or
 * text. A route matches its path and everything below it ({@code /officers} also answers
 * {@code /officers/PC-1234}). Routes may be added before or after {@link #start()}, which binds
 * the port (a server that never started holds no port).
 */
public final class HttpEndpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpSettings settings;
    private final String threadNamePrefix;
    private final ObjectMapper json;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    /** Nothing listens until {@link #start()}. */
    public HttpEndpoints(HttpSettings settings, String threadNamePrefix) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new AvroJsonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    /** Answers GET {@code path} (and below) with {@code handler}'s JSON. */
    public void route(String path, QueryHandler handler) {
        Objects.requireNonNull(handler, "handler");
        add(path, get(exchange -> {
            JsonReply reply;
            try {
                reply = handler.handle(HttpQuery.of(path, exchange.getRequestURI()));
            } catch (Exception e) {
                LOG.error("Query {} failed", exchange.getRequestURI(), e);
                reply = JsonReply.error(500, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            byte[] body;
            try {
                body = json.writeValueAsBytes(reply.body());
            } catch (IOException e) {
                LOG.error("Cannot write the answer to {} as JSON", exchange.getRequestURI(), e);
                reply = JsonReply.error(500, "Cannot write the answer as JSON: " + e.getMessage());
                body = json.writeValueAsBytes(reply.body());
            }
            send(exchange, reply.status(), JSON, body);
        }));
    }

    /** Answers GET {@code path} with {@code body}'s text, e.g. Prometheus metrics. */
    public void routeText(String path, String contentType, Supplier<String> body) {
        add(path, get(exchange -> send(exchange, 200, contentType, body.get().getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Binds the port and serves the routes.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("Already started");
        }
        HttpServer bound;
        try {
            bound = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, threadNamePrefix + "-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        bound.setExecutor(executor);
        routes.forEach(bound::createContext);
        bound.start();
        server = bound;
    }

    /** The bound port (the chosen one when configured as 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not listening: start() first");
        }
        return server.getAddress().getPort();
    }

    /** Stops at once: queries are short, and by now Kafka Streams is closed. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private synchronized void add(String path, HttpHandler handler) {
        requirePath(path);
        if (routes.putIfAbsent(path, handler) != null) {
            throw new IllegalArgumentException("Route " + path + " is already taken");
        }
        if (server != null) {
            server.createContext(path, handler);
        }
    }

    private HttpHandler get(Exchange answer) {
        return exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!"GET".equals(method) && !"HEAD".equals(method)) {
                    exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                    send(exchange, 405, JSON, json.writeValueAsBytes(Map.of("error", "Only GET is supported")));
                    return;
                }
                answer.handle(exchange);
            } catch (IOException | RuntimeException e) {
                LOG.warn("HTTP request {} failed", exchange.getRequestURI(), e);
            }
        };
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A route path starts with '/': " + path);
        }
    }

    @FunctionalInterface
    private interface Exchange {
        void handle(HttpExchange exchange) throws IOException;
    }
}
