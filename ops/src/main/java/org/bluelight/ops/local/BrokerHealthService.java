package org.bluelight.ops.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code GET /health} for a broker run on its own (a container health check, like the streams
 * apps' {@code /health}): 200 {@code {"status":"UP"}} while the broker answers a cluster
 * description on its loopback listener, 503 otherwise.
 */
public final class BrokerHealthService implements LocalService {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    private final Map<String, Object> adminSettings;
    private final String host;
    private final int port;
    private Admin admin;
    private HttpServer http;

    /** @param adminSettings an admin client's settings: bootstrap servers, and the super user's login on a secured broker */
    public BrokerHealthService(Map<String, Object> adminSettings, String host, int port) {
        this.adminSettings = Map.copyOf(adminSettings);
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return "broker health endpoint";
    }

    @Override
    public void start() {
        Map<String, Object> settings = new java.util.HashMap<>(adminSettings);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        admin = Admin.create(settings);
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            admin.close();
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port, e);
        }
        http.createContext("/health", this::health);
        http.start();
    }

    private void health(HttpExchange exchange) throws IOException {
        boolean up = answers();
        byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(up ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private boolean answers() {
        try {
            return !admin.describeCluster().nodes().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public List<String> summary() {
        return List.of("Broker health:           http://" + host + ":" + http.getAddress().getPort() + "/health");
    }

    @Override
    public void close() {
        http.stop(0);
        admin.close();
    }
}
