package org.bluelight.routing.search;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.IntCursor;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.shapes.BBox;

import java.util.Arrays;
import java.util.List;

/**
 * Dijkstra shortest-path tree from one node, forward (travel away from it) or reverse (travel towards it), over
 * a query graph, with turn costs when the weighting has them (edge-based). It finds the same tree as
 * GraphHopper's ShortestPathTree, but keeps labels in primitive arrays reused between the searches of a thread,
 * reads edge costs from precomputed {@link EdgeCosts} and junctions from {@link Adjacency}: these searches run
 * on every dispatch decision. Junctions changed by snapped points, and virtual ones, are read from the query
 * graph. Not thread-safe; one per query.
 */
public final class TreeSearch {

    private static final ThreadLocal<Labels> LABELS = ThreadLocal.withInitial(Labels::new);

    private final QueryGraph graph;
    private final Weighting weighting;
    private final EdgeCosts costs;
    private final Adjacency adjacency;
    private final IntHashSet changedNodes;
    private final boolean edgeBased;
    private final boolean reverse;

    /**
     * @param weighting    the weighting wrapped by the query graph ({@link QueryGraph#wrapWeighting})
     * @param changedNodes real junctions whose edges the query graph changed (ends of snapped edges)
     * @param reverse      true to search towards the start node (for many-to-one ETAs)
     */
    public TreeSearch(QueryGraph graph, Weighting weighting, EdgeCosts costs, Adjacency adjacency,
                      IntHashSet changedNodes, boolean reverse) {
        this.graph = graph;
        this.weighting = weighting;
        this.costs = costs;
        this.adjacency = adjacency;
        this.changedNodes = changedNodes;
        this.edgeBased = weighting.hasTurnCosts();
        this.reverse = reverse;
    }

    /** The real junctions whose edges a query graph built from these snaps changes. */
    public static IntHashSet changedNodes(List<Snap> snaps, int baseNodes) {
        IntHashSet changed = new IntHashSet();
        for (Snap snap : snaps)
            if (snap.getClosestNode() >= baseNodes) {
                changed.add(snap.getClosestEdge().getBaseNode());
                changed.add(snap.getClosestEdge().getAdjNode());
            }
        return changed;
    }

    /**
     * Settles nodes in increasing weight from {@code start} until the visitor stops it, the weight limit is
     * passed or the reachable graph is exhausted.
     */
    public void run(int start, double weightLimit, SettledNode visitor) {
        search(start, weightLimit, null, visitor);
    }

    /**
     * As {@link #run}, for a visitor that only wants the {@code goals}: the search is guided towards them (A* with
     * the straight line at the road's least weight per metre to the nearest goal not yet settled, a bound that never
     * overestimates), so it settles fewer other nodes. Each goal gets the weight, time and distance of its quickest
     * path, as from {@link #run}; which of several equally quick paths is taken may differ. Other nodes may be visited with any weight.
     */
    public void runTowards(int start, double weightLimit, int[] goals, SettledNode visitor) {
        NodeAccess nodes = graph.getNodeAccess();
        double[] goalLat = new double[goals.length];
        double[] goalLon = new double[goals.length];
        for (int i = 0; i < goals.length; i++) {
            goalLat[i] = nodes.getLat(goals[i]);
            goalLon[i] = nodes.getLon(goals[i]);
        }
        StraightLineBound bound = new StraightLineBound(nodes, graph.getBaseGraph().getBounds(), goals, goalLat, goalLon,
                costs.minWeightPerMeter);
        search(start, weightLimit, bound, visitor);
    }

    /**
     * As {@link #runTowards(int, double, int[], SettledNode)}, with the bound of the {@code landmarks} (ALT) instead of
     * the straight line: closer on streets, so fewer nodes are settled. The landmarks must {@link Landmarks#bound}
     * this search's costs.
     */
    public void runTowards(int start, double weightLimit, int[] goals, Landmarks landmarks, SettledNode visitor) {
        search(start, weightLimit, new LandmarkBound(landmarks, graph, weighting, adjacency.nodes, start, goals, reverse), visitor);
    }

