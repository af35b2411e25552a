package org.bluelight.routing.network;

import org.bluelight.routing.profile.SpeedTable;
import org.bluelight.routing.traffic.TrafficTable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to open a road network.
 *
 * @param osmFile            the OSM extract ({@code .osm.pbf}, {@code .osm}, {@code .osm.gz})
 * @param graphCacheDir      where imported graphs are kept; one sub-folder per OSM file content and import settings
 * @param snapDistanceMeters how far a point may be from a usable road and still be routed (default 500 m)
 * @param speeds             speed limits and road weightings per road class (default: bundled speeds.json)
 * @param traffic            time-of-day / day-of-week traffic factors (default: bundled traffic.json)
 * @param etaSearchLimit     the longest travel time an ETA or route search explores (default 2 h)
 * @param uTurnCostSeconds   time charged for turning round on the road (default 60 s)
 */
public record NetworkConfig(Path osmFile, Path graphCacheDir, double snapDistanceMeters, SpeedTable speeds,
                            TrafficTable traffic, Duration etaSearchLimit, int uTurnCostSeconds) {

    public static final double DEFAULT_SNAP_DISTANCE_METERS = 500;

    public NetworkConfig {
        if (osmFile == null || graphCacheDir == null)
            throw new IllegalArgumentException("osmFile and graphCacheDir are required");
        if (!(snapDistanceMeters > 0))
            throw new IllegalArgumentException("snapDistanceMeters must be positive");
        if (speeds == null || traffic == null)
            throw new IllegalArgumentException("speeds and traffic tables are required");
        if (etaSearchLimit == null || etaSearchLimit.isNegative() || etaSearchLimit.isZero())
            throw new IllegalArgumentException("etaSearchLimit must be positive");
        if (uTurnCostSeconds < 0)
            throw new IllegalArgumentException("uTurnCostSeconds must not be negative");
    }

    /** The defaults: 500 m snapping, bundled speed and traffic tables, 2 h search limit, 60 s u-turns. */
    public static NetworkConfig of(Path osmFile, Path graphCacheDir) {
        return new NetworkConfig(osmFile, graphCacheDir, DEFAULT_SNAP_DISTANCE_METERS, SpeedTable.defaults(),
                TrafficTable.defaults(), Duration.ofHours(2), 60);
    }

    public NetworkConfig withSnapDistanceMeters(double meters) {
        return new NetworkConfig(osmFile, graphCacheDir, meters, speeds, traffic, etaSearchLimit, uTurnCostSeconds);
    }

    public NetworkConfig withSpeeds(SpeedTable table) {
        return new NetworkConfig(osmFile, graphCacheDir, snapDistanceMeters, table, traffic, etaSearchLimit, uTurnCostSeconds);
    }

    public NetworkConfig withTraffic(TrafficTable table) {
        return new NetworkConfig(osmFile, graphCacheDir, snapDistanceMeters, speeds, table, etaSearchLimit, uTurnCostSeconds);
    }

    public NetworkConfig withEtaSearchLimit(Duration limit) {
        return new NetworkConfig(osmFile, graphCacheDir, snapDistanceMeters, speeds, traffic, limit, uTurnCostSeconds);
    }
}
