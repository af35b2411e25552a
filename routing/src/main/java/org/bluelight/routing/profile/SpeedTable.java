package org.bluelight.routing.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.graphhopper.routing.ev.RoadClass;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Speed limits and road weightings per road class. Loaded from {@code speeds.json} (bundled defaults) or a
 * file of the same shape. Road classes not listed use {@code otherRoads}.
 *
 * @param emergencyExtraMph how far over the limit blue-light driving goes (DOMAIN.md: typically 20 mph)
 * @param roadClasses       speeds per GraphHopper road class
 * @param otherRoads        speeds for any road class not listed
 */
public record SpeedTable(double emergencyExtraMph, Map<RoadClass, RoadClassSpeeds> roadClasses, RoadClassSpeeds otherRoads) {

    public static final double KMH_PER_MPH = 1.609344;
    private static final String DEFAULT_RESOURCE = "/org/bluelight/routing/speeds.json";

    public SpeedTable {
        if (emergencyExtraMph < 0)
            throw new IllegalArgumentException("emergencyExtraMph must not be negative");
        if (otherRoads == null)
            throw new IllegalArgumentException("speed table needs otherRoads");
        roadClasses = Map.copyOf(new EnumMap<>(roadClasses));
    }

    public static SpeedTable defaults() {
        try (InputStream in = SpeedTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new ObjectMapper().readValue(in, SpeedTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + DEFAULT_RESOURCE, e);
        }
    }

    public static SpeedTable read(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readAllBytes(file), SpeedTable.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read speed table " + file + ": " + e.getMessage(), e);
        }
    }

    public RoadClassSpeeds forClass(RoadClass roadClass) {
        return roadClasses.getOrDefault(roadClass, otherRoads);
    }
}
