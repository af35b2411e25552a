package org.bluelight.simulator.demand;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.SafeguardingTheme;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.sampling.Gaussian;
import org.bluelight.simulator.sampling.Placement;
import org.bluelight.simulator.sampling.TwoPieceLogNormal;
import org.bluelight.simulator.sampling.WeightedChoice;
import org.bluelight.simulator.sampling.Zipf;
import org.bluelight.simulator.scenario.AreaSpec;
import org.bluelight.simulator.scenario.DemandSpec;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioException;

/**
 * Generates a scenario's incidents: a Poisson process whose hourly rate follows the {@link DemandCurve}, placed in
 * hot spots or areas and snapped to roads, with grade, category, crew needs, time on scene and people ids drawn
 * from the scenario. The same scenario seed gives the same incidents.
 */
public final class IncidentGenerator {

    private static final long SALT = 0xDE3A_4D00L;
    private static final int PLACEMENT_ATTEMPTS = 50;
    private static final Set<IncidentCategory> CRIMES = EnumSet.of(IncidentCategory.VIOLENCE_WITH_INJURY,
            IncidentCategory.VIOLENCE_WITHOUT_INJURY, IncidentCategory.HOMICIDE, IncidentCategory.SEXUAL_OFFENCE,
            IncidentCategory.ROBBERY, IncidentCategory.BURGLARY, IncidentCategory.VEHICLE_CRIME, IncidentCategory.THEFT,
            IncidentCategory.SHOPLIFTING, IncidentCategory.CRIMINAL_DAMAGE, IncidentCategory.PUBLIC_ORDER,
            IncidentCategory.POSSESSION_OF_WEAPONS, IncidentCategory.POSSESSION_OF_DRUGS,
            IncidentCategory.DRUG_TRAFFICKING, IncidentCategory.OTHER_CRIME);

    private final Scenario scenario;
    private final MapPlaces places;
    private final DemandCurve curve;

    public IncidentGenerator(Scenario scenario, MapPlaces places) {
        this.scenario = scenario;
        this.places = places;
        this.curve = new DemandCurve(scenario.demand(), scenario.timeZone());
    }

    /** Incidents reported in {@code [from, to)}, in report order. */
    public List<GeneratedIncident> generate(Instant from, Instant to) {
        DemandSpec demand = scenario.demand();
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ SALT);
        WeightedChoice<Integer> grades = new WeightedChoice<>(demand.grades());
        WeightedChoice<IncidentCategory> categories = new WeightedChoice<>(demand.categories());
        WeightedChoice<HotSpotSpec> hotSpots = demand.hotSpots().isEmpty() ? null : new WeightedChoice<>(weights(demand.hotSpots()));
        Map<AreaSpec, Double> areaWeights = new LinkedHashMap<>();
        scenario.areas().forEach(a -> areaWeights.put(a, demand.areaWeights().getOrDefault(a.id(), 1.0)));
        WeightedChoice<AreaSpec> areas = new WeightedChoice<>(areaWeights);
        TwoPieceLogNormal onScene = new TwoPieceLogNormal(scenario.timeOnScene());
        TwoPieceLogNormal custody = new TwoPieceLogNormal(scenario.prisonerProcessing());
        Zipf people = new Zipf(demand.people().population(), demand.people().zipfExponent());

