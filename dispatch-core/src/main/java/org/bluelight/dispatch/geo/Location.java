package org.bluelight.dispatch.geo;

/** A WGS84 position; construction refuses coordinates that cannot exist. */
public record Location(double lat, double lon) {

    private static final double EARTH_RADIUS_METERS = 6_371_000.0;

    public Location {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: " + lat + "," + lon);
        }
    }

    /** Great-circle (straight-line) distance in metres. */
    public double metersTo(Location other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The position {@code meters} away along a compass bearing (degrees clockwise from north). */
    public Location offset(double meters, double bearingDegrees) {
        double d = meters / EARTH_RADIUS_METERS;
        double b = Math.toRadians(bearingDegrees);
        double lat1 = Math.toRadians(lat);
        double lon1 = Math.toRadians(lon);
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        double lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new Location(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }
}
