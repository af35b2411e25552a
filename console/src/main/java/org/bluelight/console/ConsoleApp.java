package org.bluelight.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.bluelight.console.assign.AssignmentDesk;
import org.bluelight.console.assign.KafkaDecisionLog;
import org.bluelight.console.assign.StatusDesk;
import org.bluelight.console.assign.TaskDesk;
import org.bluelight.console.auth.Sessions;
import org.bluelight.console.auth.UserFile;
import org.bluelight.console.feed.TopicFeed;
import org.bluelight.console.map.CellOutline;
import org.bluelight.console.map.RoadMap;
import org.bluelight.console.view.AnalystView;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.console.web.ConsoleServer;
import org.bluelight.console.web.PushChannel;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.http.AvroJsonModule;
import org.bluelight.runtime.http.JsonReply;
import org.bluelight.runtime.metrics.AppMetrics;
import org.bluelight.runtime.serde.AppSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console instance: reads the topics into its view, serves the page and pushes changes to
 * browsers, and writes dispatchers' decisions to cad.assignments. Holds no state outside memory
 * and the topics, so any number of instances can run side by side and a restart rebuilds the
 * view from the topics. Sessions are signed cookies under a secret the instances share, so a load
 * balancer may send any request to any instance.
 */
public final class ConsoleApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private final ConsoleConfig config;
    private final AppMetrics metrics;
    private final ConsoleView view;
    private final TopicFeed feed;
    private final KafkaDecisionLog decisions;
    private final PushChannel push;
    private final ConsoleServer server;
    private final AtomicReference<RoadMap> roads = new AtomicReference<>();
    private final RoadNetwork network;
    private final boolean ownsNetwork;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    /**
     * Builds the console drawing its map from {@code network} (null: no map), which the caller
     * keeps and closes; nothing runs until {@link #start()}.
     */
    public ConsoleApp(ConsoleConfig config, RoadNetwork network) {
        this(config, network, false);
    }

    private ConsoleApp(ConsoleConfig config, RoadNetwork network, boolean ownsNetwork) {
        this.config = config;
        this.network = network;
        this.ownsNetwork = ownsNetwork;
        Clock clock = Clock.systemUTC();
        metrics = new AppMetrics(ConsoleConfig.APPLICATION_ID);
        AppSerdes serdes = AppSerdes.connect(config.registry());
        view = new ConsoleView(new CellOutline());
        UserFile users = UserFile.read(config.usersFile());
        if (users.size() == 0) {
            LOG.warn("No console users in {}: add one with 'bluelight console add-user'", config.usersFile().toAbsolutePath());
        }
        ObjectMapper json = json();
        AnalystView analysts = new AnalystView();
        feed = new TopicFeed(config.clientSettings("feed"), serdes, view, analysts, config.history(), config.positionHistory(),
                clock, metrics.registry());
        decisions = new KafkaDecisionLog(config.clientSettings("decisions"), serdes, feed);
        push = new PushChannel(view, json, clock, config.pushInterval());
        server = new ConsoleServer(config.http(), users, new Sessions(config.sessionSecret().key(), users, config.sessionIdle(), clock),
                new AssignmentDesk(view, decisions, clock), new StatusDesk(view, decisions, clock),
                new TaskDesk(view, decisions, clock), push, analysts, roads::get, this::health, metrics::scrape, json,
                metrics.registry());
        metrics.registry().gauge("bluelight.console.push.clients", push, PushChannel::clients);
        metrics.registry().gauge("bluelight.console.duplicate.assignments", view, ConsoleView::duplicateAssignments);
    }

    /** Opens the map named by the configuration, if readable, then builds the console on it. */
    public static ConsoleApp open(ConsoleConfig config) {
        RoadNetwork network = null;
        if (Files.isReadable(config.osmFile())) {
            network = RoadNetwork.open(NetworkConfig.of(config.osmFile(), config.graphCacheDir()));
        } else {
            LOG.warn("No map: {} is not readable; the console runs without one", config.osmFile());
        }
        return new ConsoleApp(config, network, network != null);
    }

    /** Starts reading the topics and serving; the road map is drawn from the graph in the background. */
    public void start() {
        feed.start();
        server.start();
        if (network != null) {
            Thread drawing = new Thread(() -> {
                RoadMap map = RoadMap.of(network);
                roads.set(map);
                LOG.info("Road map ready: {} road segments, {} KB gzipped", map.lines(), map.gzippedGeoJson().length / 1024);
            }, "console-road-map");
            drawing.setDaemon(true);
            drawing.start();
        }
        LOG.info("Dispatch console on http://{}:{}/", config.http().host(), server.port());
    }

    /** Runs until the JVM is asked to stop. */
    public void run() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "console-shutdown"));
        start();
        stopped.await();
    }

    public int port() {
        return server.port();
    }

    public boolean ready() {
        return feed.alive() && feed.caughtUp();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return feed.awaitCaughtUp(timeout);
    }

    public ConsoleView view() {
        return view;
    }

    private JsonReply health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = ready();
        body.put("status", up ? "UP" : "DOWN");
        body.put("view", !feed.alive() ? "feed stopped" : feed.caughtUp() ? "live" : "rebuilding from the topics");
        body.put("application", ConsoleConfig.APPLICATION_ID);
        body.put("instance", config.instanceId());
        body.put("entries", view.sizes());
        body.put("browsers", push.clients());
        return new JsonReply(up ? 200 : 503, body);
    }

    /** Avro records as plain objects, times as epoch milliseconds (what the page computes with). */
    static ObjectMapper json() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new AvroJsonModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .build();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        feed.close();
        decisions.close();
        metrics.close();
        if (ownsNetwork) {
            network.close();
        }
    }
}
