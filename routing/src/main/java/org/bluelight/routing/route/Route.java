package org.bluelight.routing.route;

import org.bluelight.routing.GeoPoint;

import java.util.List;

/**
 * The quickest route between two points.
 *
 * @param etaSeconds     travel time, to the millisecond
 * @param distanceMeters road distance
 * @param geometry       the path from the snapped start to the snapped end, for drawing and driving
 * @param profileName    the travel profile used
 * @param trafficBand    the traffic band of the departure
 */
public record Route(double etaSeconds, double distanceMeters, List<GeoPoint> geometry, String profileName, String trafficBand) {

    public Route {
        geometry = List.copyOf(geometry);
    }
}
