package org.bluelight.routing.search;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.IntCursor;
import com.graphhopper.routing.ch.ShortcutUnpacker;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.util.EdgeIteratorState;

/**
 * Many-to-one quickest paths on a node-based contraction hierarchy: one upward search backwards from the target,
 * kept, then one upward search forwards from each origin that meets it (the bucket method for distance tables).
 * Each origin's search stops as soon as nothing it has queued can beat the best meeting, so it settles a few hundred
 * junctions where a tree search settles everything closer than the farthest origin. The path's time and distance
 * come from unpacking its shortcuts onto the original edges, as GraphHopper's path extraction does.
 *
 * <p>The hierarchy knows no turns. Its path is also the quickest with turn costs when every turn on it costs
 * nothing: it never turns back on itself (a shortest path does not), and our turn weights are otherwise zero except
 * at junctions with turn restrictions, where its turns are asked. Turn weights are never negative, so the path
 * without them is never slower than the quickest with them, and a path whose turns cost nothing is that quickest.
 * A path taking a turn that costs (a banned one) is flagged for the caller to search exactly.
 * Labels live in arrays reused by the searches of a thread, and junctions no snapped point changed are read from
 * the hierarchy's {@link UpwardEdges}. Not thread-safe; one per query.
 */
public final class HierarchySearch {

    /**
     * The quickest path's weight, travel time and distance; null from {@link #from} when there is none.
     * {@code takesRestrictedTurn}: it takes a turn the weighting's turn costs ban or charge for, so the quickest
     * path that obeys them may be slower.
     */
    public record PathCost(double weight, long millis, double distanceMeters, boolean takesRestrictedTurn) {
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final RoutingCHGraph graph;
    private final UpwardEdges upward;
    private final Weighting weighting;
    private final EdgeCosts costs;
    private final int baseNodes;
    private final Adjacency turnRestrictions;
    private final RoutingCHEdgeExplorer outEdges;
    private final RoutingCHEdgeExplorer inEdges;
    private final Scratch scratch = SCRATCH.get();
    private int target = -1;

    /**
     * @param graph     the hierarchy seen through the query graph ({@code new QueryRoutingCHGraph(ch, queryGraph)})
     * @param upward       the same hierarchy's upward edges, without the query graph
     * @param weighting    the search's weighting wrapped by the query graph: travel times, and whether turns cost
     * @param costs        the same weighting's edge costs, for travel times of the base graph's edges
     * @param changedNodes real junctions whose edges the query graph changed (ends of snapped edges)
     */
    public HierarchySearch(RoutingCHGraph graph, UpwardEdges upward, QueryGraph queryGraph, Weighting weighting,
                           EdgeCosts costs, Adjacency adjacency, IntHashSet changedNodes) {
        if (graph.isEdgeBased())
            throw new IllegalArgumentException("a node-based hierarchy is needed");
        this.graph = graph;
        this.upward = upward;
        this.weighting = weighting;
        this.costs = costs;
        this.baseNodes = queryGraph.getBaseGraph().getNodes();
        this.turnRestrictions = weighting.hasTurnCosts() ? adjacency : null;
        this.outEdges = graph.createOutEdgeExplorer();
        this.inEdges = graph.createInEdgeExplorer();
        scratch.markChanged(changedNodes, upward.nodes);
    }

    /** Grows the backward upward search from the target; later {@link #from} calls meet it. */
    public void towards(int targetNode) {
        target = targetNode;
        Labels backward = scratch.backward;
        backward.reset(graph.getNodes());
        backward.set(targetNode, 0, -1, -1);
        WeightHeap heap = scratch.heap;
        heap.clear();
        heap.push(0, targetNode);
        while (!heap.isEmpty()) {
            double weight = heap.peekKey();
            int node = heap.pop();
            if (weight > backward.weight[node])
                continue; // superseded by a better label
            if (!stalled(node, weight, upward.out, backward))
                expand(node, weight, true, backward, heap);
        }
    }

    /** The quickest path from the origin to the target of {@link #towards}, or null when they are not connected. */
    public PathCost from(int origin) {
        if (origin == target)
            return new PathCost(0, 0, 0, false);
        Labels forward = scratch.forward, backward = scratch.backward;
        forward.reset(graph.getNodes());
        forward.set(origin, 0, -1, -1);
        WeightHeap heap = scratch.heap;
        heap.clear();
        heap.push(0, origin);
        double best = Double.POSITIVE_INFINITY;
        int meeting = -1;
        while (!heap.isEmpty()) {
            double weight = heap.peekKey();
            if (weight >= best)
                break;
            int node = heap.pop();
            if (weight > forward.weight[node])
                continue;
            if (backward.isSet(node) && weight + backward.weight[node] < best) {
                best = weight + backward.weight[node];
                meeting = node;
            }
            if (!stalled(node, weight, upward.in, forward))
                expand(node, weight, false, forward, heap);
        }
        return meeting < 0 ? null : cost(origin, meeting, best);
    }

    /**
     * Stall-on-demand: a junction a higher junction already reaches more cheaply, down an edge of the other
     * direction, lies on no quickest upward path, so it is not expanded. Its label stays: a meeting there only
     * offers a weight no better than a true one.
     */
    private boolean stalled(int node, double weight, UpwardEdges.Direction fromAbove, Labels labels) {
        if (node >= upward.nodes || scratch.changed(node))
            return false;
        for (int e = fromAbove.first[node], end = fromAbove.first[node + 1]; e < end; e++) {
            int higher = fromAbove.adjNode[e];
            if (labels.isSet(higher) && labels.weight[higher] + fromAbove.weight[e] < weight)
                return true;
        }
        return false;
    }

