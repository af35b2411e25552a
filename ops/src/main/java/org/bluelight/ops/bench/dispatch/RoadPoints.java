package org.bluelight.ops.bench.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;

/** Random points on the map's roads (a random point in the bounds, snapped for a car); the map's quarter is the dispatch group. */
final class RoadPoints {

    static final List<String> GROUPS = List.of("bench-nw", "bench-ne", "bench-sw", "bench-se");
    private static final int MAX_ATTEMPTS_PER_POINT = 1_000;
    private static final TravelProfile CAR = new TravelProfile(Transport.CAR, DrivingStandard.BASIC, false);

    private final RoadNetwork network;
    private final MapBounds bounds;
    private final SplittableRandom random;

    RoadPoints(RoadNetwork network, long seed) {
        this.network = network;
        this.bounds = network.bounds();
        this.random = new SplittableRandom(seed);
    }

    List<GeoPoint> take(int count) {
        List<GeoPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(next());
        }
        return points;
    }

    /** The dispatch group of a point: the quarter of the map it lies in. */
    String group(GeoPoint point) {
        var centre = bounds.centre();
        return GROUPS.get((point.lat() >= centre.lat() ? 0 : 2) + (point.lon() >= centre.lon() ? 1 : 0));
    }

    private GeoPoint next() {
        for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_POINT; attempt++) {
            GeoPoint raw = new GeoPoint(bounds.minLat() + random.nextDouble() * (bounds.maxLat() - bounds.minLat()),
                    bounds.minLon() + random.nextDouble() * (bounds.maxLon() - bounds.minLon()));
            try {
                return network.snap(raw, CAR);
            } catch (PointNotRoutableException e) {
                // off-road in an empty part of the map: draw again
            }
        }
        throw new IllegalStateException("No road found for a car in " + MAX_ATTEMPTS_PER_POINT + " random points of " + bounds);
    }
}