    private void search(int start, double weightLimit, GoalBound bound, SettledNode visitor) {
        Labels labels = LABELS.get();
        labels.reset(edgeBased ? 2 * graph.getEdges() : graph.getNodes(), graph.getNodes());
        for (IntCursor changed : changedNodes)
            labels.markChanged(changed.value);
        if (bound != null)
            for (int goal : bound.goals)
                labels.markGoal(goal);
        EdgeExplorer explorer = graph.createEdgeExplorer();
        int startLabel = edgeBased ? -1 : start;
        if (startLabel >= 0)
            labels.set(startLabel, start, -1, 0, 0, 0);
        labels.heap.push(0, startLabel);

        while (!labels.heap.isEmpty()) {
            double key = labels.heap.peekKey();
            int label = labels.heap.pop();
            int node = label < 0 ? start : labels.node(label);
            double weight = label < 0 ? 0 : labels.weight(label);
            // the key of a label still current is its weight plus the node's bound (plain Dijkstra: its weight)
            if (label >= 0 && key > (bound == null ? weight : weight + labels.bound(node, bound)))
                continue; // stale heap entry
            if (key > weightLimit)
                return;
            long millis = label < 0 ? 0 : labels.millis(label);
            double distance = label < 0 ? 0 : labels.distance(label);
            int inEdge = label < 0 ? -1 : labels.edge(label);
            if (labels.settleNode(node)) {
                if (!visitor.settled(node, weight, millis, distance))
                    return;
                if (bound != null && labels.goal(node) && bound.reached(node))
                    labels.rekey(bound); // the goals left ahead are fewer: steer towards them alone
            }

            if (node < adjacency.nodes && !labels.changed(node)) {
                boolean restricted = adjacency.turnRestricted[node];
                int direction = reverse ? 1 : 0;
                for (int e = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1]; e < end; e++) {
                    int travelKey = reverse ? adjacency.reverseKey[e] : adjacency.key[e];
                    relax(labels, bound, node, inEdge, weight, millis, distance, adjacency.edge[e], adjacency.adjNode[e],
                            travelKey, costs.weight[2 * e + direction], costs.millis[2 * e + direction], adjacency.distance[e], restricted);
                }
            } else {
                EdgeIterator iter = explorer.setBaseNode(node);
                while (iter.next())
                    relax(labels, bound, node, inEdge, weight, millis, distance, iter.getEdge(), iter.getAdjNode(),
                            reverse ? iter.getReverseEdgeKey() : iter.getEdgeKey(), weighting.calcEdgeWeight(iter, reverse),
                            weighting.calcEdgeMillis(iter, reverse), iter.getDistance(), true);
            }
        }
    }

    private void relax(Labels labels, GoalBound bound, int node, int inEdge, double weight, long millis, double distance, int edge,
                       int adjNode, int travelKey, double edgeWeight, long edgeMillis, double edgeDistance,
                       boolean askTurnCosts) {
        if (!edgeBased && edge == inEdge)
            return;
        if (Double.isInfinite(edgeWeight))
            return;
        double turnWeight = 0;
        long turnMillis = 0;
        // turn costs are zero except for u-turns and at junctions with restrictions (no turn penalties in our models)
        if (edgeBased && inEdge >= 0 && (askTurnCosts || edge == inEdge)) {
            int from = reverse ? edge : inEdge, to = reverse ? inEdge : edge;
            turnWeight = weighting.calcTurnWeight(from, node, to);
            if (Double.isInfinite(turnWeight))
                return;
            turnMillis = weighting.calcTurnMillis(from, node, to);
        }
        double nextWeight = weight + edgeWeight + turnWeight;
        int next = edgeBased ? travelKey : adjNode;
        if (labels.isSet(next) && labels.weight(next) <= nextWeight)
            return;
        labels.set(next, adjNode, edge, nextWeight, millis + edgeMillis + turnMillis, distance + edgeDistance);
        labels.heap.push(bound == null ? nextWeight : nextWeight + labels.bound(adjNode, bound), next);
    }

    /**
     * A lower bound of the weight between a node and the nearest goal not yet reached. It must be consistent (from a
     * node to its neighbour it never falls by more than the edge's weight), so that a node is settled with its least
     * weight, as in a plain tree.
     */
    private abstract static class GoalBound {
        final int[] goals;
        int left;

        GoalBound(int[] goals) {
            this.goals = goals.clone();
            this.left = goals.length;
        }

        /** @return true when the node was a goal still ahead; it no longer counts */
        boolean reached(int node) {
            for (int i = 0; i < left; i++)
                if (goals[i] == node) {
                    left--;
                    goals[i] = goals[left];
                    moveGoal(left, i);
                    return true;
                }
            return false;
        }

        /** The goal at index {@code from} now sits at {@code to}. */
        abstract void moveGoal(int from, int to);

        abstract double of(int node);
    }

    /**
     * The straight line at the least weight a metre of road costs. The line is measured flat, east-west at the scale
     * of the map's widest latitude and 1% short, so it is a true distance (the bound stays consistent from edge to
     * edge) never longer than the great circle.
     */
    private static final class StraightLineBound extends GoalBound {
        private static final double METERS_PER_RADIAN = 6_371_000.0 * 0.99;

        private final NodeAccess nodes;
        private final double[] goalLat;
        private final double[] goalLon;
        private final double eastWestScale;
        private final double weightPerRadian;

        StraightLineBound(NodeAccess nodes, BBox map, int[] goals, double[] goalLat, double[] goalLon, double minWeightPerMeter) {
            super(goals);
            this.nodes = nodes;
            this.goalLat = goalLat;
            this.goalLon = goalLon;
            this.eastWestScale = Math.cos(Math.toRadians(Math.max(Math.abs(map.minLat), Math.abs(map.maxLat))));
            this.weightPerRadian = minWeightPerMeter * METERS_PER_RADIAN;
        }

        @Override
        void moveGoal(int from, int to) {
            goalLat[to] = goalLat[from];
            goalLon[to] = goalLon[from];
        }

        @Override
        double of(int node) {
            if (left == 0)
                return 0;
            double lat = nodes.getLat(node);
            double lon = nodes.getLon(node);
            double least = Double.POSITIVE_INFINITY;
            for (int i = 0; i < left; i++) {
                double dLat = lat - goalLat[i];
                double dLon = (lon - goalLon[i]) * eastWestScale;
                least = Math.min(least, dLat * dLat + dLon * dLon);
            }
            return Math.toRadians(Math.sqrt(least)) * weightPerRadian;
        }
    }

    /**
     * The landmarks' bound: for a reverse search (towards the start), the weight from goal g to node n is at least
     * potential(n) - potential(g) for each landmark; the greatest of those, and the least over the goals left.
     * Potentials are differences of quickest weights, so consistent on the base graph; virtual nodes (snapped points)
     * get the potential that keeps their edges consistent, and a landmark that cannot is not used for this search.
     */
    private static final class LandmarkBound extends GoalBound {
        private final Landmarks landmarks;
        private final int count;
        private final int baseNodes;
        /** Potentials of the query graph's virtual nodes, as in {@link Landmarks#potential}. */
        private final double[] virtual;
        private final boolean[] usable;
        private final double[] goalPotential;
        /** The landmarks this search asks: for each goal, the two that bound it best from the start. */
        private final int[] active;

        LandmarkBound(Landmarks landmarks, QueryGraph graph, Weighting weighting, int baseNodes, int start, int[] goals,
                      boolean reverse) {
            super(goals);
            if (!reverse)
                throw new IllegalArgumentException("landmark bounds are kept for reverse searches only");
            this.landmarks = landmarks;
            this.count = landmarks.count;
            this.baseNodes = baseNodes;
            int virtualNodes = graph.getNodes() - baseNodes;
            this.virtual = new double[virtualNodes * count];
            this.usable = new boolean[count];
            Arrays.fill(virtual, Double.NEGATIVE_INFINITY);
            Arrays.fill(usable, true);
            EdgeExplorer explorer = graph.createEdgeExplorer();
            // A virtual node's potential: the most its way out to any neighbour allows (relaxed to a fixed point, as
            // virtual nodes on one road lead to each other); then every edge into it must allow it too.
            for (int round = 0; round <= virtualNodes; round++) {
                boolean changed = false;
                for (int x = baseNodes; x < graph.getNodes(); x++) {
                    EdgeIterator out = explorer.setBaseNode(x);
                    while (out.next()) {
                        double w = weighting.calcEdgeWeight(out, false);
                        if (Double.isInfinite(w))
                            continue;
                        for (int i = 0; i < count; i++) {
                            double candidate = potential(out.getAdjNode(), i) - w;
                            if (candidate > virtual[(x - baseNodes) * count + i]) {
                                virtual[(x - baseNodes) * count + i] = candidate;
                                changed = true;
                            }
                        }
                    }
                }
                if (!changed)
                    break;
            }
            for (int x = baseNodes; x < graph.getNodes(); x++) {
                EdgeIterator edge = explorer.setBaseNode(x);
                while (edge.next()) {
                    double in = weighting.calcEdgeWeight(edge, true);
                    double out = weighting.calcEdgeWeight(edge, false);
                    for (int i = 0; i < count; i++) {
                        double here = potential(x, i);
                        double there = potential(edge.getAdjNode(), i);
                        if (!Double.isInfinite(in) && !(here <= there + in))
                            usable[i] = false;
                        if (!Double.isInfinite(out) && !(there <= here + out))
                            usable[i] = false;
                    }
                }
            }
            this.goalPotential = new double[goals.length * count];
            for (int g = 0; g < goals.length; g++)
                for (int i = 0; i < count; i++)
                    goalPotential[g * count + i] = potential(goals[g], i);
            this.active = strongest(start, goals.length);
        }

        /** Fewer landmarks per node make each bound cheaper; any subset keeps it consistent. */
        private int[] strongest(int start, int goalCount) {
            boolean[] chosen = new boolean[count];
            for (int g = 0; g < goalCount; g++) {
                int first = -1;
                int second = -1;
                double firstBound = Double.NEGATIVE_INFINITY;
                double secondBound = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < count; i++) {
                    double goal = goalPotential[g * count + i];
                    if (!usable[i] || Double.isInfinite(goal))
                        continue;
                    double bound = potential(start, i) - goal;
                    if (bound > firstBound) {
                        second = first;
                        secondBound = firstBound;
                        first = i;
                        firstBound = bound;
                    } else if (bound > secondBound) {
                        second = i;
                        secondBound = bound;
                    }
                }
                if (first >= 0)
                    chosen[first] = true;
                if (second >= 0)
                    chosen[second] = true;
            }
            int[] picked = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++)
                if (chosen[i])
                    picked[n++] = i;
            return Arrays.copyOf(picked, n);
        }

        private double potential(int node, int landmark) {
            return node < baseNodes ? landmarks.potential[node * count + landmark]
                    : virtual[(node - baseNodes) * count + landmark];
        }

        @Override
        void moveGoal(int from, int to) {
            System.arraycopy(goalPotential, from * count, goalPotential, to * count, count);
        }

        @Override
        double of(int node) {
            if (left == 0)
                return 0;
            double[] potentials = node < baseNodes ? landmarks.potential : virtual;
            int at = (node < baseNodes ? node : node - baseNodes) * count;
            double least = Double.POSITIVE_INFINITY;
            for (int g = 0; g < left; g++) {
                double most = 0;
                for (int i : active) {
                    double goal = goalPotential[g * count + i];
                    if (!Double.isInfinite(goal))
                        most = Math.max(most, potentials[at + i] - goal);
                }
                least = Math.min(least, most);
            }
            return least;
        }
    }

    /**
     * Labels and a 4-ary heap, cleared in O(1) by bumping a version stamp. A label's fields sit side by side
     * (weight, millis, distance; stamp, node, edge) so relaxing an edge touches two cache lines, not six.
     */
    private static final class Labels {
        double[] values = new double[0];
        int[] ints = new int[0];
        int[] nodeStamp = new int[0];
        int[] changedStamp = new int[0];
        int[] goalStamp = new int[0];
        int[] boundStamp = new int[0];
        double[] bounds = new double[0];
        int version;
        /** Bumped with {@link #version}, and whenever the goals change. */
        int boundVersion;

        final WeightHeap heap = new WeightHeap();

        void reset(int labelCount, int nodeCount) {
            if (ints.length < 3 * labelCount || nodeStamp.length < nodeCount || version == Integer.MAX_VALUE
                    || boundVersion > Integer.MAX_VALUE - 1024) {
                // headroom for the few virtual nodes and edges that the next query graph adds
                int capacity = Math.max(labelCount, ints.length / 3) + 64;
                values = new double[3 * capacity];
                ints = new int[3 * capacity];
                nodeStamp = new int[Math.max(nodeCount, nodeStamp.length) + 64];
                changedStamp = new int[nodeStamp.length];
                goalStamp = new int[nodeStamp.length];
                boundStamp = new int[nodeStamp.length];
                bounds = new double[nodeStamp.length];
                version = 0;
                boundVersion = 0;
            }
            version++;
            boundVersion++;
            heap.clear();
        }

        boolean isSet(int label) {
            return ints[3 * label] == version;
        }

        double weight(int label) {
            return values[3 * label];
        }

        long millis(int label) {
            return (long) values[3 * label + 1];
        }

        double distance(int label) {
            return values[3 * label + 2];
        }

        int node(int label) {
            return ints[3 * label + 1];
        }

        int edge(int label) {
            return ints[3 * label + 2];
        }

        void set(int label, int adjNode, int viaEdge, double w, long ms, double dist) {
            int at = 3 * label;
            values[at] = w;
            values[at + 1] = ms; // exact: travel times stay far below 2^53 ms
            values[at + 2] = dist;
            ints[at] = version;
            ints[at + 1] = adjNode;
            ints[at + 2] = viaEdge;
        }

        void markChanged(int n) {
            changedStamp[n] = version;
        }

        boolean changed(int n) {
            return changedStamp[n] == version;
        }

        void markGoal(int n) {
            goalStamp[n] = version;
        }

        boolean goal(int n) {
            return goalStamp[n] == version;
        }

        /** The node's bound, worked out once per run. */
        double bound(int n, GoalBound bound) {
            if (boundStamp[n] != boundVersion) {
                boundStamp[n] = boundVersion;
                bounds[n] = bound.of(n);
            }
            return bounds[n];
        }

        /**
         * Keys the heap afresh after the bound changed: entries made stale meanwhile are dropped, the current ones get
         * their weight plus the new bound. Sound because the labels ahead never depended on the bound.
         */
        void rekey(GoalBound bound) {
            heap.retain((label, key) -> label >= 0 && key <= weight(label) + bound(node(label), bound));
            boundVersion++;
            heap.rebuild(label -> weight(label) + bound(node(label), bound));
        }

        /** @return true the first time the node is settled in this run */
        boolean settleNode(int n) {
            if (nodeStamp[n] == version)
                return false;
            nodeStamp[n] = version;
            return true;
        }
    }
}