    private void expand(int node, double weight, boolean reverse, Labels labels, WeightHeap heap) {
        if (node < upward.nodes && !scratch.changed(node)) {
            UpwardEdges.Direction edges = reverse ? upward.in : upward.out;
            for (int e = edges.first[node], end = edges.first[node + 1]; e < end; e++) {
                int adj = edges.adjNode[e];
                double next = weight + edges.weight[e];
                if (next < (labels.isSet(adj) ? labels.weight[adj] : Double.POSITIVE_INFINITY)) {
                    labels.set(adj, next, edges.chEdge[e], node);
                    heap.push(next, adj);
                }
            }
            return;
        }
        RoutingCHEdgeIterator iter = (reverse ? inEdges : outEdges).setBaseNode(node);
        while (iter.next()) {
            int adj = iter.getAdjNode();
            // upward only; edges of virtual junctions (snapped points) are always taken, as GraphHopper does
            if (node < baseNodes && adj < baseNodes && graph.getLevel(node) > graph.getLevel(adj))
                continue;
            double next = weight + iter.getWeight(reverse);
            if (next < (labels.isSet(adj) ? labels.weight[adj] : Double.POSITIVE_INFINITY)) {
                labels.set(adj, next, iter.getEdge(), node);
                heap.push(next, adj);
            }
        }
    }

    /** Travel time and distance of the path through the meeting junction, unpacked onto original edges. */
    private PathCost cost(int origin, int meeting, double weight) {
        Unpacked path = new Unpacked(origin);
        ShortcutUnpacker unpacker = new ShortcutUnpacker(graph, path, false);
        Labels forward = scratch.forward, backward = scratch.backward;
        for (int node = meeting; forward.parentEdge[node] >= 0; node = forward.parentNode[node])
            unpacker.visitOriginalEdgesFwd(forward.parentEdge[node], node, true, -1);
        for (int node = meeting; backward.parentEdge[node] >= 0; node = backward.parentNode[node])
            unpacker.visitOriginalEdgesBwd(backward.parentEdge[node], node, true, -1);
        return new PathCost(weight, path.millis, path.distance, path.takesRestrictedTurn());
    }

    /** Sums an unpacked path's edges, in any order, and notes how it enters and leaves restricted junctions. */
    private final class Unpacked implements ShortcutUnpacker.Visitor {
        final int origin;
        long millis;
        double distance;
        /** Restricted junctions between the ends with the edge the path arrives by, and with the edge it leaves by. */
        final IntArrayList arrivals = new IntArrayList(2);
        final IntArrayList departures = new IntArrayList(2);

        Unpacked(int origin) {
            this.origin = origin;
        }

        @Override
        public void visit(EdgeIteratorState edge, boolean reverse, int prevOrNextEdge) {
            distance += edge.getDistance();
            int key = reverse ? edge.getReverseEdgeKey() : edge.getEdgeKey();
            millis += key < costs.millisByEdgeKey.length ? costs.millisByEdgeKey[key] : weighting.calcEdgeMillis(edge, reverse);
            if (turnRestrictions == null)
                return;
            int from = reverse ? edge.getAdjNode() : edge.getBaseNode();
            int to = reverse ? edge.getBaseNode() : edge.getAdjNode();
            if (to != target && turnRestrictions.turnRestricted(to))
                arrivals.add(to, edge.getEdge());
            if (from != origin && turnRestrictions.turnRestricted(from))
                departures.add(from, edge.getEdge());
        }

        boolean takesRestrictedTurn() {
            for (int a = 0; a < arrivals.size(); a += 2) {
                int junction = arrivals.get(a), inEdge = arrivals.get(a + 1), outEdge = -1;
                for (int d = 0; d < departures.size(); d += 2)
                    if (departures.get(d) == junction)
                        outEdge = departures.get(d + 1);
                if (outEdge < 0 || weighting.calcTurnWeight(inEdge, junction, outEdge) != 0)
                    return true;
            }
            return false;
        }
    }

    /** Weight, parent edge and parent junction per junction, cleared in O(1) by bumping a version stamp. */
    private static final class Labels {
        double[] weight = new double[0];
        int[] parentEdge = new int[0];
        int[] parentNode = new int[0];
        int[] stamp = new int[0];
        int version;

        void reset(int nodes) {
            if (stamp.length < nodes || version == Integer.MAX_VALUE) {
                int size = Math.max(nodes, stamp.length) + 64; // room for a query's virtual junctions
                weight = new double[size];
                parentEdge = new int[size];
                parentNode = new int[size];
                stamp = new int[size];
                version = 0;
            }
            version++;
        }

        boolean isSet(int node) {
            return stamp[node] == version;
        }

        void set(int node, double w, int edge, int parent) {
            stamp[node] = version;
            weight[node] = w;
            parentEdge[node] = edge;
            parentNode[node] = parent;
        }
    }

    private static final class Scratch {
        final Labels backward = new Labels();
        final Labels forward = new Labels();
        final WeightHeap heap = new WeightHeap();
        int[] changedStamp = new int[0];
        int changedVersion;

        void markChanged(IntHashSet nodes, int baseNodes) {
            if (changedStamp.length < baseNodes || changedVersion == Integer.MAX_VALUE) {
                changedStamp = new int[baseNodes];
                changedVersion = 0;
            }
            changedVersion++;
            for (IntCursor node : nodes)
                changedStamp[node.value] = changedVersion;
        }

        boolean changed(int node) {
            return changedStamp[node] == changedVersion;
        }
    }
}
