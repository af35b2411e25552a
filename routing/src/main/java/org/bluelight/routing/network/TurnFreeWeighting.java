package org.bluelight.routing.network;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;
import org.bluelight.routing.search.EdgeCosts;

/**
 * A weighting's edge weights and times without its turn costs: what a node-based hierarchy is contracted on. Weights
 * of base-graph edges come from the weighting's edge costs, computed once: GraphHopper's hierarchy iterator asks for
 * the weight of every original edge it passes, so asking the custom model each time made loading a hierarchy from
 * the cache (copying its upward edges) cost more than an evaluation's week of searches on it.
 */
record TurnFreeWeighting(Weighting edges, EdgeCosts costs) implements Weighting {

    @Override
    public double calcMinWeightPerDistance() {
        return edges.calcMinWeightPerDistance();
    }

    @Override
    public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
        int key = edge.getEdgeKey();
        return costs.knows(key) ? costs.weight(key, reverse) : edges.calcEdgeWeight(edge, reverse);
    }

    @Override
    public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
        return edges.calcEdgeMillis(edge, reverse);
    }

    @Override
    public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
        return 0;
    }

    @Override
    public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
        return 0;
    }

    @Override
    public boolean hasTurnCosts() {
        return false;
    }

    @Override
    public String getName() {
        return edges.getName();
    }
}
