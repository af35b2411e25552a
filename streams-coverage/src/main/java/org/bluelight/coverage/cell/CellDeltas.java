package org.bluelight.coverage.cell;

import java.util.List;

/**
 * One officer's deltas in several cells of one partition, carried as one record: a reach change
 * touches hundreds of cells, and a record per cell cost more to produce, commit and read than the
 * counting itself. At most {@link #MAX_CELLS} cells, so that no record costs unbounded work.
 */
public record CellDeltas(List<CellDelta> deltas) implements CellSignal {

    /**
     * A county reach is about 1,600 cells, so coming on duty takes a few dozen records in place of 1,600. Each record
     * costs about what a reach search does, so a stream thread still commits about as often as before.
     */
    public static final int MAX_CELLS = 64;

    public CellDeltas {
        deltas = List.copyOf(deltas);
        if (deltas.isEmpty() || deltas.size() > MAX_CELLS) {
            throw new IllegalArgumentException("Cell deltas must hold 1 to " + MAX_CELLS + " cells, held " + deltas.size());
        }
        CellDelta first = deltas.get(0);
        for (CellDelta delta : deltas) {
            if (!delta.officerId().equals(first.officerId()) || delta.available() != first.available()) {
                throw new IllegalArgumentException("Cell deltas must be one officer's, with one availability");
            }
        }
    }

    /** The cell the record is keyed by: the first; every other one lands in the same partition. */
    @Override
    public long cell() {
        return deltas.get(0).cell();
    }

    public String officerId() {
        return deltas.get(0).officerId();
    }

    public boolean available() {
        return deltas.get(0).available();
    }
}
