package org.bluelight.metrics.patrol;

/** A patrol area geometry that is not a usable GeoJSON Polygon or MultiPolygon. */
public class GeometryFormatException extends RuntimeException {

    public GeometryFormatException(String message) {
        super(message);
    }
}
