package org.bluelight.routing.search;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

/**
 * The base graph's adjacency copied into flat arrays (the same edges in the same order as GraphHopper's edge
 * explorer), with which nodes have turn restrictions. Searches read these instead of GraphHopper's storage for
 * every junction that no snapped point has changed.
 */
public final class Adjacency {

    final int nodes;
    /** Entries of node n are firstEntry[n] until firstEntry[n + 1]. */
    final int[] firstEntry;
    final int[] edge;
    final int[] adjNode;
    /** Directed edge key for travelling from the node to adjNode, and the key the other way. */
    final int[] key;
    final int[] reverseKey;
    final double[] distance;
    final boolean[] turnRestricted;
    /** Per directed edge key, the entry travelling along it (GraphHopper's graphs have no loops). */
    final int[] entryByKey;

    public Adjacency(BaseGraph graph) {
        nodes = graph.getNodes();
        firstEntry = new int[nodes + 1];
        EdgeExplorer explorer = graph.createEdgeExplorer();
        int entries = 0;
        for (int n = 0; n < nodes; n++) {
            EdgeIterator iter = explorer.setBaseNode(n);
            while (iter.next())
                entries++;
        }
        edge = new int[entries];
        adjNode = new int[entries];
        key = new int[entries];
        reverseKey = new int[entries];
        distance = new double[entries];
        turnRestricted = new boolean[nodes];
        entryByKey = new int[2 * graph.getEdges()];
        int e = 0;
        for (int n = 0; n < nodes; n++) {
            firstEntry[n] = e;
            turnRestricted[n] = graph.getTurnCostStorage() != null && graph.getTurnCostStorage().getTurnCostsCount(n) > 0;
            EdgeIterator iter = explorer.setBaseNode(n);
            while (iter.next()) {
                edge[e] = iter.getEdge();
                adjNode[e] = iter.getAdjNode();
                key[e] = iter.getEdgeKey();
                reverseKey[e] = iter.getReverseEdgeKey();
                distance[e] = iter.getDistance();
                entryByKey[key[e]] = e;
                e++;
            }
        }
        firstEntry[nodes] = e;
    }

    /** Whether turns at the junction are restricted; false for a query graph's virtual junctions. */
    public boolean turnRestricted(int node) {
        return node < nodes && turnRestricted[node];
    }
}
