package org.bluelight.routing.network;

import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValueImpl;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.weighting.SpeedWeighting;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RAMDirectory;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;
import org.bluelight.routing.search.Adjacency;
import org.bluelight.routing.search.EdgeCosts;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weights a hierarchy is contracted and searched on, read from the edge costs, are the weighting's own to the bit,
 * each way along every edge, on a street grid whose streets are quicker one way than the other and some one-way;
 * a query graph's virtual edges are asked of the weighting.
 */
class TurnFreeWeightingTest {

    private static final int SIDE = 6;

    private final DecimalEncodedValue speed = new DecimalEncodedValueImpl("speed", 5, 5, true);
    private final BaseGraph graph;
    private final Weighting weighting = new SpeedWeighting(speed);

    TurnFreeWeightingTest() {
        graph = new BaseGraph.Builder(new EncodingManager.Builder().add(speed).build()).create();
        Random random = new Random(11);
        for (int row = 0; row < SIDE; row++)
            for (int col = 0; col < SIDE; col++)
                graph.getNodeAccess().setNode(row * SIDE + col, 52.0 + row * 0.001, -1.9 + col * 0.0015);
        for (int row = 0; row < SIDE; row++)
            for (int col = 0; col < SIDE; col++) {
                int node = row * SIDE + col;
                if (col + 1 < SIDE)
                    street(node, node + 1, random);
                if (row + 1 < SIDE)
                    street(node + SIDE, node, random);
            }
    }

    /** 100–150 m at 10–60 km/h one way and another speed back; one in five one-way. */
    private void street(int from, int to, Random random) {
        EdgeIteratorState edge = graph.edge(from, to).setDistance(100 + random.nextInt(50));
        edge.set(speed, 10 + 5 * random.nextInt(11), random.nextInt(5) == 0 ? 0 : 10 + 5 * random.nextInt(11));
    }

    @Test
    void weightsFromTheEdgeCostsAreTheWeightingsEachWayAlongEveryEdge() {
        Adjacency adjacency = new Adjacency(graph);
        TurnFreeWeighting turnFree = new TurnFreeWeighting(weighting, new EdgeCosts(adjacency, graph, weighting));
        int oneWay = 0;
        int asymmetric = 0;
        for (int key = 0; key < 2 * graph.getEdges(); key++) {
            EdgeIteratorState edge = graph.getEdgeIteratorStateForKey(key);
            for (boolean reverse : new boolean[]{false, true}) {
                double expected = weighting.calcEdgeWeight(edge, reverse);
                assertThat(Double.doubleToLongBits(turnFree.calcEdgeWeight(edge, reverse))).as("key %d reverse %s", key, reverse)
                        .isEqualTo(Double.doubleToLongBits(expected));
                oneWay += Double.isInfinite(expected) ? 1 : 0;
            }
            asymmetric += weighting.calcEdgeWeight(edge, false) != weighting.calcEdgeWeight(edge, true) ? 1 : 0;
        }
        assertThat(oneWay).isPositive();
        assertThat(asymmetric).isGreaterThan(graph.getEdges());

        LocationIndexTree index = new LocationIndexTree(graph, new RAMDirectory());
        index.prepareIndex();
        Snap snap = index.findClosest(52.0011, -1.9 + 2.5 * 0.0015, EdgeFilter.ALL_EDGES);
        QueryGraph query = QueryGraph.create(graph, snap);
        EdgeIterator virtual = query.createEdgeExplorer().setBaseNode(snap.getClosestNode());
        int virtualEdges = 0;
        while (virtual.next()) {
            assertThat(query.isVirtualEdge(virtual.getEdge())).isTrue();
            for (boolean reverse : new boolean[]{false, true})
                assertThat(turnFree.calcEdgeWeight(virtual, reverse)).isEqualTo(weighting.calcEdgeWeight(virtual, reverse));
            virtualEdges++;
        }
        assertThat(virtualEdges).isEqualTo(2);
    }
}
