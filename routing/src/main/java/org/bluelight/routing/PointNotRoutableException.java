package org.bluelight.routing;

/** A point that cannot be placed on the road network. */
public final class PointNotRoutableException extends RoutingException {

    public enum Reason {
        /** Latitude or longitude is not a WGS84 value. */
        INVALID_COORDINATES,
        /** The point lies outside the area the map covers. */
        OUTSIDE_MAP,
        /** No road usable by the profile lies within the snap distance. */
        TOO_FAR_FROM_ROAD
    }

    private final double lat;
    private final double lon;
    private final Reason reason;

    public PointNotRoutableException(double lat, double lon, Reason reason, String message) {
        super(message);
        this.lat = lat;
        this.lon = lon;
        this.reason = reason;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    public Reason reason() {
        return reason;
    }
}
