package org.bluelight.coverage.cell;

import java.util.Map;

/**
 * How many officers in reach a cell with demand should keep. The default (1, as in the
 * Leicestershire paper) can be overridden for one cell or for an area, given as an H3 cell of a
 * coarser resolution that contains it; the finest matching override wins. Cells without demand
 * require nobody.
 */
public record RequiredLevels(int defaultLevel, Map<Long, Integer> overrides) {

    public RequiredLevels {
        if (defaultLevel < 0) {
            throw new IllegalArgumentException("Required level must be >= 0, was " + defaultLevel);
        }
        overrides.forEach((cell, level) -> {
            if (level < 0) {
                throw new IllegalArgumentException(
                        "Required level for " + CellGrid.toHex(cell) + " must be >= 0, was " + level);
            }
        });
        overrides = Map.copyOf(overrides);
    }

    public static RequiredLevels defaults() {
        return new RequiredLevels(1, Map.of());
    }

    public int levelFor(long cell, double demandPerHour) {
        if (demandPerHour <= 0) {
            return 0;
        }
        if (overrides.isEmpty()) {
            return defaultLevel;
        }
        int own = CellGrid.resolutionOf(cell);
        for (int resolution = own; resolution >= 0; resolution--) {
            long area = resolution == own ? cell : CellGrid.parentOf(cell, resolution);
            Integer level = overrides.get(area);
            if (level != null) {
                return level;
            }
        }
        return defaultLevel;
    }
}
