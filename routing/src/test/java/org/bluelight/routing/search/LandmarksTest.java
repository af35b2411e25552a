package org.bluelight.routing.search;

import com.graphhopper.routing.Dijkstra;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValueImpl;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.SpeedWeighting;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIteratorState;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landmark bounds on a small street grid with mixed speeds and one-way streets: they never exceed the quickest
 * weight between two junctions (so a search guided by them still settles each junction with its least weight), and
 * they are refused for costs that fall below the floor they were measured on.
 */
class LandmarksTest {

    private static final int SIDE = 7;

    private final DecimalEncodedValue speed = new DecimalEncodedValueImpl("speed", 5, 5, true);
    private final BaseGraph graph;

    LandmarksTest() {
        EncodingManager encoding = new EncodingManager.Builder().add(speed).build();
        graph = new BaseGraph.Builder(encoding).create();
        Random random = new Random(7);
        for (int row = 0; row < SIDE; row++)
            for (int col = 0; col < SIDE; col++)
                graph.getNodeAccess().setNode(node(row, col), 52.0 + row * 0.001, -1.9 + col * 0.0015);
        for (int row = 0; row < SIDE; row++)
            for (int col = 0; col < SIDE; col++) {
                if (col + 1 < SIDE)
                    street(node(row, col), node(row, col + 1), random);
                if (row + 1 < SIDE)
                    street(node(row, col), node(row + 1, col), random);
            }
    }

    private static int node(int row, int col) {
        return row * SIDE + col;
    }

    /** 100 m of street at 10 to 60 km/h; one in five is one-way. */
    private void street(int from, int to, Random random) {
        EdgeIteratorState edge = graph.edge(from, to).setDistance(100 + random.nextInt(50));
        double kmh = 10 + 5 * random.nextInt(11);
        edge.set(speed, kmh, random.nextInt(5) == 0 ? 0 : kmh);
    }

    @Test
    void boundNeverExceedsTheQuickestWeightBetweenTwoJunctions() {
        Weighting weighting = new SpeedWeighting(speed);
        Adjacency adjacency = new Adjacency(graph);
        Landmarks landmarks = new Landmarks(adjacency, new EdgeCosts(adjacency, graph, weighting), 4);
        int checked = 0;
        for (int from = 0; from < graph.getNodes(); from++)
            for (int to = 0; to < graph.getNodes(); to++) {
                double quickest = new Dijkstra(graph, weighting, TraversalMode.NODE_BASED).calcPath(from, to).getWeight();
                for (int i = 0; i < landmarks.count; i++) {
                    double bound = landmarks.potential[to * landmarks.count + i] - landmarks.potential[from * landmarks.count + i];
                    if (!Double.isNaN(bound) && !Double.isInfinite(quickest)) {
                        assertThat(bound).as("landmark %d from %d to %d", i, from, to).isLessThanOrEqualTo(quickest);
                        checked++;
                    }
                }
            }
        assertThat(checked).isGreaterThan(graph.getNodes() * graph.getNodes());
    }

    @Test
    void landmarksArePickedApart() {
        Adjacency adjacency = new Adjacency(graph);
        Landmarks landmarks = new Landmarks(adjacency, new EdgeCosts(adjacency, graph, new SpeedWeighting(speed)), 4);
        Set<Integer> at = new HashSet<>();
        for (int n = 0; n < graph.getNodes(); n++)
            for (int i = 0; i < landmarks.count; i++)
                if (landmarks.potential[n * landmarks.count + i] == 0)
                    at.add(n);
        assertThat(at).hasSize(4);
    }

    @Test
    void boundHoldsForSlowerCostsButNotForFasterOnes() {
        Adjacency adjacency = new Adjacency(graph);
        EdgeCosts floor = new EdgeCosts(adjacency, graph, new SpeedWeighting(speed));
        Landmarks landmarks = new Landmarks(adjacency, floor, 4);
        assertThat(landmarks.bound(floor)).isTrue();

        EdgeIteratorState street = graph.getEdgeIteratorState(3, Integer.MIN_VALUE);
        double kmh = street.get(speed);
        street.set(speed, kmh - 5, street.getReverse(speed));
        assertThat(landmarks.bound(new EdgeCosts(adjacency, graph, new SpeedWeighting(speed)))).as("slower").isTrue();
        street.set(speed, kmh + 10, street.getReverse(speed));
        assertThat(landmarks.bound(new EdgeCosts(adjacency, graph, new SpeedWeighting(speed)))).as("faster").isFalse();
    }

    @Test
    void edgeCostsAreTheWeightingsOwnAtBothEndsOfEachEdge() {
        Weighting weighting = new SpeedWeighting(speed);
        Adjacency adjacency = new Adjacency(graph);
        EdgeCosts costs = new EdgeCosts(adjacency, graph, weighting);
        for (int e = 0; e < adjacency.edge.length; e++) {
            EdgeIteratorState away = graph.getEdgeIteratorStateForKey(adjacency.key[e]);
            assertThat(costs.weight[2 * e]).isEqualTo(weighting.calcEdgeWeight(away, false));
            assertThat(costs.weight[2 * e + 1]).isEqualTo(weighting.calcEdgeWeight(away, true));
            if (!Double.isInfinite(costs.weight[2 * e]))
                assertThat(costs.millis[2 * e]).isEqualTo(weighting.calcEdgeMillis(away, false));
            if (!Double.isInfinite(costs.weight[2 * e + 1]))
                assertThat(costs.millis[2 * e + 1]).isEqualTo(weighting.calcEdgeMillis(away, true));
        }
    }
}
