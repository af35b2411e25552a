package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.moveup.DemandCell;
import org.bluelight.routing.GeoPoint;
import org.bluelight.simulator.scenario.AreaSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * The simulated force's demand per cell, learnt as incidents come in (no look-ahead): square cells of about
 * 1.5 km, each with the grade 1–2 incidents per hour seen so far, the way the coverage app estimates demand from
 * past incidents. A cell's area is the nearest area centre of the scenario.
 */
final class DemandGrid {

    private static final double CELL_DEGREES_LAT = 0.0135;
    private static final double CELL_DEGREES_LON = 0.022;

    private final Scenario scenario;
    private final Instant since;
    private final Map<Long, Integer> counts = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();

    DemandGrid(Scenario scenario, Instant since) {
        this.scenario = scenario;
        this.since = since;
    }

    void add(GeoPoint location, String dispatchGroup) {
        long key = key(location);
        counts.merge(key, 1, Integer::sum);
        groups.putIfAbsent(key, dispatchGroup);
    }

    /** The group's cells with demand, as the move-up planner takes them. */
    List<DemandCell> cells(String dispatchGroup, Instant now) {
        double hours = Math.max(1, Duration.between(since, now).toMinutes() / 60.0);
        List<DemandCell> cells = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (dispatchGroup.equals(groups.get(key))) {
                GeoPoint centre = centre(key);
                cells.add(new DemandCell(Long.toString(key), centre, count / hours, 1, nearestArea(centre)));
            }
        });
        return cells;
    }

    private String nearestArea(GeoPoint point) {
        return scenario.areas().stream().min(Comparator.comparingDouble(a -> a.centre().metersTo(point)))
                .map(AreaSpec::id).orElse(null);
    }

    private static long key(GeoPoint p) {
        long row = (long) Math.floor(p.lat() / CELL_DEGREES_LAT);
        long col = (long) Math.floor(p.lon() / CELL_DEGREES_LON);
        return row * 100_000 + col;
    }

    private static GeoPoint centre(long key) {
        long row = Math.floorDiv(key + 50_000, 100_000);
        long col = key - row * 100_000;
        return new GeoPoint((row + 0.5) * CELL_DEGREES_LAT, (col + 0.5) * CELL_DEGREES_LON);
    }
}
