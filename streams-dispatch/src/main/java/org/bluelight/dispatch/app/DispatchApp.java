package org.bluelight.dispatch.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.bluelight.dispatch.geo.MapBounds;
import org.bluelight.dispatch.query.DispatchQueries;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.stream.IncidentPathWarmUp;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.config.UncleanShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch app on its own: {@code java -jar bluelight-streams-dispatch.jar [dispatch.properties]},
 * configured by the file and {@code BLUELIGHT_*} environment variables.
 */
public final class DispatchApp {

    public static final String APPLICATION_ID = "bluelight-dispatch";
    public static final int HTTP_PORT = 8090;
    /**
     * Dispatch's defaults: an incident's recommendation waits for two commits (the regrouping
     * repartition, then the output), so commits every 50 ms keep p99 within 250 ms; producers
     * linger 5 ms so a commit rarely waits for a batch. {@link #LOW_LATENCY} is the documented
     * setting for p99 within 100 ms.
     */
    public static final StreamsAppConfig.LatencyDefaults LATENCY_DEFAULTS =
            new StreamsAppConfig.LatencyDefaults(Duration.ofMillis(50), Duration.ofMillis(5));
    /**
     * The documented low-latency setting, as the keys to set to choose it: the incident router and the desk
     * commit as soon as they have passed an incident on ({@value DispatchSettings#COMMIT_ON_INCIDENT}), so
     * neither of the incident's two hops waits for the commit interval, only for a commit. The interval and
     * linger stay the defaults': committing everything else every 20 ms with linger 0 (the setting until
     * 2026-12-04) doubled the transactions and produce requests, and on a loaded machine raised the p99 it
     * was meant to cut (README, Performance).
     */
    public static final Map<String, String> LOW_LATENCY = Map.of(DispatchSettings.COMMIT_ON_INCIDENT, "true");
    private static final Logger LOG = LoggerFactory.getLogger(DispatchApp.class);
    /** Junctions the incident path's warm-up puts its units and scenes at. */
    private static final int WARM_UP_PLACES = 200;

    private DispatchApp() {
    }

    /** The Kafka Streams configuration of the dispatch app: {@code source} over {@link DispatchSettings#KAFKA_DEFAULTS} and {@code latency}. */
    public static StreamsAppConfig config(ConfigSource source, int httpPort, StreamsAppConfig.LatencyDefaults latency) {
        return StreamsAppConfig.from(source.withDefaults(DispatchSettings.KAFKA_DEFAULTS), APPLICATION_ID, httpPort, latency);
    }

    /**
     * Builds (does not start) the app on an open road network, whose routing the caller has warmed up
     * ({@code routing.warmup.*}); first starts the hierarchies and runs the incident path's warm-up
     * ({@link #warmUp}). The caller closes both.
     */
    public static StreamsApp create(StreamsAppConfig config, DispatchSettings settings, RoadNetwork network) {
        warmUp(network, forThisStart(config, settings));
        return create(config, settings, new RoadNetworkTravelTimes(network));
    }

    /** The settings, or after an unclean shutdown of this instance (its state directory tells) {@link DispatchSettings#afterCrash}. */
    static DispatchSettings forThisStart(StreamsAppConfig config, DispatchSettings settings) {
        Path stateDir = Path.of(config.streamsProperties().getProperty(StreamsConfig.STATE_DIR_CONFIG));
        if (!new UncleanShutdown(stateDir, config.applicationId()).happened()) {
            return settings;
        }
        DispatchSettings afterCrash = settings.afterCrash();
        LOG.info("Starting after an unclean shutdown: routing warm-up {} searches, incident path warm-up {} incidents",
                afterCrash.warmUp().searches(), afterCrash.deskWarmUp().incidents());
        return afterCrash;
    }

    /**
     * What runs on the open map before the first incident, after the routing warm-up: the contraction hierarchies
     * start on a thread of their own ({@code routing.hierarchies}), then synthetic incidents run through the
     * incident path ({@code dispatch.warmup.*}, {@link IncidentPathWarmUp}), routed like real ones.
     */
    static void warmUp(RoadNetwork network, DispatchSettings settings) {
        if (settings.hierarchies()) {
            DispatchHierarchies.start(network, settings.warmUp());
        }
        DispatchRules rules = settings.rules();
        try {
            IncidentPathWarmUp.Outcome warm = settings.deskWarmUp().run(rules, settings.limits(), settings.desk(),
                    new RoadNetworkTravelTimes(network), places(network, rules.mapBounds()), Instant.now());
            LOG.info("Incident path warmed up: {} synthetic incidents, {} recommended, in {} ms", warm.incidents(), warm.recommended(),
                    warm.took().toMillis());
        } catch (RuntimeException e) {
            // Only the first real incidents' latency depends on it: the app starts without.
            LOG.warn("Incident path warm-up failed; the first incidents will run cold", e);
        }
    }

    /** Junctions of the map inside the dispatch bounds, a fixed random sample, for the warm-up's units and scenes. */
    static List<GeoPoint> places(RoadNetwork network, MapBounds bounds) {
        SplittableRandom random = new SplittableRandom(1);
        List<GeoPoint> places = new ArrayList<>();
        for (int tries = 0; tries < 10 * WARM_UP_PLACES && places.size() < WARM_UP_PLACES; tries++) {
            GeoPoint junction = network.junctionPosition(random.nextInt(network.nodeCount()));
            if (bounds.contains(junction)) {
                places.add(junction);
            }
        }
        return places;
    }

    private static StreamsApp create(StreamsAppConfig config, DispatchSettings settings, TravelTimes travelTimes) {
        StreamsApp app = new StreamsApp(config, context -> DispatchTopology.build(context.serdes(), settings.rules(),
                settings.limits(), settings.early(), settings.forwarding(), settings.desk(), travelTimes, settings.tasking(),
                settings.commitOnIncident(), context.meterRegistry()));
        DispatchQueries.register(app);
        return app;
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigSource source = ConfigSource.forMain(args);
        StreamsAppConfig config = config(source, HTTP_PORT, LATENCY_DEFAULTS);
        DispatchSettings settings = forThisStart(config, DispatchSettings.from(source));
        KafkaStreams.State last;
        AtomicReference<StreamsApp> started = new AtomicReference<>();
        // Kafka Streams joins the group and restores the stores while the graph loads: a restart waits
        // for the longer of the two, not for both. A map that cannot be opened stops the app.
        try (RoadNetworkLoading network = RoadNetworkLoading.start(NetworkConfig.of(settings.osmFile(), settings.graphCacheDir()), settings.warmUp(),
                opened -> warmUp(opened, settings),
                failure -> {
                    StreamsApp app = started.get();
                    if (app != null) {
                        app.close();
                    }
                });
             StreamsApp app = create(config, settings, network)) {
            started.set(app);
            last = network.failure() == null ? app.run() : KafkaStreams.State.ERROR;
            if (network.failure() != null) {
                throw new IllegalStateException("Cannot open the road network", network.failure());
            }
        }
        if (last == KafkaStreams.State.ERROR) {
            System.exit(1);
        }
    }
}
