package org.bluelight.routing.network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.profile.Transport;

/**
 * Many-to-one searches between random roads of the map, run once when a network opens and before it
 * answers incidents. Without them the first incidents after a start are routed by interpreted code and
 * each profile's edge costs for the current band are built on the first incident's clock: on the
 * generated county that put the first seconds of a start above a second per recommendation.
 *
 * @param budget   how long the warm-up may take; it stops early after {@code searches}
 * @param searches at most this many searches, each of {@link #ORIGINS} origins to one target
 */
public record SearchWarmUp(Duration budget, int searches) {

    /** What the recommender asks: the nearest eight suitable officers. */
    static final int ORIGINS = 8;
    /** Origins lie within this many degrees of latitude/longitude of the target (about 5 km). */
    private static final double SPREAD_DEGREES = 0.045;
    /** The profiles incidents are routed with most: blue lights (grade 1), basic driving, on foot. */
    private static final List<TravelProfile> PROFILES = List.of(
            new TravelProfile(Transport.CAR, DrivingStandard.STANDARD, true),
            TravelProfile.basic(Transport.CAR),
            TravelProfile.basic(Transport.FOOT));

    /** Two seconds or 200 searches: on the county about what the JIT needs to compile the tree search. */
    public static final SearchWarmUp DEFAULT = new SearchWarmUp(Duration.ofSeconds(2), 200);
    public static final SearchWarmUp NONE = new SearchWarmUp(Duration.ZERO, 0);

    public SearchWarmUp {
        if (budget == null || budget.isNegative() || searches < 0)
            throw new IllegalArgumentException("warm-up budget and searches must not be negative");
    }

    /** What was done: searches run, and of their origins how many got an ETA. */
    public record Outcome(int searches, int etas, Duration took) {
    }

    /** Runs the searches with departures at {@code departure} (the traffic band the first incidents will have). */
    public Outcome run(RoadNetwork network, Instant departure) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        MapBounds bounds = network.bounds();
        SplittableRandom random = new SplittableRandom(1);
        int done = 0;
        int etas = 0;
        while (done < searches && System.nanoTime() < deadline) {
            TravelProfile profile = PROFILES.get(done % PROFILES.size());
            GeoPoint target = new GeoPoint(bounds.minLat() + random.nextDouble() * (bounds.maxLat() - bounds.minLat()),
                    bounds.minLon() + random.nextDouble() * (bounds.maxLon() - bounds.minLon()));
            List<Origin> origins = new ArrayList<>(ORIGINS);
            for (int i = 0; i < ORIGINS; i++)
                origins.add(new Origin("warm-up-" + i, randomPoint(random, bounds, target, SPREAD_DEGREES), profile));
            try {
                etas += (int) network.etaTo(target, origins, departure).stream()
                        .filter(result -> result instanceof Eta).count();
            } catch (RoutingException offTheRoads) {
                // A random target away from the roads: the next one will do.
            }
            done++;
        }
        return new Outcome(done, etas, Duration.ofNanos(System.nanoTime() - start));
    }

    private static GeoPoint randomPoint(SplittableRandom random, MapBounds bounds, GeoPoint around, double spread) {
        double lat = clamp(around.lat() + (random.nextDouble() * 2 - 1) * spread, bounds.minLat(), bounds.maxLat());
        double lon = clamp(around.lon() + (random.nextDouble() * 2 - 1) * spread, bounds.minLon(), bounds.maxLon());
        return new GeoPoint(lat, lon);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
