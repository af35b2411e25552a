package org.bluelight.routing.search;

import com.graphhopper.routing.weighting.Weighting;

import java.util.Arrays;

/**
 * Every junction within a weight limit of one junction, on the base graph's {@link Adjacency} and {@link EdgeCosts}
 * alone: the reach sets of coverage, asked for on every move of every officer. It finds the same junctions as a
 * {@link TreeSearch} from that junction with the same limit (edge-based with turn restrictions and u-turn costs when
 * the weighting has turn costs, as there), but needs only the set, not the settling order or times: so it is
 * label-correcting over buckets one weight unit wide instead of a heap, and keeps only weights. A label may be
 * expanded more than once within a bucket, each time with a smaller weight; the weights it ends with are the least
 * of the sums along paths, exactly as Dijkstra's (the same sums of the same doubles), so a junction is inside the
 * limit here exactly when it is settled within it there. Thread-safe: scratch arrays are per thread; build one per
 * weighting and keep it.
 *
 * <p>An edge-based search from a junction with no restricted junction within the limit (by the node-based weights
 * to the nearest one, computed once here) is run node-based, with a label per junction instead of one per
 * direction of each edge: about half the labels. It finds the same junctions: away from restrictions the only turn
 * weight is the u-turn's, and a shortest path never turns back on itself, so each junction's least weight is the
 * same sum of the same edge weights either way.
 */
public final class ReachSearch {

    /** Weight units (seconds) per bucket: most road segments take longer, so few labels are expanded twice. */
    static final double BUCKET_WIDTH = 1.0;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    final Adjacency adjacency;
    final boolean edgeBased;
    /** Per adjacency entry, the weight of travelling along it away from its node (infinite: not allowed). */
    final double[] weight;
    /** Per adjacency entry, the entry of the same edge at its other end: where a label along it arrives. */
    final int[] twin;
    /**
     * Per junction with turn restrictions, where its turn weights start in {@link #turns} (-1 elsewhere): a row per
     * entry arrived by, a column per entry left by, as GraphHopper's weighting gives them, asked once here.
     */
    final int[] turnTable;
    final double[] turns;
    /** GraphHopper's u-turn cost is one constant, asked once. */
    final double uTurnWeight;
    /**
     * Per junction, the least node-based weight from it to a junction with turn restrictions (infinite when there is
     * none, or the search is node-based anyway): a search whose limit stays below it never meets one.
     */
    private final double[] toRestriction;

    /** Prepares the weighting's search: a pass over the edges, and over the turns of junctions with restrictions. */
    public ReachSearch(Adjacency adjacency, EdgeCosts costs, Weighting weighting) {
        this.adjacency = adjacency;
        this.edgeBased = weighting.hasTurnCosts();
        int entries = adjacency.edge.length;
        weight = new double[entries];
        for (int e = 0; e < entries; e++)
            weight[e] = costs.weight[2 * e];
        twin = new int[entries];
        turnTable = new int[adjacency.nodes];
        Arrays.fill(turnTable, -1);
        int tableSize = 0;
        for (int n = 0; n < adjacency.nodes; n++) {
            int first = adjacency.firstEntry[n], degree = adjacency.firstEntry[n + 1] - first;
            for (int e = first; e < first + degree; e++) {
                int other = adjacency.adjNode[e];
                twin[e] = e;
                for (int t = adjacency.firstEntry[other]; t < adjacency.firstEntry[other + 1]; t++)
                    if (adjacency.edge[t] == adjacency.edge[e] && (other != n || t != e)) {
                        twin[e] = t;
                        break;
                    }
            }
            if (edgeBased && adjacency.turnRestricted[n]) {
                turnTable[n] = tableSize;
                tableSize += degree * degree;
            }
        }
        turns = new double[tableSize];
        for (int n = 0; n < adjacency.nodes; n++) {
            if (turnTable[n] < 0)
                continue;
            int first = adjacency.firstEntry[n], degree = adjacency.firstEntry[n + 1] - first;
            for (int in = 0; in < degree; in++)
                for (int out = 0; out < degree; out++)
                    turns[turnTable[n] + in * degree + out] =
                            weighting.calcTurnWeight(adjacency.edge[first + in], n, adjacency.edge[first + out]);
        }
        this.uTurnWeight = edgeBased && entries > 0
                ? weighting.calcTurnWeight(adjacency.edge[0], adjacency.adjNode[0], adjacency.edge[0]) : 0;
        this.toRestriction = restrictionWeights(true);
    }

