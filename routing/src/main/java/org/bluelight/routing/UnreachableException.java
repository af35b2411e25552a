package org.bluelight.routing;

/** Both points are on the network but no path connects them for the profile (or not within the search limit). */
public final class UnreachableException extends RoutingException {

    private final GeoPoint from;
    private final GeoPoint to;
    private final String profileName;

    public UnreachableException(GeoPoint from, GeoPoint to, String profileName, String message) {
        super(message);
        this.from = from;
        this.to = to;
        this.profileName = profileName;
    }

    public GeoPoint from() {
        return from;
    }

    public GeoPoint to() {
        return to;
    }

    public String profileName() {
        return profileName;
    }
}
