package org.bluelight.coverage.reach;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.routing.GeoPoint;

/**
 * Where an officer can get to within the grade 1 target: the port to the road network. The
 * production adapter searches the routing module's road graph.
 */
public interface Reachability {

    /** The road node an officer at {@code position} would start from; empty off the network. */
    OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile);

    /** Every road node reachable from {@code origin} within the grade 1 target, leaving at {@code departure}. */
    ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure);

    /**
     * The cells of the road nodes {@link #reachableFrom} gives, in {@code grid}: what the tracker keeps. By default
     * each node is placed as it comes; the road network's adapter finds the same cells by a quicker search for the set
     * alone, with its junctions placed once.
     */
    default ReachedCells reachedCells(GeoPoint origin, ReachProfile profile, Instant departure, CellGrid grid) {
        ReachedArea area = reachableFrom(origin, profile, departure);
        long[] cells = new long[area.nodes().size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = grid.cellOf(area.nodes().get(i).position());
        }
        return new ReachedCells(area.originNode(), CellSet.of(cells));
    }

    /**
     * The key of the reach {@link #reachableFrom} gives for this officer when it is the same for every officer with
     * that key (it is then searched from the key's road node); empty when reaches are not shared (the default).
     */
    default Optional<ReachKey> sharedReach(GeoPoint position, ReachProfile profile, Instant departure) {
        return Optional.empty();
    }
}
