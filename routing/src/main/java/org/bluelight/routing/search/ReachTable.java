package org.bluelight.routing.search;

import java.util.Arrays;

/**
 * For every junction, which groups of junctions (say, the cells of a grid) have a junction within a weight limit of
 * it: the groups of the junctions {@link ReachSearch#from} finds, for all starts at once. Coverage asks for the cells
 * within the grade 1 target of an officer's road node on every move, and officers rarely come back to one node, so
 * a search per group replaces a search per move: one search backwards from each group's junctions to every junction
 * within the limit of one of them. A county's 3,000 cells take a few seconds once; its 50,000 junctions' moves were
 * searched a hundred times a second.
 *
 * <p>The backward search weighs the same paths as the forward one (edge-based with turn restrictions and u-turn
 * costs when the weighting has turn costs; node-based for a group no restricted junction is within the limit of, as
 * {@link ReachSearch} does from a start clear of them), but sums each path's weights in the other order, so a weight
 * may differ from the forward sum in its last bits. A group whose least weight from a junction lies within a margin
 * far above that difference of the limit is therefore not decided here: such a junction (a handful per county) is
 * searched forwards when asked. Immutable once built; safe for several threads.
 */
public final class ReachTable {

    private final ReachSearch search;
    private final double weightLimit;
    private final int[] groupOf;
    private final int groups;
    /** Per junction, a row of {@link #words} words: bit g set when group g is within the limit. */
    private final long[] rows;
    private final int words;
    /** Junctions with a group on the margin of the limit: searched forwards when asked. */
    private final boolean[] undecided;
    private final int undecidedCount;

    /** The bytes a table of this many junctions and groups takes: what to check before building one. */
    public static long bytesFor(int junctions, int groups) {
        return (long) junctions * ((groups + 63) / 64) * Long.BYTES + junctions;
    }

    /**
     * Searches backwards from each group (single-threaded, seconds on a county).
     *
     * @param groupOf per junction of the search's graph, its group, 0 to {@code groups - 1}
     */
    public ReachTable(ReachSearch search, double weightLimit, int[] groupOf, int groups) {
        Adjacency adjacency = search.adjacency;
        if (groupOf.length != adjacency.nodes)
            throw new IllegalArgumentException("a group per junction: " + groupOf.length + " for " + adjacency.nodes);
        this.search = search;
        this.weightLimit = weightLimit;
        this.groupOf = groupOf.clone();
        this.groups = groups;
        this.words = (groups + 63) / 64;
        this.rows = new long[adjacency.nodes * words];
        this.undecided = new boolean[adjacency.nodes];
        new Builder(search, weightLimit).build(this.groupOf, groups, rows, words, undecided);
        int count = 0;
        for (boolean u : undecided)
            if (u)
                count++;
        this.undecidedCount = count;
    }

