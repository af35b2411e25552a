package org.bluelight.coverage.impact;

import java.util.HashMap;
import java.util.Map;

/**
 * One officer's coverage impact: the cells with demand where they are the only cover (with that
 * demand), and how many cells they reach. Sending them away would leave the former uncovered.
 */
public record OfficerImpact(Map<Long, Double> soleCoverCells, int reachableCells) {

    private static final OfficerImpact NONE = new OfficerImpact(Map.of(), 0);

    public OfficerImpact {
        soleCoverCells = Map.copyOf(soleCoverCells);
    }

    public static OfficerImpact none() {
        return NONE;
    }

    public OfficerImpact apply(ImpactSignal signal) {
        if (signal instanceof ReachSize size) {
            return new OfficerImpact(soleCoverCells, size.reachableCells());
        }
        SoleCoverChange change = (SoleCoverChange) signal;
        Map<Long, Double> next = new HashMap<>(soleCoverCells);
        if (change.sole()) {
            next.put(change.cell(), change.demandPerHour());
        } else {
            next.remove(change.cell());
        }
        return new OfficerImpact(next, reachableCells);
    }

    public int soleCoverCellCount() {
        return soleCoverCells.size();
    }

    public double soleCoverDemandPerHour() {
        return soleCoverCells.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public boolean isNone() {
        return soleCoverCells.isEmpty() && reachableCells == 0;
    }
}
