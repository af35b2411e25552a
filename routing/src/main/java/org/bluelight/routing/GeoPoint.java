package org.bluelight.routing;

/**
 * A WGS84 position in decimal degrees: the one point type of every module. Distances use one spherical Earth of
 * GraphHopper's radius, so straight-line and road figures agree on what a metre is.
 */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_METERS = 6_371_000.0;

    public GeoPoint {
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
            throw new PointNotRoutableException(lat, lon, PointNotRoutableException.Reason.INVALID_COORDINATES,
                    "not a WGS84 position: " + lat + "," + lon);
    }

    /** Parses "LAT,LON". */
    public static GeoPoint parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2)
            throw new IllegalArgumentException("expected LAT,LON but got '" + text + "'");
        try {
            return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected LAT,LON but got '" + text + "'", e);
        }
    }

    /** Great-circle (straight-line) distance in metres (haversine). */
    public double metersTo(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The position {@code meters} away along a compass bearing (degrees clockwise from north). */
    public GeoPoint offset(double meters, double bearingDegrees) {
        double d = meters / EARTH_RADIUS_METERS;
        double b = Math.toRadians(bearingDegrees);
        double lat1 = Math.toRadians(lat);
        double lon1 = Math.toRadians(lon);
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        double lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new GeoPoint(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }

    @Override
    public String toString() {
        return lat + "," + lon;
    }
}
