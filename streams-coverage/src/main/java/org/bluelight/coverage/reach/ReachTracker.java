package org.bluelight.coverage.reach;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;

/**
 * Keeps one officer's reach current: applies an update, asks the {@link ReachRule} whether the
 * reach can have changed, searches the road network only then, and turns the difference into
 * cell deltas.
 */
public final class ReachTracker {

    private final ReachRule rule;
    private final Reachability reachability;
    private final NodeCells nodeCells;

    public ReachTracker(ReachRule rule, Reachability reachability, CellGrid grid) {
        this.rule = rule;
        this.reachability = reachability;
        this.nodeCells = new NodeCells(grid);
    }

    public ReachStep apply(String officerId, OfficerReach before, OfficerUpdate update) {
        OfficerReach updated = before.updatedBy(update);
        ReachDecision decision = rule.decide(updated, reachability::roadNodeAt);
        OfficerReach after = switch (decision) {
            case KEEP -> updated;
            case CLEAR -> updated.withReach(null);
            case ON_DUTY, PROFILE_CHANGED, MOVED, ROAD_NODE_CHANGED -> updated.withReach(search(updated, update));
        };
        CellSet cellsBefore = before.cells();
        CellSet cellsAfter = after.cells();
        List<CellDelta> deltas = ReachDiff.between(officerId, cellsBefore, before.available(), cellsAfter, after.available());
        return new ReachStep(after, decision, deltas, cellsBefore.size() != cellsAfter.size());
    }

    private Reach search(OfficerReach officer, OfficerUpdate update) {
        ReachedArea area = reachability.reachableFrom(officer.position(), officer.profile(), update.at());
        Set<Long> cells = new HashSet<>();
        for (ReachedNode node : area.nodes()) {
            cells.add(nodeCells.cellOf(node));
        }
        return new Reach(officer.position(), area.originNode(), officer.profile(), CellSet.of(cells), update.at());
    }
}
