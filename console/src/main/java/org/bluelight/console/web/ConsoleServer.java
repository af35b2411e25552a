package org.bluelight.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bluelight.console.assign.AssignRequest;
import org.bluelight.console.assign.AssignmentDesk;
import org.bluelight.console.assign.Decision;
import org.bluelight.console.assign.StatusDesk;
import org.bluelight.console.assign.TaskDesk;
import org.bluelight.console.auth.BasicAuth;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.Sessions;
import org.bluelight.console.auth.User;
import org.bluelight.console.auth.UserFile;
import org.bluelight.console.map.RoadMap;
import org.bluelight.console.view.AnalystView;
import org.bluelight.runtime.config.HttpSettings;
import org.bluelight.runtime.http.JsonReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server (JDK {@code com.sun.net.httpserver}): the login form, the pages and
 * their scripts, the push channel, the road map, the assign, stand-down, unit status and task decision actions,
 * and the operational {@code /health} and {@code /metrics}. Everything but the login form needs a
 * login: pages redirect to the login form, other endpoints answer 401. {@code /health} and
 * {@code /metrics} also take HTTP Basic credentials of any user in the user file (a monitor user
 * for load balancers and Prometheus).
 */
public final class ConsoleServer implements AutoCloseable {

    /** The session cookie: HttpOnly (no script reads it) and SameSite=Strict (no other site sends it). */
    public static final String COOKIE = "bluelight_session";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.bluelight.console.audit");
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", HTML, "svg", "image/svg+xml");
    /** No inline script anywhere, no outside origin: the page runs offline and injected markup cannot run. */
    private static final String CONTENT_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final HttpSettings settings;
    private final UserFile users;
    private final Sessions sessions;
    private final AssignmentDesk desk;
    private final StatusDesk statuses;
    private final TaskDesk tasks;
    private final BasicAuth monitors;
    private final PushChannel push;
    private final AnalystView analysts;
    private final Supplier<RoadMap> roads;
    private final Supplier<JsonReply> health;
    private final Supplier<String> metrics;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private HttpServer server;
    private ExecutorService executor;

