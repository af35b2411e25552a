package org.bluelight.routing.network;

import org.bluelight.routing.GeoPoint;

/** The area covered by the road graph's junctions. */
public record MapBounds(double minLat, double minLon, double maxLat, double maxLon) {

    public GeoPoint centre() {
        return new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }
}
