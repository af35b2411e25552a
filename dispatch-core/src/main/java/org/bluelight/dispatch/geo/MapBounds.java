package org.bluelight.dispatch.geo;

import org.bluelight.routing.GeoPoint;
/** The rectangle the road network covers; positions outside it cannot be routed. */
public record MapBounds(double minLat, double minLon, double maxLat, double maxLon) {

    /** No restriction beyond valid WGS84 coordinates. */
    public static final MapBounds WORLD = new MapBounds(-90, -180, 90, 180);

    public MapBounds {
        if (minLat > maxLat || minLon > maxLon) {
            throw new IllegalArgumentException("empty map bounds");
        }
    }

    public boolean contains(GeoPoint location) {
        return location.lat() >= minLat && location.lat() <= maxLat
                && location.lon() >= minLon && location.lon() <= maxLon;
    }
}
