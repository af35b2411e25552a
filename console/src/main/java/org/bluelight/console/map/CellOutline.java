package org.bluelight.console.map;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** The hexagon of an H3 cell (hex id, as on coverage.cells) as [lat, lon] pairs, for the coverage layer. */
public final class CellOutline implements Function<String, List<double[]>> {

    private final H3Core h3;

    public CellOutline() {
        try {
            h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the H3 native library", e);
        }
    }

    /** The boundary, or none for an id that is not a valid H3 cell. */
    @Override
    public List<double[]> apply(String cellId) {
        if (!h3.isValidCell(cellId)) {
            return List.of();
        }
        return h3.cellToBoundary(cellId).stream().map(p -> new double[] {round(p.lat), round(p.lng)}).toList();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
