package org.bluelight.coverage.reach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluelight.routing.GeoPoint;

/**
 * A test road network: a square lattice of road nodes (a valley with roads every
 * {@code spacingMeters}) where an officer reaches every node within {@code reachMeters} of the
 * node they start from. Counts searches so tests can tell whether a reach was recomputed.
 */
public final class LatticeReachability implements Reachability {

    private static final double METERS_PER_DEGREE_LAT = 111_195;

    private final GeoPoint southWest;
    private final int rows;
    private final int cols;
    private final double spacingMeters;
    private final double reachMeters;
    private final AtomicInteger searches = new AtomicInteger();

    public LatticeReachability(GeoPoint southWest, int rows, int cols, double spacingMeters, double reachMeters) {
        this.southWest = southWest;
        this.rows = rows;
        this.cols = cols;
        this.spacingMeters = spacingMeters;
        this.reachMeters = reachMeters;
    }

    /** The position of the lattice node at {@code row}, {@code col}. */
    public GeoPoint node(int row, int col) {
        return new GeoPoint(southWest.lat() + row * spacingMeters / METERS_PER_DEGREE_LAT,
                southWest.lon() + col * spacingMeters / metersPerDegreeLon());
    }

    /** A position {@code metersNorth} and {@code metersEast} of the node at {@code row}, {@code col}. */
    public GeoPoint offset(int row, int col, double metersNorth, double metersEast) {
        GeoPoint node = node(row, col);
        return new GeoPoint(node.lat() + metersNorth / METERS_PER_DEGREE_LAT,
                node.lon() + metersEast / metersPerDegreeLon());
    }

    public List<GeoPoint> allNodes() {
        List<GeoPoint> nodes = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                nodes.add(node(r, c));
            }
        }
        return nodes;
    }

    public int searches() {
        return searches.get();
    }

    @Override
    public OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile) {
        int row = (int) Math.round((position.lat() - southWest.lat()) * METERS_PER_DEGREE_LAT / spacingMeters);
        int col = (int) Math.round((position.lon() - southWest.lon()) * metersPerDegreeLon() / spacingMeters);
        if (row < 0 || row >= rows || col < 0 || col >= cols || node(row, col).metersTo(position) > spacingMeters) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) row * cols + col);
    }

    @Override
    public ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure) {
        searches.incrementAndGet();
        OptionalLong start = roadNodeAt(origin, profile);
        if (start.isEmpty()) {
            return ReachedArea.offNetwork();
        }
        GeoPoint from = node((int) (start.getAsLong() / cols), (int) (start.getAsLong() % cols));
        List<ReachedNode> reached = new ArrayList<>();
        for (GeoPoint node : allNodes()) {
            double meters = from.metersTo(node);
            if (meters <= reachMeters) {
                reached.add(new ReachedNode(nodeId(node), node, Duration.ofSeconds((long) (meters / 20))));
            }
        }
        return new ReachedArea(start, reached);
    }

    private long nodeId(GeoPoint node) {
        return roadNodeAt(node, null).orElseThrow();
    }

    private double metersPerDegreeLon() {
        return METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(southWest.lat()));
    }
}
