package org.bluelight.console.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.RoadLine;
import org.bluelight.routing.network.RoadNetwork;

/**
 * The force area's roads as GeoJSON, from the graph the apps route on: one LineString per road
 * segment with its road class, simplified to a few metres. Built once, kept gzipped.
 */
public final class RoadMap {

    /** Close enough to draw a town at street level, far smaller than drawing every OSM node. */
    public static final double SIMPLIFY_METERS = 5;
    /** Paths and tracks carry no vehicle: leaving them out halves the map of a rural area. */
    private static final Set<String> LEFT_OUT = Set.of("footway", "path", "track", "steps", "cycleway", "bridleway",
            "pedestrian", "corridor", "other");

    private final byte[] gzippedGeoJson;
    private final int lines;
    private final MapBounds bounds;

    private RoadMap(byte[] gzippedGeoJson, int lines, MapBounds bounds) {
        this.gzippedGeoJson = gzippedGeoJson;
        this.lines = lines;
        this.bounds = bounds;
    }

    public static RoadMap of(RoadNetwork network) {
        List<RoadLine> roads = network.roadLines(SIMPLIFY_METERS).stream()
                .filter(line -> !LEFT_OUT.contains(line.roadClass()) && line.points().size() > 1).toList();
        MapBounds bounds = network.bounds();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"bbox\":[" + coordinate(bounds.minLon()) + ","
                    + coordinate(bounds.minLat()) + "," + coordinate(bounds.maxLon()) + "," + coordinate(bounds.maxLat())
                    + "],\"features\":[");
            boolean first = true;
            for (RoadLine road : roads) {
                out.write(first ? "" : ",");
                first = false;
                out.write("{\"type\":\"Feature\",\"properties\":{\"class\":\"" + road.roadClass()
                        + "\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
                for (int i = 0; i < road.points().size(); i++) {
                    GeoPoint p = road.points().get(i);
                    out.write((i == 0 ? "[" : ",[") + coordinate(p.lon()) + "," + coordinate(p.lat()) + "]");
                }
                out.write("]}}");
            }
            out.write("]}");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the road map", e);
        }
        return new RoadMap(bytes.toByteArray(), roads.size(), bounds);
    }

    /** The GeoJSON FeatureCollection, gzip-compressed. */
    public byte[] gzippedGeoJson() {
        return gzippedGeoJson.clone();
    }

    public int lines() {
        return lines;
    }

    public MapBounds bounds() {
        return bounds;
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.5f", degrees);
    }
}
