package org.bluelight.dispatch.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.dispatch.query.DispatchQueries;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;

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
     * setting for p99 within 100 ms, at five times the default's transactions per second.
     */
    public static final StreamsAppConfig.LatencyDefaults LATENCY_DEFAULTS =
            new StreamsAppConfig.LatencyDefaults(Duration.ofMillis(50), Duration.ofMillis(5));
    /** {@code commit.interval.ms=20}, {@code kafka.producer.linger.ms=0}: set them to choose it. */
    public static final StreamsAppConfig.LatencyDefaults LOW_LATENCY =
            new StreamsAppConfig.LatencyDefaults(Duration.ofMillis(20), Duration.ZERO);

    private DispatchApp() {
    }

    /** The Kafka Streams configuration of the dispatch app: {@code source} over {@link DispatchSettings#KAFKA_DEFAULTS} and {@code latency}. */
    public static StreamsAppConfig config(ConfigSource source, int httpPort, StreamsAppConfig.LatencyDefaults latency) {
        return StreamsAppConfig.from(source.withDefaults(DispatchSettings.KAFKA_DEFAULTS), APPLICATION_ID, httpPort, latency);
    }

    /** Builds (does not start) the app on an open road network; the caller closes both. */
    public static StreamsApp create(StreamsAppConfig config, DispatchSettings settings, RoadNetwork network) {
        return create(config, settings, new RoadNetworkTravelTimes(network));
    }

    private static StreamsApp create(StreamsAppConfig config, DispatchSettings settings, TravelTimes travelTimes) {
        StreamsApp app = new StreamsApp(config, context -> DispatchTopology.build(context.serdes(), settings.rules(),
                settings.limits(), settings.early(), settings.forwarding(), settings.desk(), travelTimes, settings.tasking(), context.meterRegistry()));
        DispatchQueries.register(app);
        return app;
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigSource source = ConfigSource.forMain(args);
        StreamsAppConfig config = config(source, HTTP_PORT, LATENCY_DEFAULTS);
        DispatchSettings settings = DispatchSettings.from(source);
        KafkaStreams.State last;
        AtomicReference<StreamsApp> started = new AtomicReference<>();
        // Kafka Streams joins the group and restores the stores while the graph loads: a restart waits
        // for the longer of the two, not for both. A map that cannot be opened stops the app.
        try (RoadNetworkLoading network = RoadNetworkLoading.start(NetworkConfig.of(settings.osmFile(), settings.graphCacheDir()), settings.warmUp(),
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
