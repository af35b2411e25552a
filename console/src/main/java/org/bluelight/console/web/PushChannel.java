package org.bluelight.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bluelight.console.view.ConsoleView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events to every connected browser: a {@code snapshot} event with the whole view
 * when it connects, then a {@code patch} event with what changed, at most every
 * {@code interval} (telematics alone change hundreds of times a second; a browser needs a few
 * frames a second), and a comment every 15 s so dead connections are noticed.
 */
public final class PushChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushChannel.class);
    private static final long HEARTBEAT_SECONDS = 15;
    private static final String CLOSE = "";

    private final ConsoleView view;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final List<Client> joining = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;

    private record Client(String user, BlockingQueue<String> outbox) {
    }

    public PushChannel(ConsoleView view, ObjectMapper json, Clock clock, Duration interval) {
        this.view = view;
        this.json = json;
        this.clock = clock;
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-push");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Browsers connected now. */
    public int clients() {
        return clients.size();
    }

    /** Streams events to {@code out} until the browser goes away; runs on the request's thread. */
    public void serve(String user, OutputStream out) throws IOException, InterruptedException {
        Client client = new Client(user, new LinkedBlockingQueue<>());
        joining.add(client);
        try {
            out.write(("retry: 2000\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String event = client.outbox().poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (event != null && event.isEmpty()) {
                    return;
                }
                out.write((event == null ? ": still here\n\n" : event).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } finally {
            joining.remove(client);
            clients.remove(client);
        }
    }

    private void tick() {
        try {
            Map<String, Object> patch = new LinkedHashMap<>();
            Map<String, Object> snapshot = new LinkedHashMap<>();
            List<Client> joined = List.copyOf(joining);
            view.holdStill(() -> {
                patch.putAll(view.drainChanges());
                if (!joined.isEmpty()) {
                    snapshot.putAll(view.snapshot());
                }
            });
            long now = clock.millis();
            if (!patch.isEmpty()) {
                patch.put("serverTime", now);
                String event = event("patch", patch);
                clients.forEach(client -> client.outbox().add(event));
            }
            if (!joined.isEmpty()) {
                snapshot.put("serverTime", now);
                String event = event("snapshot", snapshot);
                for (Client client : joined) {
                    client.outbox().add(event);
                    joining.remove(client);
                    clients.add(client);
                }
            }
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.error("Could not push the console view", e);
        }
    }

    private String event(String name, Object data) throws JsonProcessingException {
        return "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clients.forEach(client -> client.outbox().add(CLOSE));
        joining.forEach(client -> client.outbox().add(CLOSE));
    }
}
