package org.bluelight.coverage.cell;

import java.util.Arrays;
import java.util.Collection;

/** An immutable set of cells, held sorted so that two sets diff in one pass. */
public final class CellSet {

    private static final CellSet EMPTY = new CellSet(new long[0]);

    private final long[] cells;

    private CellSet(long[] sortedUnique) {
        this.cells = sortedUnique;
    }

    public static CellSet empty() {
        return EMPTY;
    }

    public static CellSet of(long... cells) {
        long[] sorted = Arrays.stream(cells).sorted().distinct().toArray();
        return sorted.length == 0 ? EMPTY : new CellSet(sorted);
    }

    public static CellSet of(Collection<Long> cells) {
        return of(cells.stream().mapToLong(Long::longValue).toArray());
    }

    public int size() {
        return cells.length;
    }

    public boolean isEmpty() {
        return cells.length == 0;
    }

    public boolean contains(long cell) {
        return Arrays.binarySearch(cells, cell) >= 0;
    }

    /** The cells in ascending order; a copy. */
    public long[] toArray() {
        return cells.clone();
    }

    /** The cells of this set that {@code other} lacks, ascending. */
    public long[] minus(CellSet other) {
        long[] out = new long[cells.length];
        int n = 0;
        int j = 0;
        for (long cell : cells) {
            while (j < other.cells.length && other.cells[j] < cell) {
                j++;
            }
            if (j >= other.cells.length || other.cells[j] != cell) {
                out[n++] = cell;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellSet other && Arrays.equals(cells, other.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "CellSet" + Arrays.toString(Arrays.stream(cells).mapToObj(CellGrid::toHex).toArray());
    }
}
