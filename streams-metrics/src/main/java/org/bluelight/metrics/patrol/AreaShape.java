package org.bluelight.metrics.patrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A patrol area's outline: one or more polygons, each an outer ring with optional holes, in
 * WGS84 degrees. Areas are a few hundred metres across, so rings are treated as planar in
 * lon/lat, which is exact enough for inside/outside.
 */
public final class AreaShape {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A closed ring as parallel coordinate arrays (first point not repeated). */
    private record Ring(double[] lons, double[] lats) {

        boolean contains(double lon, double lat) {
            // Even-odd ray casting towards +lon.
            boolean inside = false;
            int n = lons.length;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                if ((lats[i] > lat) != (lats[j] > lat)) {
                    double crossLon = lons[j] + (lat - lats[j]) * (lons[i] - lons[j]) / (lats[i] - lats[j]);
                    if (lon < crossLon) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    private record Polygon(Ring outer, List<Ring> holes) {

        boolean contains(double lon, double lat) {
            if (!outer.contains(lon, lat)) {
                return false;
            }
            for (Ring hole : holes) {
                if (hole.contains(lon, lat)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Polygon> polygons;
    private final int vertexCount;
    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;

    private AreaShape(List<Polygon> polygons) {
        this.polygons = List.copyOf(polygons);
        int vertices = 0;
        for (Polygon polygon : polygons) {
            vertices += polygon.outer().lons().length;
            for (Ring hole : polygon.holes()) {
                vertices += hole.lons().length;
            }
        }
        this.vertexCount = vertices;
        double loLon = Double.POSITIVE_INFINITY;
        double loLat = Double.POSITIVE_INFINITY;
        double hiLon = Double.NEGATIVE_INFINITY;
        double hiLat = Double.NEGATIVE_INFINITY;
        for (Polygon polygon : polygons) {
            for (double lon : polygon.outer().lons()) {
                loLon = Math.min(loLon, lon);
                hiLon = Math.max(hiLon, lon);
            }
            for (double lat : polygon.outer().lats()) {
                loLat = Math.min(loLat, lat);
                hiLat = Math.max(hiLat, lat);
            }
        }
        this.minLon = loLon;
        this.minLat = loLat;
        this.maxLon = hiLon;
        this.maxLat = hiLat;
    }

    /** Parses a GeoJSON Polygon or MultiPolygon geometry (a bare geometry, or a Feature holding one). */
    public static AreaShape fromGeoJson(String geoJson) {
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (Exception e) {
            throw new GeometryFormatException("not valid JSON: " + e.getMessage());
        }
        return fromGeoJson(node);
    }

    public static AreaShape fromGeoJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new GeometryFormatException("geometry must be a JSON object");
        }
        if ("Feature".equals(node.path("type").asText())) {
            return fromGeoJson(node.get("geometry"));
        }
        String type = node.path("type").asText();
        JsonNode coordinates = node.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw new GeometryFormatException(type + " has no coordinates array");
        }
        List<Polygon> polygons = new ArrayList<>();
        switch (type) {
            case "Polygon" -> polygons.add(polygon(coordinates));
            case "MultiPolygon" -> {
                for (JsonNode polygon : coordinates) {
                    polygons.add(polygon(polygon));
                }
            }
            default -> throw new GeometryFormatException("geometry type '" + type + "' is not Polygon or MultiPolygon");
        }
        if (polygons.isEmpty()) {
            throw new GeometryFormatException("MultiPolygon has no polygons");
        }
        return new AreaShape(polygons);
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new GeometryFormatException("a polygon needs at least its outer ring");
        }
        List<Ring> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            holes.add(ring(rings.get(i)));
        }
        return new Polygon(ring(rings.get(0)), holes);
    }

    private static Ring ring(JsonNode positions) {
        if (!positions.isArray()) {
            throw new GeometryFormatException("a ring must be an array of positions");
        }
        int n = positions.size();
        if (n > 1 && positions.get(0).equals(positions.get(n - 1))) {
            n--; // GeoJSON repeats the first position to close the ring
        }
        if (n < 3) {
            throw new GeometryFormatException("a ring needs at least 3 distinct positions, found " + n);
        }
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new GeometryFormatException("position " + position + " is not [lon, lat]");
            }
            lons[i] = position.get(0).asDouble();
            lats[i] = position.get(1).asDouble();
            if (lons[i] < -180 || lons[i] > 180 || lats[i] < -90 || lats[i] > 90) {
                throw new GeometryFormatException("position " + position + " is outside WGS84 lon/lat bounds");
            }
        }
        return new Ring(lons, lats);
    }

    public boolean contains(double lat, double lon) {
        if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) {
            return false;
        }
        for (Polygon polygon : polygons) {
            if (polygon.contains(lon, lat)) {
                return true;
            }
        }
        return false;
    }

    /** Vertices of all rings of all polygons. */
    public int vertexCount() {
        return vertexCount;
    }

    public double minLat() {
        return minLat;
    }

    public double maxLat() {
        return maxLat;
    }

    public double minLon() {
        return minLon;
    }

    public double maxLon() {
        return maxLon;
    }
}
