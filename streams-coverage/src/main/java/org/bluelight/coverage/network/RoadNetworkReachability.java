package org.bluelight.coverage.network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.coverage.reach.ReachKey;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.coverage.reach.Reachability;
import org.bluelight.coverage.reach.ReachedArea;
import org.bluelight.coverage.reach.ReachedCells;
import org.bluelight.coverage.reach.ReachedNode;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;
import org.bluelight.routing.search.ReachTable;

/**
 * Reach on the routing module's road network: every junction an officer reaches within the grade 1
 * target with their grade 1 profile (blue lights for standard and advanced drivers), with the
 * traffic of the departure time. The search starts at the officer's road node (the first junction
 * they reach), so officers on the same road node with the same profile in the same traffic band
 * share one reach; it differs from a search from the exact position by the seconds to that node. The cells the app
 * keeps come from {@link #reachedCells}: per profile and traffic band, a reach table built once in the background
 * (the cells within the target of every road node, one backward search per cell); until it is ready, the same
 * junctions found by the road network's search for reach sets, placed in cells by a table made once.
 * {@link #reachableFrom} (the tree search, with times) is kept as their reference.
 */
public final class RoadNetworkReachability implements Reachability {

    /**
     * The road node an officer starts from is the first junction their search settles; a search
     * this short finds it without growing a whole reach.
     */
    private static final Duration NODE_SEARCH = Duration.ofSeconds(30);

    private final RoadNetwork network;
    private final Duration grade1Target;
    private final JunctionCells junctionCells;
    private final ReachTables tables;

    /** Places every junction of the network in the grid's cells (once, here). */
    public RoadNetworkReachability(RoadNetwork network, Duration grade1Target, CellGrid grid) {
        this.network = network;
        this.grade1Target = grade1Target;
        this.junctionCells = new JunctionCells(network.nodeCount(), network::junctionPosition, grid);
        this.tables = new ReachTables(network.nodeCount(), junctionCells.cellCount());
    }

    /**
     * This reach with its cells from {@link #reachableFrom} (the tree search, each node placed as it comes): the
     * reference {@link #reachedCells} is checked against, by tests and by the benchmark.
     */
    public Reachability byTreeSearch() {
        return new Reference(true);
    }

    /** The routing profile of an officer on a grade 1 response. */
    public static TravelProfile grade1Profile(ReachProfile profile) {
        return TravelProfile.forResponse(Transport.valueOf(profile.transport().name()),
                DrivingStandard.valueOf(profile.drivingStandard().name()), 1);
    }

    @Override
    public OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile) {
        OptionalInt node = network.firstJunction(position, grade1Profile(profile), NODE_SEARCH, Instant.EPOCH);
        return node.isEmpty() ? OptionalLong.empty() : OptionalLong.of(node.getAsInt());
    }

    /**
     * The cells of the junctions within the target of the officer's road node, by the road network's search for
     * reach sets: the same junctions as {@link #reachableFrom} (pinned by tests against it), several times quicker.
     */
    @Override
    public ReachedCells reachedCells(GeoPoint origin, ReachProfile profile, Instant departure, CellGrid grid) {
        return reachedCells(origin, profile, departure, grid, true);
    }

    /** This reach searching reach by reach, never from a reach table: the way {@link #reachedCells} starts. */
    public Reachability byReachSearch() {
        return new Reference(false);
    }

    /** This reach with its cells by one of the searches the reach tables replaced: for tests and the benchmark. */
    private final class Reference implements Reachability {

        private final boolean treeSearch;

        Reference(boolean treeSearch) {
            this.treeSearch = treeSearch;
        }

        @Override
        public OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile) {
            return RoadNetworkReachability.this.roadNodeAt(position, profile);
        }

        @Override
        public ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure) {
            return RoadNetworkReachability.this.reachableFrom(origin, profile, departure);
        }

        @Override
        public ReachedCells reachedCells(GeoPoint origin, ReachProfile profile, Instant departure, CellGrid grid) {
            return treeSearch ? Reachability.super.reachedCells(origin, profile, departure, grid)
                    : RoadNetworkReachability.this.reachedCells(origin, profile, departure, grid, false);
        }
    }

    private ReachedCells reachedCells(GeoPoint origin, ReachProfile profile, Instant departure, CellGrid grid,
                                      boolean fromTable) {
        if (junctionCells.resolution() != grid.resolution()) {
            return Reachability.super.reachedCells(origin, profile, departure, grid);
        }
        OptionalInt node = network.firstJunction(origin, grade1Profile(profile), NODE_SEARCH, Instant.EPOCH);
        if (node.isEmpty()) {
            return new ReachedCells(OptionalLong.empty(), CellSet.empty());
        }
        Optional<ReachTable> table = fromTable
                ? tables.ready(tableKey(profile, departure), () -> buildTable(profile, departure)) : Optional.empty();
        CellSet cells = table.isPresent()
                ? junctionCells.cellsAt(table.get().groupsWithin(node.getAsInt()))
                : junctionCells.cellsOf(network.junctionsWithin(node.getAsInt(), grade1Profile(profile), grade1Target, departure));
        return new ReachedCells(OptionalLong.of(node.getAsInt()), cells);
    }

    /**
     * Builds the reach table of this profile and the departure's traffic band now, unless built already or too big for
     * this map (false then): what {@link #reachedCells} otherwise starts in the background on first use, while it
     * searches reach by reach until the table is ready.
     */
    public boolean prepareTable(ReachProfile profile, Instant departure) {
        return tables.await(tableKey(profile, departure), () -> buildTable(profile, departure)).isPresent();
    }

    /** CPU time spent building reach tables so far (on a thread of their own, beside the stream threads). */
    public Duration tableBuildCpu() {
        return tables.buildCpu();
    }

    private ReachTables.Key tableKey(ReachProfile profile, Instant departure) {
        return new ReachTables.Key(profile, network.config().traffic().bandAt(departure).name());
    }

    private ReachTable buildTable(ReachProfile profile, Instant departure) {
        return network.reachTable(grade1Profile(profile), grade1Target, departure, junctionCells.cellIndices(),
                junctionCells.cellCount());
    }

    @Override
    public Optional<ReachKey> sharedReach(GeoPoint position, ReachProfile profile, Instant departure) {
        OptionalLong node = roadNodeAt(position, profile);
        return node.isEmpty() ? Optional.empty()
                : Optional.of(new ReachKey(node.getAsLong(), profile, network.config().traffic().bandAt(departure).name()));
    }

    @Override
    public ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure) {
        List<ReachableNode> nodes;
        try {
            List<ReachableNode> start = network.reachableFrom(origin, grade1Profile(profile), NODE_SEARCH, Instant.EPOCH).nodes();
            if (start.isEmpty()) {
                return ReachedArea.offNetwork();
            }
            nodes = network.reachableFrom(start.get(0).position(), grade1Profile(profile),
                    grade1Target, departure).nodes();
        } catch (RoutingException offTheNetwork) {
            return ReachedArea.offNetwork();
        }
        List<ReachedNode> reached = new ArrayList<>(nodes.size());
        for (ReachableNode node : nodes) {
            reached.add(new ReachedNode(node.nodeId(), node.position(),
                    Duration.ofMillis(Math.round(node.seconds() * 1000))));
        }
        OptionalLong start = nodes.isEmpty() ? OptionalLong.empty() : OptionalLong.of(nodes.get(0).nodeId());
        return new ReachedArea(start, reached);
    }
}