    public ConsoleServer(HttpSettings settings, UserFile users, Sessions sessions, AssignmentDesk desk, StatusDesk statuses,
                         TaskDesk tasks, PushChannel push, AnalystView analysts, Supplier<RoadMap> roads, Supplier<JsonReply> health, Supplier<String> metrics, ObjectMapper json,
                         MeterRegistry meters) {
        this.settings = settings;
        this.users = users;
        this.sessions = sessions;
        this.desk = desk;
        this.statuses = statuses;
        this.tasks = tasks;
        this.monitors = new BasicAuth(users);
        this.push = push;
        this.analysts = analysts;
        this.roads = roads;
        this.health = health;
        this.metrics = metrics;
        this.json = json;
        this.meters = meters;
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        // Each push connection holds a thread for as long as the browser stays.
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "console-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public synchronized int port() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            push.close();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            Optional<Sessions.Session> session = sessions.find(cookie(exchange));
            session.filter(s -> !s.token().equals(cookie(exchange))).ifPresent(renewed -> setCookie(exchange, renewed));
            switch (path) {
                case "/health", "/metrics" -> {
                    operational(exchange, path, session);
                    return;
                }
                case "/login" -> {
                    login(exchange, method);
                    return;
                }
                case "/login.css" -> {
                    resource(exchange, "login.css");
                    return;
                }
                default -> {
                }
            }
            if (session.isEmpty()) {
                refuseAnonymous(exchange, path, method);
                return;
            }
            User user = session.get().user();
            route(exchange, path, method, session.get(), user);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Request {} failed", exchange.getRequestURI(), e);
        }
    }

    private void route(HttpExchange exchange, String path, String method, Sessions.Session session, User user)
            throws IOException {
        if (path.startsWith("/static/") && isRead(method)) {
            resource(exchange, path.substring("/static/".length()));
            return;
        }
        switch (path) {
            case "/" -> {
                if (user.role() == Role.ANALYST) {
                    redirect(exchange, "/analyst");
                } else {
                    page(exchange, "dispatch.html");
                }
            }
            case "/supervisor" -> {
                if (user.role() == Role.SUPERVISOR) {
                    page(exchange, "supervisor.html");
                } else {
                    forbidden(exchange, user, "The supervisor view is for supervisors.");
                }
            }
            case "/analyst" -> {
                if (user.role() == Role.ANALYST) {
                    AUDIT.info("analyst page viewed by {}", user.name());
                    page(exchange, "analyst.html");
                } else {
                    forbidden(exchange, user, "The analyst pages are for analysts only.");
                }
            }
            case "/logout" -> {
                if (!"POST".equals(method)) {
                    sendJson(exchange, 405, Map.of("error", "Log out with POST"));
                    return;
                }
                exchange.getResponseHeaders().set("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
                redirect(exchange, "/login");
            }
            case "/api/me" -> sendJson(exchange, 200, Map.of("user", user.name(), "role", user.role().id(),
                    "mayAssign", user.role().mayAssign()));
            case "/api/events" -> events(exchange, user);
            case "/api/roads" -> roads(exchange);
            case "/api/analyst" -> {
                if (user.role() == Role.ANALYST) {
                    AUDIT.info("analyst data read by {}", user.name());
                    sendJson(exchange, 200, Map.of("trialByDay", analysts.trialByDay(), "fsuTop", analysts.fsuTop()));
                } else {
                    AUDIT.info("{} ({}) refused /api/analyst", user.name(), user.role().id());
                    sendJson(exchange, 403, Map.of("error", "Analyst data is for analysts only"));
                }
            }
            case "/api/assign" -> decide(exchange, method, user, body -> desk.assign(user, new AssignRequest(
                    text(body, "incidentId"), strings(body.get("officerIds")), text(body, "recommendationId"),
                    text(body, "overrideReason"))));
            case "/api/stand-down" -> decide(exchange, method, user,
                    body -> desk.standDown(user, text(body, "incidentId"), text(body, "reason")));
            case "/api/unit-status" -> decide(exchange, method, user,
                    body -> statuses.change(user, text(body, "officerId"), text(body, "state")));
            case "/api/task-decision" -> decide(exchange, method, user, body -> tasks.decide(user, text(body, "kind"),
                    text(body, "officerId"), text(body, "taskId"), body.path("accepted").asBoolean(false), text(body, "reason")));
            default -> sendJson(exchange, 404, Map.of("error", "No such page: " + path));
        }
    }

    private void login(HttpExchange exchange, String method) throws IOException {
        if ("POST".equals(method)) {
            Map<String, String> form = form(exchange);
            String name = form.getOrDefault("username", "");
            char[] password = form.getOrDefault("password", "").toCharArray();
            Optional<User> user = users.authenticate(name, password);
            if (user.isPresent() && user.get().role() == Role.MONITOR) {
                AUDIT.info("login refused for monitor '{}'", name);
                meters.counter("bluelight.console.logins", "outcome", "refused").increment();
                send(exchange, 403, HTML, loginPage("This account reads /health and /metrics only.").getBytes(StandardCharsets.UTF_8));
            } else if (user.isPresent()) {
                setCookie(exchange, sessions.open(user.get()));
                AUDIT.info("login {} ({})", name, user.get().role().id());
                meters.counter("bluelight.console.logins", "outcome", "ok").increment();
                redirect(exchange, user.get().role() == Role.ANALYST ? "/analyst" : "/");
            } else {
                AUDIT.info("login refused for '{}'", name);
                meters.counter("bluelight.console.logins", "outcome", "refused").increment();
                send(exchange, 401, HTML, loginPage("Wrong user name or password.").getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        send(exchange, 200, HTML, loginPage(null).getBytes(StandardCharsets.UTF_8));
    }

    private void setCookie(HttpExchange exchange, Sessions.Session session) {
        exchange.getResponseHeaders().set("Set-Cookie", COOKIE + "=" + session.token()
                + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + sessions.idleTimeout().toSeconds());
    }

    /** Health and metrics, for a logged-in browser or HTTP Basic credentials (load balancers, Prometheus). */
    private void operational(HttpExchange exchange, String path, Optional<Sessions.Session> session) throws IOException {
        boolean allowed = session.isPresent()
                || monitors.authenticate(exchange.getRequestHeaders().getFirst("Authorization")).isPresent();
        if (!allowed) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"bluelight-console\", charset=\"UTF-8\"");
            sendJson(exchange, 401, Map.of("error", "Log in first: " + path + " needs a session or HTTP Basic credentials"));
        } else if ("/health".equals(path)) {
            JsonReply reply = health.get();
            sendJson(exchange, reply.status(), reply.body());
        } else {
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get().getBytes(StandardCharsets.UTF_8));
        }
    }

    private String loginPage(String error) {
        String page = resourceText("login.html");
        return page.replace("<!--error-->", error == null ? "" : "<p class=\"error\" id=\"login-error\">" + error + "</p>");
    }

    private void refuseAnonymous(HttpExchange exchange, String path, String method) throws IOException {
        boolean page = isRead(method) && !path.startsWith("/api/") && !path.startsWith("/static/");
        if (page) {
            redirect(exchange, "/login");
        } else {
            exchange.getResponseHeaders().set("WWW-Authenticate", "FormLogin realm=\"bluelight\"");
            sendJson(exchange, 401, Map.of("error", "Log in first: " + path + " needs a session"));
        }
    }

    private void forbidden(HttpExchange exchange, User user, String message) throws IOException {
        AUDIT.info("{} ({}) refused {}", user.name(), user.role().id(), exchange.getRequestURI().getPath());
        String page = resourceText("forbidden.html").replace("<!--message-->", message);
        send(exchange, 403, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    private void events(HttpExchange exchange, User user) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            push.serve(user.name(), out);
        } catch (IOException gone) {
            LOG.debug("Push connection of {} closed", user.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void roads(HttpExchange exchange) throws IOException {
        RoadMap map = roads.get();
        if (map == null) {
            sendJson(exchange, 404, Map.of("error", "This console has no road map configured"));
            return;
        }
        String accepts = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Encoding")).orElse("");
        if (!accepts.contains("gzip")) {
            sendJson(exchange, 406, Map.of("error", "The road map is served gzip-compressed only"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        exchange.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
        send(exchange, 200, "application/geo+json", map.gzippedGeoJson());
    }

    private interface Action {
        Decision decide(JsonNode body);
    }

    private void decide(HttpExchange exchange, String method, User user, Action action) throws IOException {
        if (!"POST".equals(method)) {
            sendJson(exchange, 405, Map.of("error", "Use POST"));
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = json.readTree(in);
        } catch (IOException e) {
            sendJson(exchange, 400, Map.of("error", "The request body must be JSON"));
            return;
        }
        if (body == null || !body.isObject()) {
            sendJson(exchange, 400, Map.of("error", "The request body must be a JSON object"));
            return;
        }
        Decision decision = action.decide(body);
        if (decision instanceof Decision.Published published) {
            meters.counter("bluelight.console.decisions", "outcome", "published").increment();
            sendJson(exchange, 200, Map.of("published", published.record()));
        } else if (decision instanceof Decision.Refused refused) {
            meters.counter("bluelight.console.decisions", "outcome", "refused").increment();
            AUDIT.info("{} refused: {}", user.name(), refused.message());
            sendJson(exchange, refused.status(), Map.of("error", refused.message()));
        }
    }

    private void page(HttpExchange exchange, String name) throws IOException {
        resource(exchange, name);
    }

    private void resource(HttpExchange exchange, String name) throws IOException {
        if (name.contains("..") || name.startsWith("/")) {
            sendJson(exchange, 404, Map.of("error", "No such file"));
            return;
        }
        byte[] body;
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                sendJson(exchange, 404, Map.of("error", "No such file: " + name));
                return;
            }
            body = in.readAllBytes();
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
    }

    private static String resourceText(String name) {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing page " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static String cookie(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(COOKIE + "=")) {
                    return trimmed.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(16_384), StandardCharsets.UTF_8);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, json.writeValueAsBytes(body));
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
}
