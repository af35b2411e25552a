package org.bluelight.routing.cli;

import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.profile.SpeedTable;
import org.bluelight.routing.traffic.TrafficTable;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options that open a road network. */
final class NetworkOptions {

    @Option(names = "--osm", required = true, description = "OSM extract (.osm.pbf, .osm, .osm.gz)")
    Path osm;

    @Option(names = "--graph-cache", defaultValue = "data/graph-cache", description = "imported graphs (default: ${DEFAULT-VALUE})")
    Path graphCache;

    @Option(names = "--snap-distance", defaultValue = "500", description = "metres a point may be from a road (default: ${DEFAULT-VALUE})")
    double snapDistance;

    @Option(names = "--traffic", description = "traffic table JSON (default: bundled traffic.json)")
    Path traffic;

    @Option(names = "--speeds", description = "speed table JSON (default: bundled speeds.json)")
    Path speeds;

    NetworkConfig config() {
        NetworkConfig config = NetworkConfig.of(osm, graphCache).withSnapDistanceMeters(snapDistance);
        if (traffic != null)
            config = config.withTraffic(TrafficTable.read(traffic));
        if (speeds != null)
            config = config.withSpeeds(SpeedTable.read(speeds));
        return config;
    }
}
