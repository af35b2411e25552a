package org.bluelight.ops.bench.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Headless browsers on the console's push channel: each holds a Server-Sent Events connection
 * with a session cookie, as the page does, and notes when each incident's first recommendation
 * reached it (from the snapshot or a patch). Reads only the recommendations' keys of each event.
 */
final class PushClients implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final List<Map<String, Long>> arrivals = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<InputStream> streams = new ArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean running = true;

    PushClients(URI events, String cookie, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(events).header("Cookie", cookie)
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IOException("Push channel answered " + response.statusCode() + " for client " + i);
            }
            Map<String, Long> seen = new ConcurrentHashMap<>();
            arrivals.add(seen);
            streams.add(response.body());
            Thread thread = new Thread(() -> read(response.body(), seen), "bench-push-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
            connected.incrementAndGet();
        }
    }

    private void read(InputStream body, Map<String, Long> seen) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (running && (line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    long now = System.currentTimeMillis();
                    events.incrementAndGet();
                    bytes.addAndGet(line.length());
                    recommendedIncidents(line.substring(6), id -> seen.putIfAbsent(id, now));
                }
            }
        } catch (IOException closed) {
            // the run is over, or the console went away: what was seen stays
        }
    }

    /** Calls {@code found} with each incident id that has a (non-null) recommendation in the event. */
    static void recommendedIncidents(String json, java.util.function.Consumer<String> found) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String part = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("recommendations".equals(part) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String incidentId = parser.currentName();
                        if (parser.nextToken() != JsonToken.VALUE_NULL) {
                            found.accept(incidentId);
                        }
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** Each client's first arrival per incident. */
    List<Map<String, Long>> arrivals() {
        return arrivals;
    }

    int connected() {
        return connected.get();
    }

    long events() {
        return events.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        running = false;
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing at the end of the run
            }
        }
    }
}
