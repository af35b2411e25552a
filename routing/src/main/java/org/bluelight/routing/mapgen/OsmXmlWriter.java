package org.bluelight.routing.mapgen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes OSM XML (gzipped when the file name ends in .gz) with no timestamps, so equal input gives equal bytes. */
final class OsmXmlWriter implements AutoCloseable {

    private final Writer out;

    OsmXmlWriter(Path file, double minLat, double minLon, double maxLat, double maxLon) throws IOException {
        if (file.getParent() != null)
            Files.createDirectories(file.getParent());
        OutputStream stream = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz"))
            stream = new GZIPOutputStream(stream, 1 << 16);
        out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"bluelight-mapgen\">\n");
        out.write(String.format(Locale.ROOT, " <bounds minlat=\"%.7f\" minlon=\"%.7f\" maxlat=\"%.7f\" maxlon=\"%.7f\"/>\n",
                minLat, minLon, maxLat, maxLon));
    }

    void node(long id, double lat, double lon) throws IOException {
        out.write(" <node id=\"" + id + "\" version=\"1\" lat=\"" + degrees(lat) + "\" lon=\"" + degrees(lon) + "\"/>\n");
    }

    /** Seven decimals (about 1 cm), formatted by hand: String.format dominated generation time. */
    private static String degrees(double value) {
        long scaled = Math.round(Math.abs(value) * 1e7);
        String fraction = Long.toString(10_000_000L + scaled % 10_000_000L).substring(1);
        return (value < 0 && scaled != 0 ? "-" : "") + scaled / 10_000_000L + "." + fraction;
    }

    void way(long id, long[] nodeIds, Map<String, String> tags) throws IOException {
        out.write(" <way id=\"" + id + "\" version=\"1\">\n");
        for (long node : nodeIds)
            out.write("  <nd ref=\"" + node + "\"/>\n");
        for (Map.Entry<String, String> tag : tags.entrySet())
            out.write("  <tag k=\"" + tag.getKey() + "\" v=\"" + tag.getValue() + "\"/>\n");
        out.write(" </way>\n");
    }

    /** A turn restriction relation: from a way, via a node, to a way. */
    void restriction(long id, String restriction, long fromWay, long viaNode, long toWay) throws IOException {
        out.write(" <relation id=\"" + id + "\" version=\"1\">\n");
        out.write("  <member type=\"way\" ref=\"" + fromWay + "\" role=\"from\"/>\n");
        out.write("  <member type=\"node\" ref=\"" + viaNode + "\" role=\"via\"/>\n");
        out.write("  <member type=\"way\" ref=\"" + toWay + "\" role=\"to\"/>\n");
        out.write("  <tag k=\"type\" v=\"restriction\"/>\n  <tag k=\"restriction\" v=\"" + restriction + "\"/>\n");
        out.write(" </relation>\n");
    }

    @Override
    public void close() throws IOException {
        out.write("</osm>\n");
        out.close();
    }
}
