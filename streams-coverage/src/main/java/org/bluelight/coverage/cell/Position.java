package org.bluelight.coverage.cell;

/** A WGS84 position, validated on construction. */
public record Position(double lat, double lon) {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public Position {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a WGS84 position: lat " + lat + ", lon " + lon);
        }
    }

    /** Great-circle distance in metres (haversine). */
    public double metersTo(Position other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
