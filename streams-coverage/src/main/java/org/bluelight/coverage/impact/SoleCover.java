package org.bluelight.coverage.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bluelight.coverage.cell.CellState;

/**
 * Who is the only cover of a cell with demand, before and after a change to the cell, and what
 * that means for the officers' impact. Another officer arriving in reach makes the sole cover's
 * impact drop; the second-last one leaving makes the last one's rise.
 */
public final class SoleCover {

    private SoleCover() {
    }

    public static List<SoleCoverChange> changes(long cell, CellState before, CellState after) {
        Optional<String> soleBefore = before.soleCover();
        Optional<String> soleAfter = after.soleCover();
        List<SoleCoverChange> changes = new ArrayList<>(2);
        if (soleBefore.isPresent() && !soleBefore.equals(soleAfter)) {
            changes.add(new SoleCoverChange(soleBefore.get(), cell, false, 0));
        }
        if (soleAfter.isPresent()
                && (!soleAfter.equals(soleBefore) || before.demandPerHour() != after.demandPerHour())) {
            changes.add(new SoleCoverChange(soleAfter.get(), cell, true, after.demandPerHour()));
        }
        return changes;
    }
}
