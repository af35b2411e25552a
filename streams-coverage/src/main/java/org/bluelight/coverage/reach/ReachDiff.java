package org.bluelight.coverage.reach;

import java.util.ArrayList;
import java.util.List;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellSet;

/**
 * The cells that changed between an officer's old and new reach: {@code +1} for a cell gained,
 * {@code -1} for a cell lost, and {@code 0} for each kept cell when the officer's availability
 * changed (the cell counts available officers too). Unchanged cells yield nothing.
 */
public final class ReachDiff {

    private ReachDiff() {
    }

    public static List<CellDelta> between(String officerId, CellSet before, boolean availableBefore,
                                          CellSet after, boolean availableAfter) {
        List<CellDelta> deltas = new ArrayList<>();
        for (long lost : before.minus(after)) {
            deltas.add(new CellDelta(lost, officerId, -1, availableAfter));
        }
        for (long gained : after.minus(before)) {
            deltas.add(new CellDelta(gained, officerId, +1, availableAfter));
        }
        if (availableBefore != availableAfter) {
            for (long kept : after.toArray()) {
                if (before.contains(kept)) {
                    deltas.add(new CellDelta(kept, officerId, 0, availableAfter));
                }
            }
        }
        return deltas;
    }
}