    /**
     * A node-based search from every restricted junction at once: per junction, the least weight from it to one
     * ({@code towards}) or from one to it (infinite everywhere when the search is node-based anyway).
     */
    double[] restrictionWeights(boolean towards) {
        double[] to = new double[adjacency.nodes];
        Arrays.fill(to, Double.POSITIVE_INFINITY);
        if (!edgeBased)
            return to;
        WeightHeap heap = new WeightHeap();
        for (int n = 0; n < adjacency.nodes; n++)
            if (turnTable[n] >= 0) {
                to[n] = 0;
                heap.push(0, n);
            }
        while (!heap.isEmpty()) {
            double w = heap.peekKey();
            int node = heap.pop();
            if (w > to[node])
                continue;
            for (int e = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1]; e < end; e++) {
                int other = adjacency.adjNode[e];
                double next = w + weight[towards ? twin[e] : e]; // travelling from there to here, or here to there
                if (next < to[other]) {
                    to[other] = next;
                    heap.push(next, other);
                }
            }
        }
        return to;
    }

    /**
     * True when a search from {@code start} can meet no restricted junction within the limit. The weights to the
     * restrictions were summed backwards, so their last bits may differ from a forward search's: a margin far above
     * that keeps the decision on the safe side.
     */
    private boolean clearOfRestrictions(int start, double weightLimit) {
        return toRestriction[start] > weightLimit * (1 + 1e-9) + 1e-9;
    }

    /** The junctions within {@code weightLimit} of {@code start} (a base-graph node), {@code start} first, the rest in no order. */
    public int[] from(int start, double weightLimit) {
        Scratch s = SCRATCH.get();
        int buckets = (int) (weightLimit / BUCKET_WIDTH) + 1;
        boolean byEdges = edgeBased && !clearOfRestrictions(start, weightLimit);
        s.reset(byEdges ? adjacency.edge.length : adjacency.nodes, adjacency.nodes, buckets);
        s.reach(start);
        if (byEdges) {
            expandEdgeBased(s, start, -1, 0, weightLimit);
        } else {
            s.improve(start, 0, start);
        }
        for (int b = 0; b < buckets; b++) {
            while (s.size[b] > 0) {
                int label = s.bucket[b][--s.size[b]];
                if (s.expanded[label] == s.version)
                    continue; // already expanded at its current weight
                s.expanded[label] = s.version;
                if (byEdges)
                    expandEdgeBased(s, adjacency.adjNode[label], twin[label], s.weight[label], weightLimit);
                else
                    expandNodeBased(s, label, s.weight[label], weightLimit);
            }
        }
        return Arrays.copyOf(s.reached, s.reachedCount);
    }

    /**
     * Labels are adjacency entries: travel from the entry's node along its edge; {@code inEntry} is the entry at
     * {@code node} of the edge arrived by (-1 at the start).
     */
    private void expandEdgeBased(Scratch s, int node, int inEntry, double weight, double weightLimit) {
        int first = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1];
        int inEdge = inEntry < 0 ? -1 : adjacency.edge[inEntry];
        int table = inEntry < 0 ? -1 : turnTable[node];
        int row = table < 0 ? 0 : table + (inEntry - first) * (end - first) - first;
        for (int e = first; e < end; e++) {
            double edgeWeight = this.weight[e];
            if (Double.isInfinite(edgeWeight))
                continue;
            double turnWeight = 0;
            if (table >= 0) {
                turnWeight = turns[row + e];
                if (Double.isInfinite(turnWeight))
                    continue;
            } else if (adjacency.edge[e] == inEdge) {
                turnWeight = uTurnWeight;
            }
            double next = weight + edgeWeight + turnWeight;
            if (next <= weightLimit && s.improves(e, next))
                s.improve(e, next, adjacency.adjNode[e]);
        }
    }

    private void expandNodeBased(Scratch s, int node, double weight, double weightLimit) {
        for (int e = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1]; e < end; e++) {
            double next = weight + this.weight[e];
            int adjNode = adjacency.adjNode[e];
            if (next <= weightLimit && s.improves(adjNode, next))
                s.improve(adjNode, next, adjNode);
        }
    }

    /** Labels, buckets and the junctions reached, cleared in O(1) by bumping a version stamp. */
    static final class Scratch {
        double[] weight = new double[0];
        int[] set = new int[0];
        int[] expanded = new int[0];
        int[] reachedStamp = new int[0];
        int[] reached = new int[1024];
        int reachedCount;
        int[][] bucket = new int[0][];
        int[] size = new int[0];
        int version;

        void reset(int labels, int nodes, int buckets) {
            if (weight.length < labels || reachedStamp.length < nodes || version == Integer.MAX_VALUE) {
                weight = new double[labels];
                set = new int[labels];
                expanded = new int[labels];
                reachedStamp = new int[nodes];
                version = 0;
            }
            if (bucket.length < buckets) {
                int[][] grown = Arrays.copyOf(bucket, buckets);
                for (int b = bucket.length; b < buckets; b++)
                    grown[b] = new int[64];
                bucket = grown;
                size = new int[buckets];
            }
            version++;
            reachedCount = 0;
        }

        boolean improves(int label, double w) {
            return set[label] != version || w < weight[label];
        }

        void improve(int label, double w, int head) {
            weight[label] = w;
            set[label] = version;
            expanded[label] = 0;
            int b = (int) (w / BUCKET_WIDTH);
            if (size[b] == bucket[b].length)
                bucket[b] = Arrays.copyOf(bucket[b], size[b] * 2);
            bucket[b][size[b]++] = label;
            reach(head);
        }

        void reach(int node) {
            if (reachedStamp[node] == version)
                return;
            reachedStamp[node] = version;
            if (reachedCount == reached.length)
                reached = Arrays.copyOf(reached, reachedCount * 2);
            reached[reachedCount++] = node;
        }
    }
}
