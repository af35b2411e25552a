package org.bluelight.metrics.patrol;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.bluelight.schemas.HotSpot;

/**
 * The current hot spots and their spatial index, shared by the app's stream threads. Updated from
 * the compacted {@code ref.hotspots} topic; a hot spot with a bad geometry is refused whole, so
 * its earlier version (if any) stays in force. The index is rebuilt once after a run of changes,
 * when next looked up, so loading many hot spots costs one build, not one per hot spot.
 */
public final class HotSpotCatalogue {

    private final double cellDegrees;
    private final Map<String, HotSpot> hotSpots = new TreeMap<>();
    private volatile PatrolAreaIndex index = PatrolAreaIndex.empty();
    private volatile boolean stale;

    public HotSpotCatalogue(double cellDegrees) {
        this.cellDegrees = cellDegrees;
    }

    /** @throws GeometryFormatException and changes nothing when a patrol area geometry is bad */
    public synchronized void put(HotSpot hotSpot) {
        PatrolAreaIndex.of(java.util.List.of(hotSpot), cellDegrees);
        hotSpots.put(hotSpot.getHotSpotId(), hotSpot);
        stale = true;
    }

    public synchronized void remove(String hotSpotId) {
        if (hotSpots.remove(hotSpotId) != null) {
            stale = true;
        }
    }

    /** Loads hot spots (from the restored global store) when the catalogue has none yet. */
    public synchronized void loadIfEmpty(Collection<HotSpot> stored) {
        if (hotSpots.isEmpty()) {
            for (HotSpot hotSpot : stored) {
                try {
                    put(hotSpot);
                } catch (GeometryFormatException e) {
                    // refused when it first arrived too; it stays out
                }
            }
        }
    }

    public PatrolAreaIndex index() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    index = PatrolAreaIndex.of(hotSpots.values(), cellDegrees);
                    stale = false;
                }
            }
        }
        return index;
    }
}
