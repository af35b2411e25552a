package org.bluelight.simulator.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bluelight.metrics.patrol.AreaShape;
import org.bluelight.metrics.trial.ScheduleGenerator;
import org.bluelight.metrics.trial.TrialDayClock;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.sampling.Placement;
import org.bluelight.simulator.scenario.AreaSpec;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * The simulated force's hot-spots trial: its hot spots are the scenario's demand hot spots, each patrolled as two
 * half-disc patrol areas (north and south of its centre) of the hot spot's radius; each trial day (06:00 to 05:59
 * local) exactly half of them are in treatment, drawn by the trial's own {@link ScheduleGenerator} from a seed of
 * the scenario. Officers patrol them too: some of each area's patrol points lie inside its hot spots.
 */
public final class TrialHotSpots {

    public static final String TRIAL_ID = "simulated-hot-spots";
    /** Vertices on each half-disc's arc: street-scale detail, far inside the metrics app's limits. */
    static final int ARC_SEGMENTS = 8;
    /** Patrol points drawn inside each hot spot, beside the area's own (12): about one patrol in four goes there. */
    static final int PATROL_POINTS = 4;
    private static final long SALT = 0x7121_A1L;
    private static final int ATTEMPTS_PER_POINT = 20;

    private final Scenario scenario;
    private final List<HotSpot> hotSpots = new ArrayList<>();
    private final List<String> inTrial;
    private final TrialDayClock clock;

    public TrialHotSpots(Scenario scenario) {
        this.scenario = scenario;
        List<HotSpotSpec> specs = scenario.demand().hotSpots();
        // Exactly half are treated each day, so an odd one out (the least busy) is excluded from the trial.
        HotSpotSpec oddOneOut = specs.size() % 2 == 0 ? null
                : specs.stream().min(Comparator.comparingDouble(HotSpotSpec::weight)).orElseThrow();
        for (HotSpotSpec spec : specs) {
            hotSpots.add(HotSpot.newBuilder().setHotSpotId(spec.id()).setName(name(spec.id())).setTrialId(TRIAL_ID)
                    .setPatrolAreas(List.of(halfDisc(spec, "N", 0), halfDisc(spec, "S", 180)))
                    .setExcluded(spec == oddOneOut).build());
        }
        this.inTrial = hotSpots.stream().filter(h -> !h.getExcluded()).map(HotSpot::getHotSpotId).toList();
        this.clock = new TrialDayClock(scenario.timeZone(), TrialDayClock.DEFAULT_DAY_START);
    }

    public List<HotSpot> hotSpots() {
        return List.copyOf(hotSpots);
    }

    /** The hot spots allocated each day: all but an excluded odd one out. */
    public List<String> inTrial() {
        return inTrial;
    }

    /** The trial day boundaries: 06:00 in the scenario's time zone. */
    public TrialDayClock clock() {
        return clock;
    }

    /** Each day's arm of each hot spot in the trial, {@code days} days from {@code firstDay}; none without two hot spots. */
    public List<TrialAllocation> allocations(LocalDate firstDay, int days) {
        if (inTrial.isEmpty()) {
            return List.of();
        }
        long seed = scenario.seed() ^ SALT;
        return ScheduleGenerator.generate(inTrial, firstDay, days, seed).allocations().stream()
                .map(a -> new TrialAllocation(TRIAL_ID, a.trialDay(), a.hotSpotId(), a.arm(), seed))
                .toList();
    }

    /**
     * The areas' patrol points with, for each hot spot, {@value #PATROL_POINTS} road points inside its patrol areas
     * added to the area whose centre is nearest: units on patrol then visit hot spots as part of their round.
     */
    public Map<String, List<GeoPoint>> withPatrolPoints(Map<String, List<GeoPoint>> areaPoints, MapPlaces places) {
        Map<String, List<GeoPoint>> points = new LinkedHashMap<>();
        areaPoints.forEach((area, list) -> points.put(area, new ArrayList<>(list)));
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ SALT);
        for (int i = 0; i < hotSpots.size(); i++) {
            HotSpotSpec spec = scenario.demand().hotSpots().get(i);
            List<AreaShape> shapes = hotSpots.get(i).getPatrolAreas().stream()
                    .map(area -> AreaShape.fromGeoJson(area.getGeometryGeoJson())).toList();
            List<GeoPoint> inside = points.computeIfAbsent(nearestArea(scenario, spec.centre()), a -> new ArrayList<>());
            int found = 0;
            for (int attempt = 0; found < PATROL_POINTS && attempt < PATROL_POINTS * ATTEMPTS_PER_POINT; attempt++) {
                // Half the radius as two sigma: nearly every draw falls inside before it is moved to the road.
                Optional<GeoPoint> onRoad = places.onRoad(Placement.around(spec.centre(), spec.radiusKm() / 2, random));
                if (onRoad.isPresent() && shapes.stream().anyMatch(s -> s.contains(onRoad.get().lat(), onRoad.get().lon()))) {
                    inside.add(onRoad.get());
                    found++;
                }
            }
        }
        points.replaceAll((area, list) -> List.copyOf(list));
        return points;
    }

    /** The area whose centre is nearest the point. */
    static String nearestArea(Scenario scenario, GeoPoint point) {
        return scenario.areas().stream().min(Comparator.comparingDouble((AreaSpec a) -> a.centre().metersTo(point)))
                .orElseThrow().id();
    }

    /** Half a disc of the hot spot's radius, on the side of bearing {@code towards} (0 north, 180 south). */
    private static PatrolArea halfDisc(HotSpotSpec spec, String half, double towards) {
        double meters = spec.radiusKm() * 1000;
        StringBuilder ring = new StringBuilder();
        appendVertex(ring, spec.centre());
        // Counter-clockwise, as GeoJSON asks: centre, then east through north to west (or west through south to east).
        for (int i = ARC_SEGMENTS; i >= 0; i--) {
            appendVertex(ring, spec.centre().offset(meters, towards - 90 + 180.0 * i / ARC_SEGMENTS));
        }
        appendVertex(ring, spec.centre());
        String geometry = "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
        return PatrolArea.newBuilder().setPatrolAreaId(spec.id() + "-" + half).setGeometryGeoJson(geometry).build();
    }

    private static void appendVertex(StringBuilder ring, GeoPoint point) {
        if (!ring.isEmpty()) {
            ring.append(',');
        }
        ring.append(String.format(Locale.ROOT, "[%.6f,%.6f]", point.lon(), point.lat()));
    }

    /** HS_ALV_CENTRE reads as "Alv centre" in reports. */
    private static String name(String id) {
        String words = id.replaceFirst("^HS_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
