package org.bluelight.routing.network;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;

/** A weighting's edge weights and times without its turn costs: what a node-based hierarchy is contracted on. */
record TurnFreeWeighting(Weighting edges) implements Weighting {

    @Override
    public double calcMinWeightPerDistance() {
        return edges.calcMinWeightPerDistance();
    }

    @Override
    public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
        return edges.calcEdgeWeight(edge, reverse);
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
