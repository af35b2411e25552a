package org.bluelight.metrics.patrol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.PatrolArea;

/**
 * Finds the patrol areas containing a point. A uniform lon/lat grid maps each cell to the areas
 * whose bounding box touches it, so a lookup tests only the few areas near the point instead of
 * all of them. Excluded hot spots are not indexed.
 */
public final class PatrolAreaIndex {

    /** A patrol area and the hot spot it belongs to. */
    public record Located(String hotSpotId, String patrolAreaId) {
    }

    private record Entry(Located area, AreaShape shape) {
    }

    /** Default grid cell, about 500 m north-south: patrol areas are street-scale. */
    public static final double DEFAULT_CELL_DEGREES = 0.005;
    /**
     * Most grid cells one patrol area may cover (about 1.5 degrees square at the default cell), so
     * building the index stays linear in what it covers even when an oversized area gets this far.
     */
    public static final long MAX_CELLS_PER_AREA = 100_000;

    private final double cellDegrees;
    private final Map<Long, List<Entry>> cells = new HashMap<>();
    private final int areaCount;

    private PatrolAreaIndex(Collection<Entry> entries, double cellDegrees) {
        this.cellDegrees = cellDegrees;
        for (Entry entry : entries) {
            AreaShape shape = entry.shape();
            long x0 = cellX(shape.minLon());
            long x1 = cellX(shape.maxLon());
            long y0 = cellY(shape.minLat());
            long y1 = cellY(shape.maxLat());
            for (long x = x0; x <= x1; x++) {
                for (long y = y0; y <= y1; y++) {
                    cells.computeIfAbsent(key(x, y), k -> new ArrayList<>()).add(entry);
                }
            }
        }
        this.areaCount = entries.size();
    }

    public static PatrolAreaIndex empty() {
        return new PatrolAreaIndex(List.of(), DEFAULT_CELL_DEGREES);
    }

    /**
     * Indexes the patrol areas of every hot spot not excluded from the trial.
     *
     * @throws GeometryFormatException naming the hot spot and patrol area whose geometry is bad
     */
    public static PatrolAreaIndex of(Collection<HotSpot> hotSpots, double cellDegrees) {
        if (!(cellDegrees > 0)) {
            throw new IllegalArgumentException("cellDegrees must be positive, got " + cellDegrees);
        }
        List<Entry> entries = new ArrayList<>();
        for (HotSpot hotSpot : hotSpots) {
            if (hotSpot.getExcluded()) {
                continue;
            }
            for (PatrolArea area : hotSpot.getPatrolAreas()) {
                AreaShape shape;
                try {
                    shape = AreaShape.fromGeoJson(area.getGeometryGeoJson());
                } catch (GeometryFormatException e) {
                    throw new GeometryFormatException("hot spot " + hotSpot.getHotSpotId() + ", patrol area "
                            + area.getPatrolAreaId() + ": " + e.getMessage());
                }
                long cells = (long) Math.floor(shape.maxLon() / cellDegrees) - (long) Math.floor(shape.minLon() / cellDegrees) + 1;
                cells *= (long) Math.floor(shape.maxLat() / cellDegrees) - (long) Math.floor(shape.minLat() / cellDegrees) + 1;
                if (cells > MAX_CELLS_PER_AREA) {
                    throw new GeometryFormatException("hot spot " + hotSpot.getHotSpotId() + ", patrol area " + area.getPatrolAreaId()
                            + " covers " + cells + " grid cells, more than " + MAX_CELLS_PER_AREA);
                }
                entries.add(new Entry(new Located(hotSpot.getHotSpotId(), area.getPatrolAreaId()), shape));
            }
        }
        return new PatrolAreaIndex(entries, cellDegrees);
    }

    public static PatrolAreaIndex of(Collection<HotSpot> hotSpots) {
        return of(hotSpots, DEFAULT_CELL_DEGREES);
    }

    /** Patrol areas containing the point (areas may overlap). */
    public List<Located> locate(double lat, double lon) {
        List<Entry> candidates = cells.get(key(cellX(lon), cellY(lat)));
        if (candidates == null) {
            return List.of();
        }
        List<Located> found = new ArrayList<>(1);
        for (Entry entry : candidates) {
            if (entry.shape().contains(lat, lon)) {
                found.add(entry.area());
            }
        }
        return found;
    }

    /** Hot spots with a patrol area containing the point, sorted. */
    public Set<String> hotSpotsAt(double lat, double lon) {
        Set<String> hotSpots = new TreeSet<>();
        locate(lat, lon).forEach(area -> hotSpots.add(area.hotSpotId()));
        return hotSpots;
    }

    public int areaCount() {
        return areaCount;
    }

    private long cellX(double lon) {
        return (long) Math.floor(lon / cellDegrees);
    }

    private long cellY(double lat) {
        return (long) Math.floor(lat / cellDegrees);
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }
}
