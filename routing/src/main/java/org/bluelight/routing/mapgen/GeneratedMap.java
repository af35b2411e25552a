package org.bluelight.routing.mapgen;

import org.bluelight.routing.GeoPoint;

import java.nio.file.Path;

/**
 * What the generator wrote.
 *
 * @param restrictedJunction the central town's middle junction, where turning left from the west arm into the
 *                           north arm is banned
 */
public record GeneratedMap(Path file, MapPreset preset, long seed, int nodes, int ways, double minLat, double minLon,
                           double maxLat, double maxLon, GeoPoint restrictedJunction) {
}
