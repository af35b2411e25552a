package org.bluelight.simulator.sampling;

import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;

/** Random points around a centre: a circular Gaussian whose 2-sigma radius is the given one. */
public final class Placement {

    private Placement() {
    }

    public static GeoPoint around(GeoPoint centre, double radiusKm, SplittableRandom random) {
        double sigmaMeters = radiusKm * 1000 / 2;
        double north = Gaussian.next(random) * sigmaMeters;
        double east = Gaussian.next(random) * sigmaMeters;
        double meters = Math.hypot(north, east);
        double bearing = Math.toDegrees(Math.atan2(east, north));
        return meters == 0 ? centre : centre.offset(meters, bearing);
    }
}
