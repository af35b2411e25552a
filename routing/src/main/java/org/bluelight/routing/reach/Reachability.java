package org.bluelight.routing.reach;

import org.bluelight.routing.GeoPoint;

import java.time.Duration;
import java.util.List;

/** Everything a profile reaches from an origin within a time limit, in order of travel time. */
public record Reachability(GeoPoint origin, String profileName, String trafficBand, Duration limit, List<ReachableNode> nodes) {

    public Reachability {
        nodes = List.copyOf(nodes);
    }
}
