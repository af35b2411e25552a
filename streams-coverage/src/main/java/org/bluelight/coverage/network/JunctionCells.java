package org.bluelight.coverage.network;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.routing.GeoPoint;

/**
 * The cell of every junction of the road graph, placed once when the app starts (tens of milliseconds on a county):
 * a reach of tens of thousands of junctions then becomes its cells by array lookups, each distinct cell counted once.
 * Immutable; safe for several stream threads.
 */
final class JunctionCells {

    /** Per junction, its cell's index in {@link #cells}. */
    private final int[] cellIndex;
    /** Every cell holding a junction, ascending, so cells gathered by index come out in order. */
    private final long[] cells;
    private final int resolution;

    JunctionCells(int junctions, IntFunction<GeoPoint> position, CellGrid grid) {
        long[] cellOfJunction = new long[junctions];
        for (int node = 0; node < junctions; node++) {
            cellOfJunction[node] = grid.cellOf(position.apply(node));
        }
        cells = Arrays.stream(cellOfJunction).sorted().distinct().toArray();
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            indexOf.put(cells[i], i);
        }
        cellIndex = new int[junctions];
        for (int node = 0; node < junctions; node++) {
            cellIndex[node] = indexOf.get(cellOfJunction[node]);
        }
        resolution = grid.resolution();
    }

    int resolution() {
        return resolution;
    }

    /** Per junction, the index of its cell: the cells numbered 0 to {@link #cellCount} - 1 in ascending order. */
    int[] cellIndices() {
        return cellIndex.clone();
    }

    int cellCount() {
        return cells.length;
    }

    /** The cells of these indices, ascending. */
    CellSet cellsAt(int[] ascendingIndices) {
        long[] reached = new long[ascendingIndices.length];
        for (int i = 0; i < reached.length; i++) {
            reached[i] = cells[ascendingIndices[i]];
        }
        return CellSet.of(reached);
    }

    /** The cells of these junctions. */
    CellSet cellsOf(int[] junctions) {
        boolean[] seen = new boolean[cells.length];
        int[] found = new int[Math.min(junctions.length, cells.length)];
        int count = 0;
        for (int junction : junctions) {
            int index = cellIndex[junction];
            if (!seen[index]) {
                seen[index] = true;
                found[count++] = index;
            }
        }
        Arrays.sort(found, 0, count);
        long[] reached = new long[count];
        for (int i = 0; i < count; i++) {
            reached[i] = cells[found[i]];
        }
        return CellSet.of(reached);
    }
}
