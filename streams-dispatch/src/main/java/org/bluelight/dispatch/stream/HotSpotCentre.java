package org.bluelight.dispatch.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.bluelight.routing.GeoPoint;

/** Where to send a patrol: the mean of the outer-ring vertices of a hot spot's GeoJSON patrol areas. */
final class HotSpotCentre {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HotSpotCentre() {
    }

    /** Empty when no geometry is a Polygon or MultiPolygon with positions. */
    static Optional<GeoPoint> of(List<String> geometries) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (String geometry : geometries) {
            JsonNode node;
            try {
                node = JSON.readTree(geometry);
            } catch (Exception e) {
                return Optional.empty();
            }
            String type = node.path("type").asText();
            JsonNode polygons = switch (type) {
                case "Polygon" -> JSON.createArrayNode().add(node.path("coordinates"));
                case "MultiPolygon" -> node.path("coordinates");
                default -> JSON.createArrayNode();
            };
            for (JsonNode polygon : polygons) {
                for (JsonNode position : polygon.path(0)) {
                    if (position.size() >= 2 && position.get(0).isNumber() && position.get(1).isNumber()) {
                        lon += position.get(0).asDouble();
                        lat += position.get(1).asDouble();
                        n++;
                    }
                }
            }
        }
        if (n == 0 || !Double.isFinite(lat / n) || Math.abs(lat / n) > 90 || Math.abs(lon / n) > 180) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(lat / n, lon / n));
    }
}
