package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.routing.GeoPoint;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.StationSpec;

/**
 * A trial-sized set of hot spots chosen the way the Thames Valley trial chose its 34 (document 000): the small places
 * with the most recorded crime in the past, here the scenario's crime over {@link #HISTORY} before it starts (drawn
 * with a seed of its own, so no replication's incidents pick the places they are measured in). Places on a
 * station are left out: officers are there anyway, at shift start and between jobs, so patrol could not be told
 * from business as usual (the real trial's hot spots are streets and town centres, not police stations).
 */
public final class TrialSites {

    /** The trial's size: 34 hot spots, 17 in treatment each day. */
    public static final int TRIAL_HOT_SPOTS = 34;
    static final Duration HISTORY = Duration.ofDays(28);
    /** A street-scale hot spot: about 250 m across a few street segments. */
    static final double RADIUS_KM = 0.25;
    /** Further from every station than a crew walking out of it would patrol. */
    static final double MIN_KM_FROM_STATION = 1.5;
    /** Hot spots apart, so an officer in one is never counted in another. */
    static final double MIN_KM_APART = 1.0;
    private static final double CELL_DEGREES_LAT = 0.0045;
    private static final double CELL_DEGREES_LON = 0.0073;
    private static final long SALT = 0x4157_0000_5EEDL;

    private TrialSites() {
    }

    /** Up to {@code count} hot spots, busiest first, with their past crime count as weight. */
    public static List<HotSpotSpec> choose(Scenario scenario, MapPlaces places, int count) {
        Scenario past = scenario.withSeed(scenario.seed() ^ SALT);
        Instant to = scenario.start();
        List<GeneratedIncident> history = new IncidentGenerator(past, places).generate(to.minus(HISTORY), to);
        Map<Long, List<GeoPoint>> cells = new HashMap<>();
        for (GeneratedIncident incident : history) {
            if (incident.recordedCrime()) {
                cells.computeIfAbsent(cell(incident.location()), c -> new ArrayList<>()).add(incident.location());
            }
        }
        List<Map.Entry<Long, List<GeoPoint>>> busiest = new ArrayList<>(cells.entrySet());
        busiest.sort(Comparator.comparingInt((Map.Entry<Long, List<GeoPoint>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        List<HotSpotSpec> chosen = new ArrayList<>();
        for (Map.Entry<Long, List<GeoPoint>> cell : busiest) {
            if (chosen.size() == count) {
                break;
            }
            GeoPoint centre = centroid(cell.getValue());
            boolean onStation = scenario.stations().stream().map(StationSpec::location)
                    .anyMatch(s -> s.metersTo(centre) < MIN_KM_FROM_STATION * 1000);
            boolean nearAnother = chosen.stream().anyMatch(h -> h.centre().metersTo(centre) < MIN_KM_APART * 1000);
            if (!onStation && !nearAnother) {
                chosen.add(new HotSpotSpec("HS_TRIAL_" + (chosen.size() + 1), centre, RADIUS_KM, cell.getValue().size()));
            }
        }
        return List.copyOf(chosen);
    }

    private static GeoPoint centroid(List<GeoPoint> points) {
        double lat = points.stream().mapToDouble(GeoPoint::lat).average().orElseThrow();
        double lon = points.stream().mapToDouble(GeoPoint::lon).average().orElseThrow();
        return new GeoPoint(lat, lon);
    }

    private static long cell(GeoPoint p) {
        long row = (long) Math.floor(p.lat() / CELL_DEGREES_LAT);
        long col = (long) Math.floor(p.lon() / CELL_DEGREES_LON);
        return row * 1_000_000 + col;
    }
}
