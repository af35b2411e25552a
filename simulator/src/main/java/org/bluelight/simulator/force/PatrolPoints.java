package org.bluelight.simulator.force;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.sampling.Placement;
import org.bluelight.simulator.scenario.AreaSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * Places on the road in each neighbourhood area where free units patrol (the West Midlands model: a random
 * location in the home area). A fixed set per scenario seed, so travel times from them can be remembered.
 */
public final class PatrolPoints {

    public static final int PER_AREA = 12;
    private static final long SALT = 0x9A7_2017L;
    private static final int ATTEMPTS_PER_POINT = 10;

    private PatrolPoints() {
    }

    public static Map<String, List<GeoPoint>> of(Scenario scenario, MapPlaces places) {
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ SALT);
        Map<String, List<GeoPoint>> points = new LinkedHashMap<>();
        for (AreaSpec area : scenario.areas()) {
            List<GeoPoint> inArea = new ArrayList<>();
            for (int attempt = 0; inArea.size() < PER_AREA && attempt < PER_AREA * ATTEMPTS_PER_POINT; attempt++) {
                places.onRoad(Placement.around(area.centre(), area.radiusKm(), random)).ifPresent(inArea::add);
            }
            points.put(area.id(), List.copyOf(inArea));
        }
        return points;
    }
}
