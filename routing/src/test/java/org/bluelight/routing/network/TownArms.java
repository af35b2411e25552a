package org.bluelight.routing.network;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.mapgen.GeneratedMap;

/** Points mid-block on the arms of the generated town's restricted junction, 50 m from it. */
record TownArms(GeoPoint west, GeoPoint north, GeoPoint east) {

    static TownArms of(GeneratedMap town) {
        GeoPoint junction = town.restrictedJunction();
        double degLat = 50 / 111_320.0;
        double degLon = degLat / Math.cos(Math.toRadians(junction.lat()));
        return new TownArms(new GeoPoint(junction.lat(), junction.lon() - degLon),
                new GeoPoint(junction.lat() + degLat, junction.lon()), new GeoPoint(junction.lat(), junction.lon() + degLon));
    }
}
