package org.bluelight.routing.search;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.EdgeIteratorState;

/**
 * One weighting's travel cost of every base-graph edge in both directions, computed once so searches read an
 * array instead of evaluating the custom model per edge. Values are exactly the weighting's own, so a search
 * using them finds the same routes and times as GraphHopper's algorithms with that weighting.
 * Edges added by a query graph (snapped points) are not here and are asked of the weighting.
 */
public final class EdgeCosts {

    private final int baseEdges;
    /** Indexed by directed edge key: 2 * edge for storage direction, 2 * edge + 1 against it. */
    final double[] weight;
    final long[] millis;

    public EdgeCosts(BaseGraph graph, Weighting weighting) {
        baseEdges = graph.getEdges();
        weight = new double[2 * baseEdges];
        millis = new long[2 * baseEdges];
        AllEdgesIterator edge = graph.getAllEdges();
        while (edge.next()) {
            int key = 2 * edge.getEdge();
            weight[key] = weighting.calcEdgeWeight(edge, false);
            weight[key + 1] = weighting.calcEdgeWeight(edge, true);
            millis[key] = Double.isInfinite(weight[key]) ? 0 : weighting.calcEdgeMillis(edge, false);
            millis[key + 1] = Double.isInfinite(weight[key + 1]) ? 0 : weighting.calcEdgeMillis(edge, true);
        }
    }

    /** Weight of travelling the edge from its base to its adjacent node ({@code reverse} false) or back. */
    double weight(EdgeIteratorState edge, boolean reverse, Weighting queryWeighting) {
        if (edge.getEdge() >= baseEdges)
            return queryWeighting.calcEdgeWeight(edge, reverse);
        return weight[reverse ? edge.getReverseEdgeKey() : edge.getEdgeKey()];
    }

    long millis(EdgeIteratorState edge, boolean reverse, Weighting queryWeighting) {
        if (edge.getEdge() >= baseEdges)
            return queryWeighting.calcEdgeMillis(edge, reverse);
        return millis[reverse ? edge.getReverseEdgeKey() : edge.getEdgeKey()];
    }
}
