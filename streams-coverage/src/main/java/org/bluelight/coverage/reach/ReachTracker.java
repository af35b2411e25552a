package org.bluelight.coverage.reach;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;

/**
 * Keeps one officer's reach current: applies an update, asks the {@link ReachRule} whether the
 * reach can have changed, searches the road network only then, and turns the difference into
 * cell deltas. Reaches that the road network shares (same road node, profile and traffic band)
 * are kept as cells for the next officer with the same key, in a bounded least-recently-used
 * cache: a derived value, rebuilt by searching again, so not state to restore.
 */
public final class ReachTracker {

    private final ReachRule rule;
    private final Reachability reachability;
    /** Reaches of a county are a few thousand cells (tens of kB) each. */
    private static final int SHARED_REACHES = 4096;

    private final CellGrid grid;
    private final Map<ReachKey, CellSet> shared = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ReachKey, CellSet> eldest) {
                    return size() > SHARED_REACHES;
                }
            });

    public ReachTracker(ReachRule rule, Reachability reachability, CellGrid grid) {
        this.rule = rule;
        this.reachability = reachability;
        this.grid = grid;
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
        Optional<ReachKey> key = reachability.sharedReach(officer.position(), officer.profile(), update.at());
        CellSet known = key.map(shared::get).orElse(null);
        if (known != null) {
            return new Reach(officer.position(), OptionalLong.of(key.get().roadNode()), officer.profile(), known, update.at());
        }
        ReachedCells area = reachability.reachedCells(officer.position(), officer.profile(), update.at(), grid);
        CellSet reached = area.cells();
        key.ifPresent(k -> shared.put(k, reached));
        return new Reach(officer.position(), area.originNode(), officer.profile(), reached, update.at());
    }
}
