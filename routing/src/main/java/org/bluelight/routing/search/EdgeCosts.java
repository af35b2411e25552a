package org.bluelight.routing.search;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIteratorState;

import java.util.Arrays;

/**
 * One weighting's travel cost of every base-graph edge in both directions, computed once and laid out in
 * {@link Adjacency} order, so a search reads them sequentially with the junction's edges instead of evaluating
 * the custom model per edge. Values are exactly the weighting's own, so searches using them find the same routes
 * and times as GraphHopper's algorithms with that weighting. Edges a query graph adds or changes are not here;
 * searches ask the weighting for those.
 */
public final class EdgeCosts {

    /** Per adjacency entry: weight away from the entry's node, then towards it. */
    final double[] weight;
    final int[] millis;
    /** Per directed edge key (an edge travelled one way), the travel time: for unpacking a hierarchy's paths. */
    final int[] millisByEdgeKey;
    /** The least weight a metre of road costs here: what a guided search may count on per metre of straight line. */
    final double minWeightPerMeter;
    private final int[] entryByKey;

    public EdgeCosts(Adjacency adjacency, BaseGraph graph, Weighting weighting) {
        int entries = adjacency.edge.length;
        entryByKey = adjacency.entryByKey;
        weight = new double[2 * entries];
        millis = new int[2 * entries];
        double least = Double.POSITIVE_INFINITY;
        // Each edge is listed at both its ends: the second entry's costs are the first's, the other way round.
        millisByEdgeKey = new int[2 * graph.getEdges()];
        int[] firstEntryOfEdge = new int[graph.getEdges()];
        Arrays.fill(firstEntryOfEdge, -1);
        for (int e = 0; e < entries; e++) {
            int twin = firstEntryOfEdge[adjacency.edge[e]];
            if (twin >= 0 && adjacency.key[e] == adjacency.reverseKey[twin]) {
                for (int toward = 0; toward < 2; toward++) {
                    weight[2 * e + toward] = weight[2 * twin + 1 - toward];
                    millis[2 * e + toward] = millis[2 * twin + 1 - toward];
                }
                continue;
            }
            firstEntryOfEdge[adjacency.edge[e]] = e;
            EdgeIteratorState away = graph.getEdgeIteratorStateForKey(adjacency.key[e]);
            for (int toward = 0; toward < 2; toward++) {
                double w = weighting.calcEdgeWeight(away, toward == 1);
                weight[2 * e + toward] = w;
                millis[2 * e + toward] = Double.isInfinite(w) ? 0 : Math.toIntExact(weighting.calcEdgeMillis(away, toward == 1));
                if (adjacency.distance[e] > 0 && !Double.isInfinite(w))
                    least = Math.min(least, w / adjacency.distance[e]);
            }
        }
        for (int e = 0; e < entries; e++)
            millisByEdgeKey[adjacency.key[e]] = millis[2 * e];
        minWeightPerMeter = Double.isInfinite(least) ? 0 : least;
    }

    /** Whether {@link #weight} knows the edge: false for a query graph's virtual edges. */
    public boolean knows(int edgeKey) {
        return edgeKey < entryByKey.length;
    }

    /**
     * The weighting's {@code calcEdgeWeight} of the base-graph edge in the direction of {@code edgeKey}, travelled
     * along it or, when reverse, against it, as computed here once.
     */
    public double weight(int edgeKey, boolean reverse) {
        return weight[2 * entryByKey[edgeKey] + (reverse ? 1 : 0)];
    }
}
