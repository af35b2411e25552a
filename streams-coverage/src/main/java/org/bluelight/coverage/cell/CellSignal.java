package org.bluelight.coverage.cell;

/** A change that cells' coverage must take in: an officer's reach (in one cell or several) or an incident. */
public sealed interface CellSignal permits CellDelta, CellDeltas, CellIncident {

    long cell();
}
