package org.bluelight.routing.search;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;

/**
 * A node-based contraction hierarchy's upward edges copied into flat arrays with their weights, read once through
 * GraphHopper's explorers: its iterator asks the custom model for the weight of every original edge on every visit,
 * most of a search's time. Per junction, the edges leaving it upwards (for forward searches) and the edges arriving
 * at it from above, walked backwards (for backward searches), each with the hierarchy's edge id for unpacking.
 */
public final class UpwardEdges {

    final int nodes;
    final Direction out;
    final Direction in;

    /** Entries of node n are first[n] until first[n + 1]. */
    static final class Direction {
        final int[] first;
        final int[] adjNode;
        final int[] chEdge;
        final double[] weight;

        private Direction(RoutingCHGraph graph, int nodes, boolean reverse) {
            RoutingCHEdgeExplorer explorer = reverse ? graph.createInEdgeExplorer() : graph.createOutEdgeExplorer();
            first = new int[nodes + 1];
            int entries = 0;
            for (int n = 0; n < nodes; n++) {
                RoutingCHEdgeIterator iter = explorer.setBaseNode(n);
                while (iter.next())
                    if (upward(graph, n, iter, reverse))
                        entries++;
            }
            adjNode = new int[entries];
            chEdge = new int[entries];
            weight = new double[entries];
            int e = 0;
            for (int n = 0; n < nodes; n++) {
                first[n] = e;
                RoutingCHEdgeIterator iter = explorer.setBaseNode(n);
                while (iter.next())
                    if (upward(graph, n, iter, reverse)) {
                        adjNode[e] = iter.getAdjNode();
                        chEdge[e] = iter.getEdge();
                        weight[e] = iter.getWeight(reverse);
                        e++;
                    }
            }
            first[nodes] = e;
        }

        private static boolean upward(RoutingCHGraph graph, int node, RoutingCHEdgeIterator iter, boolean reverse) {
            return graph.getLevel(node) <= graph.getLevel(iter.getAdjNode()) && !Double.isInfinite(iter.getWeight(reverse));
        }
    }

    public UpwardEdges(RoutingCHGraph graph) {
        if (graph.isEdgeBased())
            throw new IllegalArgumentException("a node-based hierarchy is needed");
        nodes = graph.getNodes();
        out = new Direction(graph, nodes, false);
        in = new Direction(graph, nodes, true);
    }
}
