package org.bluelight.routing.network;

import java.util.List;
import org.bluelight.routing.GeoPoint;

/**
 * One road segment of the graph as a polyline, for drawing the map.
 *
 * @param roadClass OSM road class in lower case, e.g. {@code primary}, {@code residential}
 * @param points    the segment's geometry from one junction to the next, simplified
 */
public record RoadLine(String roadClass, List<GeoPoint> points) {

    public RoadLine {
        points = List.copyOf(points);
    }
}
