package org.bluelight.coverage.stream;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bluelight.coverage.cell.CellCoverage;
import org.bluelight.coverage.impact.SoleCoverChange;

/** What one change to a cell produced: its new coverage if that changed, and sole-cover changes. */
record CellUpdate(Optional<CellCoverage> coverage, List<SoleCoverChange> soleCover, Instant at) {
}
