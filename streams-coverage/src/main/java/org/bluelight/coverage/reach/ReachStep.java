package org.bluelight.coverage.reach;

import java.util.List;
import org.bluelight.coverage.cell.CellDelta;

/** The outcome of one officer update: the officer to keep, what was decided, the cell deltas. */
public record ReachStep(OfficerReach officer, ReachDecision decision, List<CellDelta> deltas, boolean reachSizeChanged) {

    public ReachStep {
        deltas = List.copyOf(deltas);
    }
}
