package org.bluelight.dispatch.app;

import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.dispatch.query.DispatchQueries;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
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

    private DispatchApp() {
    }

    /** Opens the road network and builds (does not start) the app; the caller closes both. */
    public static StreamsApp create(StreamsAppConfig config, DispatchSettings settings, RoadNetwork network) {
        StreamsApp app = new StreamsApp(config, context -> DispatchTopology.build(context.serdes(), settings.rules(),
                settings.limits(), settings.early(), new RoadNetworkTravelTimes(network), settings.tasking(),
                context.meterRegistry()));
        DispatchQueries.register(app);
        return app;
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigSource source = ConfigSource.forMain(args);
        StreamsAppConfig config = StreamsAppConfig.from(source, APPLICATION_ID, HTTP_PORT);
        DispatchSettings settings = DispatchSettings.from(source);
        KafkaStreams.State last;
        try (RoadNetwork network = RoadNetwork.open(NetworkConfig.of(settings.osmFile(), settings.graphCacheDir()));
             StreamsApp app = create(config, settings, network)) {
            last = app.run();
        }
        if (last == KafkaStreams.State.ERROR) {
            System.exit(1);
        }
    }
}
