package org.bluelight.routing.search;

import com.carrotsearch.hppc.IntObjectHashMap;
import com.graphhopper.routing.ch.ShortcutUnpacker;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.GHUtility;

import java.util.PriorityQueue;

/**
 * Many-to-one quickest paths on a contraction hierarchy: one upward search backwards from the target, kept, then
 * one upward search forwards from each origin that meets it (the bucket method for distance tables). Each origin's
 * search stops as soon as nothing it has queued can beat the best meeting, so it settles a few hundred labels
 * where a tree search settles everything closer than the farthest origin. Labels and meetings follow GraphHopper's
 * own edge-based CH search (keys of the original edges travelled, turn costs at the meeting junction), so a path
 * found here is one GraphHopper's point-to-point CH would find; its time and distance come from unpacking the
 * shortcuts onto the original edges, as GraphHopper's path extraction does. Not thread-safe; one per query.
 */
public final class HierarchySearch {

    /** The quickest path's weight, travel time and distance; null from {@link #from} when there is none. */
    public record PathCost(double weight, long millis, double distanceMeters) {
    }

    private record Label(int key, int chEdge, int node, int origEdge, double weight, Label parent) {
    }

    private final RoutingCHGraph graph;
    private final Weighting weighting;
    private final int baseNodes;
    private final boolean edgeBased;
    private final RoutingCHEdgeExplorer outEdges;
    private final RoutingCHEdgeExplorer inEdges;
    private final EdgeExplorer meetingEdges;
    /** Backward labels by key: the original edge leaving the label's junction (edge-based), or the junction. */
    private final IntObjectHashMap<Label> towardsTarget = new IntObjectHashMap<>();
    private int target = -1;

    /**
     * @param graph     the hierarchy seen through the query graph ({@code new QueryRoutingCHGraph(ch, queryGraph)})
     * @param weighting the hierarchy's weighting wrapped by the query graph, for travel times of virtual edges
     */
    public HierarchySearch(RoutingCHGraph graph, QueryGraph queryGraph, Weighting weighting) {
        this.graph = graph;
        this.weighting = weighting;
        this.baseNodes = queryGraph.getBaseGraph().getNodes();
        this.edgeBased = graph.isEdgeBased();
        this.outEdges = graph.createOutEdgeExplorer();
        this.inEdges = graph.createInEdgeExplorer();
        this.meetingEdges = queryGraph.createEdgeExplorer();
    }

    /** Grows the backward upward search from the target; later {@link #from} calls meet it. */
    public void towards(int targetNode) {
        target = targetNode;
        towardsTarget.clear();
        PriorityQueue<Label> queue = new PriorityQueue<>((a, b) -> Double.compare(a.weight, b.weight));
        Label root = new Label(targetNode, EdgeIterator.NO_EDGE, targetNode, EdgeIterator.NO_EDGE, 0, null);
        if (!edgeBased)
            towardsTarget.put(targetNode, root);
        expand(root, true, edgeBased, queue, towardsTarget);
        while (!queue.isEmpty()) {
            Label label = queue.poll();
            if (towardsTarget.get(label.key) != label)
                continue; // superseded by a better label for the same key
            expand(label, true, false, queue, towardsTarget);
        }
    }

    /** The quickest path from the origin to the target of {@link #towards}, or null when they are not connected. */
    public PathCost from(int origin) {
        if (origin == target)
            return new PathCost(0, 0, 0);
        IntObjectHashMap<Label> fromOrigin = new IntObjectHashMap<>();
        PriorityQueue<Label> queue = new PriorityQueue<>((a, b) -> Double.compare(a.weight, b.weight));
        Label root = new Label(origin, EdgeIterator.NO_EDGE, origin, EdgeIterator.NO_EDGE, 0, null);
        Meeting best = new Meeting();
        meet(root, best);
        expand(root, false, edgeBased, queue, fromOrigin);
        while (!queue.isEmpty()) {
            Label label = queue.poll();
            if (label.weight >= best.weight)
                break;
            if (fromOrigin.get(label.key) != label)
                continue;
            meet(label, best);
            expand(label, false, false, queue, fromOrigin);
        }
        return best.forward == null ? null : cost(best);
    }

    private static final class Meeting {
        double weight = Double.POSITIVE_INFINITY;
        Label forward;
        Label backward;

        void offer(double w, Label fwd, Label bwd) {
            if (w < weight) {
                weight = w;
                forward = fwd;
                backward = bwd;
            }
        }
    }