    /** The groups within the limit of {@code start}, ascending. */
    public int[] groupsWithin(int start) {
        if (undecided[start])
            return groupsOf(search.from(start, weightLimit));
        int[] found = new int[groups];
        int count = 0;
        int base = start * words;
        for (int w = 0; w < words; w++) {
            long bits = rows[base + w];
            while (bits != 0) {
                found[count++] = w * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** How many junctions are searched forwards when asked (their groups lie on the margin of the limit). */
    public int undecidedJunctions() {
        return undecidedCount;
    }

    private int[] groupsOf(int[] junctions) {
        boolean[] seen = new boolean[groups];
        int count = 0;
        for (int junction : junctions)
            if (!seen[groupOf[junction]]) {
                seen[groupOf[junction]] = true;
                count++;
            }
        int[] found = new int[count];
        for (int g = 0, i = 0; g < groups; g++)
            if (seen[g])
                found[i++] = g;
        return found;
    }

    /** The backward searches, one group at a time, on the labels and buckets of a forward search. */
    private static final class Builder {

        private final Adjacency adjacency;
        private final ReachSearch search;
        /** Inside this, a weight counts as within the limit whichever order its path was summed in. */
        private final double inside;
        /** Beyond this, outside; between the two, undecided. Labels are searched this far. */
        private final double outside;
        /** Per junction, the least node-based weight to it from a restricted junction (infinite without turn costs). */
        private final double[] fromRestriction;
        private final ReachSearch.Scratch s = new ReachSearch.Scratch();

        Builder(ReachSearch search, double limit) {
            this.adjacency = search.adjacency;
            this.search = search;
            double margin = limit * 1e-9 + 1e-9;
            this.inside = limit - margin;
            this.outside = limit + margin;
            this.fromRestriction = search.restrictionWeights(false);
        }

        void build(int[] groupOf, int groups, long[] rows, int words, boolean[] undecided) {
            int[][] members = membersOf(groupOf, groups);
            int buckets = (int) (outside / ReachSearch.BUCKET_WIDTH) + 1;
            for (int g = 0; g < groups; g++) {
                boolean byEdges = search.edgeBased && !clearOfRestrictions(members[g]);
                s.reset(byEdges ? adjacency.edge.length : adjacency.nodes, adjacency.nodes, buckets);
                for (int t : members[g]) {
                    rows[t * words + (g >>> 6)] |= 1L << g;
                    if (byEdges) {
                        for (int f = adjacency.firstEntry[t], end = adjacency.firstEntry[t + 1]; f < end; f++) {
                            int e = search.twin[f]; // along f's edge towards t
                            offer(e, search.weight[e], adjacency.adjNode[f]);
                        }
                    } else {
                        offer(t, 0, t);
                    }
                }
                for (int b = 0; b < buckets; b++) {
                    while (s.size[b] > 0) {
                        int label = s.bucket[b][--s.size[b]];
                        if (s.expanded[label] == s.version)
                            continue;
                        s.expanded[label] = s.version;
                        if (byEdges)
                            expandEdgeBased(label);
                        else
                            expandNodeBased(label);
                    }
                }
                for (int i = 0; i < s.reachedCount; i++) {
                    int node = s.reached[i];
                    if (groupOf[node] == g)
                        continue;
                    double best = byEdges ? leastOfEntries(node) : s.weight[node];
                    if (best <= inside)
                        rows[node * words + (g >>> 6)] |= 1L << g;
                    else
                        undecided[node] = true; // reached, so within the outer margin
                }
            }
        }

        /** The least weight to the group of the labels leaving {@code node}. */
        private double leastOfEntries(int node) {
            double least = Double.POSITIVE_INFINITY;
            for (int e = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1]; e < end; e++)
                if (s.set[e] == s.version && s.weight[e] < least)
                    least = s.weight[e];
            return least;
        }

        /** Labels into entry {@code label}'s node: each entry arriving there, turning into {@code label}. */
        private void expandEdgeBased(int label) {
            int node = adjacency.adjNode[search.twin[label]];
            int first = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1], degree = end - first;
            int table = search.turnTable[node];
            double weightOn = s.weight[label];
            for (int f = first; f < end; f++) {
                int e = search.twin[f]; // arriving at node along f's edge
                double edgeWeight = search.weight[e];
                if (Double.isInfinite(edgeWeight))
                    continue;
                double turnWeight = 0;
                if (table >= 0) {
                    turnWeight = search.turns[table + (f - first) * degree + (label - first)];
                    if (Double.isInfinite(turnWeight))
                        continue;
                } else if (adjacency.edge[f] == adjacency.edge[label]) {
                    turnWeight = search.uTurnWeight;
                }
                offer(e, edgeWeight + (turnWeight + weightOn), adjacency.adjNode[f]);
            }
        }

        private void expandNodeBased(int node) {
            double weightOn = s.weight[node];
            for (int f = adjacency.firstEntry[node], end = adjacency.firstEntry[node + 1]; f < end; f++) {
                int from = adjacency.adjNode[f];
                offer(from, search.weight[search.twin[f]] + weightOn, from);
            }
        }

        /** A path from {@code node} (the label's junction) to the group weighing {@code w}, when it is the least yet. */
        private void offer(int label, double w, int node) {
            if (w <= outside && s.improves(label, w))
                s.improve(label, w, node);
        }

        /**
         * True when no restricted junction is within the limit of the group, so no path the search weighs meets one
         * and node-based weights are the edge-based ones (with the same margin as {@link ReachSearch}'s).
         */
        private boolean clearOfRestrictions(int[] members) {
            for (int t : members)
                if (!(fromRestriction[t] > outside * (1 + 1e-9) + 1e-9))
                    return false;
            return true;
        }

        private static int[][] membersOf(int[] groupOf, int groups) {
            int[] count = new int[groups];
            for (int g : groupOf)
                count[g]++;
            int[][] members = new int[groups][];
            for (int g = 0; g < groups; g++)
                members[g] = new int[count[g]];
            Arrays.fill(count, 0);
            for (int node = 0; node < groupOf.length; node++)
                members[groupOf[node]][count[groupOf[node]]++] = node;
            return members;
        }
    }
}
