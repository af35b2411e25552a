package org.bluelight.coverage.cell;

import com.uber.h3core.AreaUnit;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.bluelight.routing.GeoPoint;

/**
 * The force area divided into H3 hexagons of one resolution. Cells are handled as H3 indexes
 * ({@code long}) inside the app and as hex strings on topics.
 */
public final class CellGrid {

    /** About 0.74 km² per cell: a few minutes' drive across, fine enough for a 15 minute target. */
    public static final int DEFAULT_RESOLUTION = 8;

    private static final H3Core H3 = loadH3();

    private final int resolution;

    public CellGrid(int resolution) {
        this.resolution = requireResolution(resolution);
    }

    public static int requireResolution(int resolution) {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolution must be 0 to 15, was " + resolution);
        }
        return resolution;
    }

    public int resolution() {
        return resolution;
    }

    public long cellOf(GeoPoint position) {
        return H3.latLngToCell(position.lat(), position.lon(), resolution);
    }

    public GeoPoint centerOf(long cell) {
        LatLng center = H3.cellToLatLng(cell);
        return new GeoPoint(center.lat, center.lng);
    }

    /** The cell and every cell within {@code rings} steps of it. */
    public List<Long> disk(long cell, int rings) {
        return H3.gridDisk(cell, rings);
    }

    /** The cell containing {@code cell} at a coarser resolution: an area made of cells. */
    public static long parentOf(long cell, int coarserResolution) {
        return H3.cellToParent(cell, coarserResolution);
    }

    public static int resolutionOf(long cell) {
        return H3.getResolution(cell);
    }

    public double averageCellAreaKm2() {
        return H3.getHexagonAreaAvg(resolution, AreaUnit.km2);
    }

    public static String toHex(long cell) {
        return H3.h3ToString(cell);
    }

    /** Parses a cell id as written on topics and in files; a typed error when it is not one. */
    public static long parse(String hex) {
        long cell;
        try {
            cell = H3.stringToH3(hex.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an H3 cell id: '" + hex + "'", e);
        }
        if (!H3.isValidCell(cell)) {
            throw new IllegalArgumentException("Not an H3 cell id: '" + hex + "'");
        }
        return cell;
    }

    private static H3Core loadH3() {
        try {
            return H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the H3 native library", e);
        }
    }
}
