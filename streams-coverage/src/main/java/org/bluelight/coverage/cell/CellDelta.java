package org.bluelight.coverage.cell;

/**
 * One officer's change in one cell: {@code +1} the cell came into their reach, {@code -1} it left,
 * {@code 0} still in reach but their availability changed. {@code available} is the officer's
 * availability after the change.
 */
public record CellDelta(long cell, String officerId, int reachChange, boolean available) implements CellSignal {

    public CellDelta {
        if (reachChange < -1 || reachChange > 1) {
            throw new IllegalArgumentException("Reach change must be -1, 0 or +1, was " + reachChange);
        }
    }
}
