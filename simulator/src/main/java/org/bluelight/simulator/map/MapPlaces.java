package org.bluelight.simulator.map;

import java.util.Optional;
import org.bluelight.routing.GeoPoint;

/** Puts generated places on the road network, so every incident, station and patrol point can be routed. */
@FunctionalInterface
public interface MapPlaces {

    /** The nearest point on a road a car may use, or empty when there is none near enough. */
    Optional<GeoPoint> onRoad(GeoPoint point);
}
