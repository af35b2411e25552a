package org.bluelight.coverage.network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;

/**
 * The positions of the road network's junctions, found by searching the network from a grid of
 * starting points across the map with no practical time limit: the cells they fall in are the
 * cells an officer can be sent to. (The routing module does not list its junctions directly.)
 */
public final class NetworkJunctions {

    private static final int GRID = 5;
    private static final Duration UNLIMITED = Duration.ofHours(12);
    private static final Duration NEARBY = Duration.ofSeconds(30);

    private NetworkJunctions() {
    }

    public static List<GeoPoint> of(RoadNetwork network) {
        MapBounds bounds = network.bounds();
        Map<Integer, GeoPoint> junctions = new HashMap<>();
        for (Transport transport : List.of(Transport.CAR, Transport.FOOT)) {
            for (int i = 0; i < GRID; i++) {
                for (int j = 0; j < GRID; j++) {
                    GeoPoint start = new GeoPoint(bounds.minLat() + (bounds.maxLat() - bounds.minLat()) * (i + 0.5) / GRID,
                            bounds.minLon() + (bounds.maxLon() - bounds.minLon()) * (j + 0.5) / GRID);
                    try {
                        List<ReachableNode> nearby = network.reachableFrom(start, TravelProfile.basic(transport),
                                NEARBY, Instant.EPOCH).nodes();
                        if (nearby.isEmpty() || junctions.containsKey(nearby.get(0).nodeId())) {
                            // Already found from another start: same connected part of the network.
                            continue;
                        }
                        for (ReachableNode node : network.reachableFrom(start, TravelProfile.basic(transport),
                                UNLIMITED, Instant.EPOCH).nodes()) {
                            junctions.putIfAbsent(node.nodeId(),
                                    node.position());
                        }
                    } catch (RoutingException noRoadNearby) {
                        // This grid point lies away from any road; the others cover the network.
                    }
                }
            }
        }
        return new ArrayList<>(junctions.values());
    }
}
