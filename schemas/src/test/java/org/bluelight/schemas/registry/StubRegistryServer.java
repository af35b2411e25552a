package org.bluelight.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scripted HTTP answers for unit tests of the client and the serdes: each route answers with
 * the replies queued for it, in order, repeating the last; unscripted routes answer 404 40401.
 * Records every request. The real registry is tested in the {@code registry} module.
 */
public final class StubRegistryServer implements AutoCloseable {

    /** One request as received: the raw (still encoded) path. */
    public record Request(String method, String rawPath, String contentType, String authorization, String body) {}

    private record Reply(int status, String body, long delayMillis) {}

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubRegistryServer start() throws IOException {
        return new StubRegistryServer();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues a reply for {@code method rawPath}. */
    public StubRegistryServer answer(String method, String rawPath, int status, String body) {
        return answerAfter(method, rawPath, status, body, 0);
    }

    public StubRegistryServer answerAfter(String method, String rawPath, int status, String body, long delayMillis) {
        replies.computeIfAbsent(method + " " + rawPath, route -> new ArrayDeque<>())
                .addLast(new Reply(status, body, delayMillis));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), rawPath,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Reply reply = next(exchange.getRequestMethod() + " " + rawPath);
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", RegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Reply next(String route) {
        Deque<Reply> queue = replies.get(route);
        if (queue == null) {
            return new Reply(404, "{\"error_code\":40401,\"message\":\"Subject not found (unscripted)\"}", 0);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
