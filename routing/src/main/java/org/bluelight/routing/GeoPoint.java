package org.bluelight.routing;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {

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

    @Override
    public String toString() {
        return lat + "," + lon;
    }
}
