package org.bluelight.ops.bench.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (the JDK's WebSocket client, no driver):
 * opens the console page with a session cookie and reads, from the page's own clock
 * ({@code performance.now()}, zero at navigation start), when the road map is drawn and when the
 * live view has arrived.
 */
final class ChromiumRender implements AutoCloseable {

    /** What the page showed when, in milliseconds from navigation start. */
    record FirstRender(double roadsMillis, int roads, double liveMillis) {
    }

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);
    private static final String PROBE = "JSON.stringify([performance.now(), Number(document.getElementById('map')?.dataset.roads || 0),"
            + " document.getElementById('link-state')?.textContent || ''])";

    private final ObjectMapper json = new ObjectMapper();
    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    ChromiumRender(Path binary, Path profile) throws Exception {
        chromium = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1600,1000", "about:blank").redirectErrorStream(true).start();
        String browserSocket = null;
        BufferedReader output = new BufferedReader(new InputStreamReader(chromium.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                browserSocket = matcher.group(1);
                break;
            }
        }
        if (browserSocket == null) {
            throw new IOException("Chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> output.lines().forEach(line -> { }), "bench-chromium-output");
        drain.setDaemon(true);
        drain.start();
        URI browser = URI.create(browserSocket);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = json.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (page == null) {
            throw new IOException("Chromium has no page to drive");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Replies()).get(30, TimeUnit.SECONDS);
    }

    /** Opens {@code url} with the session cookie and waits until the roads are drawn and the view is live. */
    FirstRender open(String base, String cookieName, String cookieValue, Path screenshot) throws Exception {
        ObjectNode cookie = json.createObjectNode().put("name", cookieName).put("value", cookieValue).put("url", base)
                .put("httpOnly", true).put("sameSite", "Strict");
        command("Network.setCookie", cookie);
        command("Page.navigate", json.createObjectNode().put("url", base + "/"));
        double roadsAt = -1;
        int roads = 0;
        double liveAt = -1;
        long deadline = System.nanoTime() + 2 * COMMAND_LIMIT.toNanos();
        while ((roadsAt < 0 || liveAt < 0) && System.nanoTime() < deadline) {
            JsonNode reply = command("Runtime.evaluate", json.createObjectNode().put("expression", PROBE).put("returnByValue", true));
            JsonNode value = reply.path("result").path("value");
            if (value.isTextual()) {
                JsonNode probe = json.readTree(value.asText());
                if (roadsAt < 0 && probe.get(1).asInt() > 0) {
                    roadsAt = probe.get(0).asDouble();
                    roads = probe.get(1).asInt();
                }
                if (liveAt < 0 && "live".equals(probe.get(2).asText())) {
                    liveAt = probe.get(0).asDouble();
                }
            }
            Thread.sleep(10);
        }
        Thread.sleep(300);
        JsonNode shot = command("Page.captureScreenshot", json.createObjectNode().put("format", "png"));
        Files.write(screenshot, Base64.getDecoder().decode(shot.path("data").asText()));
        return new FirstRender(roadsAt, roads, liveAt);
    }

    private JsonNode command(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(json.writeValueAsString(message), true).get(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Collects the protocol's text frames into messages and completes the command each answers. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(text.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (reply != null) {
                        reply.complete(message);
                    }
                } catch (IOException e) {
                    // not a message we asked for
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
    }
}
