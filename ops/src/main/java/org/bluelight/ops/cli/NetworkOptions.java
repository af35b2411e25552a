package org.bluelight.ops.cli;

import java.nio.file.Path;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.profile.SpeedTable;
import org.bluelight.routing.traffic.TrafficTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options that open a road network: the map, and how points snap to it and how fast its roads are. */
public final class NetworkOptions {

    @Mixin
    private MapOptions map;

    @Option(names = "--snap-distance", defaultValue = "500", description = "metres a point may be from a road (default: ${DEFAULT-VALUE})")
    private double snapDistance;

    @Option(names = "--traffic", description = "traffic table JSON (default: bundled traffic.json)")
    private Path traffic;

    @Option(names = "--speeds", description = "speed table JSON (default: bundled speeds.json)")
    private Path speeds;

    public Path osm() {
        return map.osm();
    }

    public NetworkConfig config() {
        NetworkConfig config = map.config().withSnapDistanceMeters(snapDistance);
        if (traffic != null)
            config = config.withTraffic(TrafficTable.read(traffic));
        if (speeds != null)
            config = config.withSpeeds(SpeedTable.read(speeds));
        return config;
    }
}
