package org.bluelight.routing.network;

import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.shapes.BBox;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;

import static org.bluelight.routing.PointNotRoutableException.Reason.OUTSIDE_MAP;
import static org.bluelight.routing.PointNotRoutableException.Reason.TOO_FAR_FROM_ROAD;

/** Places points on the nearest road a profile may use, within the snap distance, or says why it cannot. */
final class Snapper {

    private final LocationIndex index;
    private final BBox mapBounds;
    private final double maxDistanceMeters;

    Snapper(LocationIndex index, BBox graphBounds, double maxDistanceMeters) {
        this.index = index;
        this.maxDistanceMeters = maxDistanceMeters;
        // a point just beyond the outermost junction may still be beside a road
        double latMargin = maxDistanceMeters / DistanceCalcEarth.METERS_PER_DEGREE;
        double lonMargin = latMargin / Math.max(0.01, Math.cos(Math.toRadians((graphBounds.minLat + graphBounds.maxLat) / 2)));
        this.mapBounds = new BBox(graphBounds.minLon - lonMargin, graphBounds.maxLon + lonMargin,
                graphBounds.minLat - latMargin, graphBounds.maxLat + latMargin);
    }

    Snap snap(GeoPoint point, ProfileWeighting profile) {
        if (!mapBounds.contains(point.lat(), point.lon()))
            throw new PointNotRoutableException(point.lat(), point.lon(), OUTSIDE_MAP,
                    point + " is outside the map (" + mapBounds + ")");
        Snap snap = index.findClosest(point.lat(), point.lon(), profile.snapFilter());
        if (!snap.isValid() || snap.getQueryDistance() > maxDistanceMeters)
            throw new PointNotRoutableException(point.lat(), point.lon(), TOO_FAR_FROM_ROAD,
                    point + " is not within " + (int) maxDistanceMeters + " m of a usable road"
                            + (snap.isValid() ? " (nearest " + Math.round(snap.getQueryDistance()) + " m)" : ""));
        return snap;
    }
}