        List<GeneratedIncident> incidents = new ArrayList<>();
        int sequence = 0;
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            int count = Gaussian.poisson(random, curve.perHourAt(hour));
            long[] offsets = new long[count];
            for (int i = 0; i < count; i++) {
                offsets[i] = (long) (random.nextDouble() * 3_600_000);
            }
            Arrays.sort(offsets);
            for (long offset : offsets) {
                Instant reportedAt = hour.plusMillis(offset);
                int grade = grades.draw(random);
                IncidentCategory category = categories.draw(random);
                Placed placed = place(random, hotSpots, demand.hotSpotShare(), areas);
                boolean dispatched = grade <= 2;
                boolean arrest = dispatched && random.nextDouble() < demand.arrestShare();
                int officers = arrest || (dispatched && random.nextDouble() < demand.twoOfficerShare()) ? 2 : 1;
                Duration timeOnScene = onScene.draw(random);
                Duration custodyTime = arrest ? custody.draw(random) : Duration.ZERO;
                String originator = person(people.draw(random));
                List<String> subjects = random.nextDouble() < demand.people().subjectShare()
                        ? List.of(person(people.draw(random))) : List.of();
                boolean knife = (category == IncidentCategory.VIOLENCE_WITH_INJURY || category == IncidentCategory.ROBBERY
                        || category == IncidentCategory.POSSESSION_OF_WEAPONS) && random.nextDouble() < 0.15;
                boolean mostSerious = category == IncidentCategory.HOMICIDE
                        || (category == IncidentCategory.VIOLENCE_WITH_INJURY && random.nextDouble() < 0.05);
                boolean policeInitiated = (category == IncidentCategory.POSSESSION_OF_DRUGS
                        || category == IncidentCategory.POSSESSION_OF_WEAPONS) && random.nextDouble() < 0.6;
                if (reportedAt.isBefore(from) || !reportedAt.isBefore(to)) {
                    continue;
                }
                sequence++;
                incidents.add(new GeneratedIncident(String.format(Locale.ROOT, "INC-%06d", sequence), reportedAt, grade,
                        category, CRIMES.contains(category), mostSerious, knife, policeInitiated, placed.location(),
                        placed.area().id(), scenario.groupOf(placed.area().id()), placed.hotSpot(), officers, arrest,
                        timeOnScene, custodyTime, originator, subjects, themes(category)));
            }
        }
        return incidents;
    }

    private record Placed(GeoPoint location, AreaSpec area, String hotSpot) {
    }

    private Placed place(SplittableRandom random, WeightedChoice<HotSpotSpec> hotSpots, double hotSpotShare,
                         WeightedChoice<AreaSpec> areas) {
        boolean inHotSpot = hotSpots != null && random.nextDouble() < hotSpotShare;
        HotSpotSpec hotSpot = inHotSpot ? hotSpots.draw(random) : null;
        AreaSpec area = inHotSpot ? null : areas.draw(random);
        GeoPoint centre = inHotSpot ? hotSpot.centre() : area.centre();
        double radius = inHotSpot ? hotSpot.radiusKm() : area.radiusKm();
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            Optional<GeoPoint> onRoad = places.onRoad(Placement.around(centre, radius, random));
            if (onRoad.isPresent()) {
                return new Placed(onRoad.get(), inHotSpot ? nearestArea(onRoad.get()) : area, inHotSpot ? hotSpot.id() : null);
            }
        }
        throw new ScenarioException((inHotSpot ? "hot spot " + hotSpot.id() : "area " + area.id()) + ": no road near "
                + PLACEMENT_ATTEMPTS + " points drawn around " + centre + "; is the scenario on the right map?");
    }

    private AreaSpec nearestArea(GeoPoint location) {
        AreaSpec best = null;
        double bestMeters = Double.MAX_VALUE;
        for (AreaSpec area : scenario.areas()) {
            double meters = area.centre().metersTo(location);
            if (meters < bestMeters) {
                bestMeters = meters;
                best = area;
            }
        }
        return best;
    }

    private static Map<HotSpotSpec, Double> weights(List<HotSpotSpec> hotSpots) {
        Map<HotSpotSpec, Double> weights = new LinkedHashMap<>();
        hotSpots.forEach(h -> weights.put(h, h.weight()));
        return weights;
    }

    /** The pseudonymous id of the person of Zipf rank {@code rank} (1 the most frequent). */
    public static String person(int rank) {
        return String.format(Locale.ROOT, "P%06d", rank);
    }

    private static List<SafeguardingTheme> themes(IncidentCategory category) {
        return switch (category) {
            case DOMESTIC_INCIDENT -> List.of(SafeguardingTheme.DOMESTIC_ABUSE);
            case MENTAL_HEALTH -> List.of(SafeguardingTheme.MENTAL_HEALTH);
            case MISSING_PERSON -> List.of(SafeguardingTheme.MISSING_PERSONS);
            default -> List.of();
        };
    }
}
