package org.bluelight.routing.mapgen;

import java.nio.file.Path;

/** What the generator wrote. */
public record GeneratedMap(Path file, MapPreset preset, long seed, int nodes, int ways, double minLat, double minLon,
                           double maxLat, double maxLon) {
}
