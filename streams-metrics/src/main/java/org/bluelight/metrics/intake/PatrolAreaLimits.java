package org.bluelight.metrics.intake;

import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;

/**
 * How large a patrol area the metrics app indexes, so that no one hot spot (a polygon the size of
 * the world, or with millions of vertices) can make building the index work without bound. Areas
 * beyond these are dead-lettered as {@value InputChecks#AREA_TOO_LARGE}; the other input limits
 * are the runtime's {@link org.bluelight.runtime.intake.InputLimits}.
 *
 * @param maxSideKm   longest side of a patrol area's bounding box, in km
 * @param maxVertices most vertices of one patrol area (all rings of all its polygons)
 */
public record PatrolAreaLimits(double maxSideKm, int maxVertices) {

    public static final String MAX_SIDE_KM = "input.area.max.side.km";
    public static final String MAX_VERTICES = "input.area.max.vertices";

    public PatrolAreaLimits {
        if (!(maxSideKm > 0) || Double.isInfinite(maxSideKm)) {
            throw new IllegalArgumentException("maxSideKm must be positive and finite, was " + maxSideKm);
        }
        if (maxVertices < 1) {
            throw new IllegalArgumentException("maxVertices must be at least 1, was " + maxVertices);
        }
    }

    /** Within 10 km by 10 km and 1,000 vertices: patrol areas are street-scale. */
    public static PatrolAreaLimits defaults() {
        return new PatrolAreaLimits(10.0, 1_000);
    }

    /** The {@code input.area.*} keys of {@code source}, each defaulting to {@link #defaults()}. */
    public static PatrolAreaLimits from(ConfigSource source) {
        PatrolAreaLimits d = defaults();
        try {
            return new PatrolAreaLimits(Double.parseDouble(source.string(MAX_SIDE_KM, String.valueOf(d.maxSideKm()))),
                    source.integer(MAX_VERTICES, d.maxVertices()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid patrol area limits: " + e.getMessage(), e);
        }
    }
}
