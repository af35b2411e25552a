package org.bluelight.coverage.cell;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.bluelight.routing.GeoPoint;

/**
 * The cells that hold routable road: only these count, because only there can an officer arrive.
 * A place off the road network (an incident in a field) belongs to the nearest road cell.
 */
public final class RoadCells {

    private final CellGrid grid;
    private final Set<Long> cells;
    private final int searchRings;

    private RoadCells(CellGrid grid, Set<Long> cells, int searchRings) {
        this.grid = grid;
        this.cells = Set.copyOf(cells);
        this.searchRings = searchRings;
    }

    /** Road cells from the positions of the network's road nodes. */
    public static RoadCells fromRoadNodes(CellGrid grid, Collection<GeoPoint> roadNodes, int searchRings) {
        Set<Long> cells = new HashSet<>();
        for (GeoPoint node : roadNodes) {
            cells.add(grid.cellOf(node));
        }
        return new RoadCells(grid, cells, searchRings);
    }

    public CellGrid grid() {
        return grid;
    }

    public boolean contains(long cell) {
        return cells.contains(cell);
    }

    public int size() {
        return cells.size();
    }

    /**
     * The road cell a place belongs to: its own cell when that holds road, else the nearest road
     * cell within the search rings (ties broken by distance to the cell centre), else empty.
     */
    public Optional<Long> cellFor(GeoPoint place) {
        long own = grid.cellOf(place);
        if (cells.contains(own)) {
            return Optional.of(own);
        }
        for (int ring = 1; ring <= searchRings; ring++) {
            Long nearest = null;
            double nearestMeters = Double.MAX_VALUE;
            for (long candidate : grid.disk(own, ring)) {
                if (cells.contains(candidate)) {
                    double meters = place.metersTo(grid.centerOf(candidate));
                    if (meters < nearestMeters) {
                        nearest = candidate;
                        nearestMeters = meters;
                    }
                }
            }
            if (nearest != null) {
                return Optional.of(nearest);
            }
        }
        return Optional.empty();
    }
}