    /** Every way the forward label joins a backward label at its junction, with the turn between them. */
    private void meet(Label forward, Meeting best) {
        if (forward.node == target)
            best.offer(forward.weight, forward, null);
        if (!edgeBased) {
            Label backward = towardsTarget.get(forward.node);
            if (backward != null)
                best.offer(forward.weight + backward.weight, forward, backward);
            return;
        }
        EdgeIterator iter = meetingEdges.setBaseNode(forward.node);
        while (iter.next()) {
            Label backward = towardsTarget.get(iter.getEdgeKey());
            if (backward == null)
                continue;
            double turn = forward.origEdge == EdgeIterator.NO_EDGE ? 0
                    : graph.getTurnWeight(forward.origEdge, forward.node, iter.getEdge());
            best.offer(forward.weight + backward.weight + turn, forward, backward);
        }
    }

    /** @param anyLevel take edges down the hierarchy too: edge-based CH's first step, as in GraphHopper's search */
    private void expand(Label from, boolean reverse, boolean anyLevel, PriorityQueue<Label> queue, IntObjectHashMap<Label> labels) {
        RoutingCHEdgeIterator iter = (reverse ? inEdges : outEdges).setBaseNode(from.node);
        while (iter.next()) {
            int base = iter.getBaseNode(), adj = iter.getAdjNode();
            // upward only; edges of virtual junctions (snapped points) are always taken, as GraphHopper does
            if (!anyLevel && base < baseNodes && adj < baseNodes && graph.getLevel(base) > graph.getLevel(adj))
                continue;
            if (!edgeBased && iter.getEdge() == from.chEdge)
                continue;
            double weight = iter.getWeight(reverse);
            if (Double.isInfinite(weight))
                continue;
            int origEdge = GHUtility.getEdgeFromEdgeKey(reverse ? iter.getOrigEdgeKeyFirst() : iter.getOrigEdgeKeyLast());
            if (edgeBased && from.origEdge != EdgeIterator.NO_EDGE) {
                int firstEdge = GHUtility.getEdgeFromEdgeKey(reverse ? iter.getOrigEdgeKeyLast() : iter.getOrigEdgeKeyFirst());
                double turn = reverse ? graph.getTurnWeight(firstEdge, base, from.origEdge)
                        : graph.getTurnWeight(from.origEdge, base, firstEdge);
                if (Double.isInfinite(turn))
                    continue;
                weight += turn;
            }
            weight += from.weight;
            int key = edgeBased ? traversalKey(iter, reverse) : adj;
            Label known = labels.get(key);
            if (known != null && known.weight <= weight)
                continue;
            Label label = new Label(key, iter.getEdge(), adj, origEdge, weight, from);
            labels.put(key, label);
            queue.add(label);
        }
    }

    /** GraphHopper's traversal key of an edge-based CH edge: the original edge key in the direction travelled. */
    private static int traversalKey(RoutingCHEdgeIterator iter, boolean reverse) {
        int key = reverse ? iter.getOrigEdgeKeyFirst() : iter.getOrigEdgeKeyLast();
        if (reverse && !iter.isShortcut() && iter.getBaseNode() != iter.getAdjNode())
            key = GHUtility.reverseEdgeKey(key);
        return key;
    }

    /** Travel time and distance of the meeting's path, unpacked onto original edges with their turn times. */
    private PathCost cost(Meeting meeting) {
        long[] millis = {0};
        double[] distance = {0};
        ShortcutUnpacker unpacker = new ShortcutUnpacker(graph, (edge, reverse, prevOrNext) -> {
            distance[0] += edge.getDistance();
            millis[0] += GHUtility.calcMillisWithTurnMillis(weighting, edge, reverse, prevOrNext);
        }, edgeBased);
        for (Label l = meeting.forward; l.parent != null; l = l.parent)
            unpacker.visitOriginalEdgesFwd(l.chEdge, l.node, true, edgeBased ? l.parent.origEdge : EdgeIterator.NO_EDGE);
        if (meeting.backward != null) {
            if (edgeBased && meeting.forward.origEdge != EdgeIterator.NO_EDGE && meeting.backward.origEdge != EdgeIterator.NO_EDGE)
                millis[0] += weighting.calcTurnMillis(meeting.forward.origEdge, meeting.forward.node, meeting.backward.origEdge);
            for (Label l = meeting.backward; l.parent != null; l = l.parent)
                unpacker.visitOriginalEdgesBwd(l.chEdge, l.node, true, edgeBased ? l.parent.origEdge : EdgeIterator.NO_EDGE);
        }
        return new PathCost(meeting.weight, millis[0], distance[0]);
    }
}
