package org.bluelight.routing.search;

import java.util.Arrays;

/**
 * Quickest weights from a few landmark junctions to every junction of the base graph over a floor of edge costs
 * (a speed model without traffic): by the triangle inequality, weight(a to b) is at least weight(landmark to b)
 * minus weight(landmark to a), for every band whose costs never fall below the floor (ALT, Goldberg and Harrelson
 * 2005). On a grid of streets this bound is much closer than the straight line at the fastest road's speed, so a
 * guided search settles far fewer junctions. Landmarks are picked far apart (each the junction farthest from those
 * already picked), deterministically, so results do not depend on the run.
 */
public final class Landmarks {

    /** Shy of the true weights by 1%, so bounds stay consistent through rounding and the split edges of snapped points. */
    static final double SCALE = 0.99;

    final int count;
    /** {@link #SCALE} times the weight from landmark i to junction n, at {@code n * count + i}; infinite where n cannot be reached. */
    final double[] potential;
    private final EdgeCosts floor;

    public Landmarks(Adjacency adjacency, EdgeCosts floor, int count) {
        this.count = count;
        this.floor = floor;
        this.potential = new double[adjacency.nodes * count];
        double[] nearest = new double[adjacency.nodes];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int landmark = farthest(weightsFrom(adjacency, floor, 0), null);
        for (int i = 0; i < count; i++) {
            double[] weights = weightsFrom(adjacency, floor, landmark);
            for (int n = 0; n < adjacency.nodes; n++) {
                potential[n * count + i] = SCALE * weights[n];
                nearest[n] = Math.min(nearest[n], weights[n]);
            }
            landmark = farthest(nearest, weights);
        }
    }

    /** True when no edge of {@code costs} weighs less than the floor, so bounds from these landmarks hold for them. */
    public boolean bound(EdgeCosts costs) {
        for (int e = 0; e < costs.weight.length; e++)
            if (!(costs.weight[e] >= floor.weight[e]))
                return false;
        return true;
    }

    /** The reachable junction with the greatest weight in {@code weights} (never one of the landmarks: weight 0). */
    private static int farthest(double[] weights, double[] reachableIn) {
        int best = 0;
        for (int n = 1; n < weights.length; n++)
            if (weights[n] > weights[best] && !Double.isInfinite(weights[n])
                    && (reachableIn == null || !Double.isInfinite(reachableIn[n])))
                best = n;
        return best;
    }

    /** A plain node-based Dijkstra forwards over the floor costs; turn costs only add, so leaving them out keeps it a floor. */
    private static double[] weightsFrom(Adjacency adjacency, EdgeCosts costs, int start) {
        double[] weights = new double[adjacency.nodes];
        Arrays.fill(weights, Double.POSITIVE_INFINITY);
        boolean[] settled = new boolean[adjacency.nodes];
        WeightHeap heap = new WeightHeap();
        weights[start] = 0;
        heap.push(0, start);
        while (!heap.isEmpty()) {
            int node = heap.pop();
            if (settled[node])
                continue;
            settled[node] = true;
            for (int e = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1]; e < end; e++) {
                double next = weights[node] + costs.weight[2 * e];
                int adj = adjacency.adjNode[e];
                if (next < weights[adj]) {
                    weights[adj] = next;
                    heap.push(next, adj);
                }
            }
        }
        return weights;
    }
}
