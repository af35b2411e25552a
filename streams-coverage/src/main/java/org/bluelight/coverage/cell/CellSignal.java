package org.bluelight.coverage.cell;

/** A change that one cell's coverage must take in: an officer's reach or an incident. */
public sealed interface CellSignal permits CellDelta, CellIncident {

    long cell();
}
