package org.bluelight.dispatch.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.routing.network.HierarchyPreparation;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.network.SearchWarmUp;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.traffic.TrafficBand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contraction hierarchies dispatch's ETAs come from ({@code routing.hierarchies}): loaded from the graph cache,
 * or prepared and stored there, on a thread of their own, so that no start and no incident waits for them. Until a
 * hierarchy is ready, {@link RoadNetwork#etaTo} answers its speed model and band by the tree search, with the same
 * times (the hierarchy is exact, see the README's Routing section). The current traffic band comes first, then the
 * warm-up searches again, now on the hierarchies (their code would otherwise first run on a real incident), then the
 * other bands. On the county a hierarchy loads in tens of milliseconds and is prepared in seconds, once per map and
 * speed table.
 */
final class DispatchHierarchies {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchHierarchies.class);

    /**
     * Every speed model a unit may be routed with, most used first: cars on blue lights and at the limit, on foot,
     * then vans, motorcycles (which share the cars' hierarchies) and bicycles. Standard and advanced drivers share one.
     */
    static final List<TravelProfile> PROFILES = List.of(
            new TravelProfile(Transport.CAR, DrivingStandard.STANDARD, true),
            TravelProfile.basic(Transport.CAR),
            TravelProfile.basic(Transport.FOOT),
            new TravelProfile(Transport.VAN, DrivingStandard.STANDARD, true),
            TravelProfile.basic(Transport.VAN),
            new TravelProfile(Transport.MOTORCYCLE, DrivingStandard.STANDARD, true),
            TravelProfile.basic(Transport.MOTORCYCLE),
            TravelProfile.basic(Transport.BICYCLE));

    private DispatchHierarchies() {
    }

    /** Starts preparing the hierarchies; {@code warmUp} is run again once the current band's are ready. */
    static Thread start(RoadNetwork network, SearchWarmUp warmUp) {
        Thread preparing = new Thread(() -> prepare(network, warmUp, Instant.now()), "routing-hierarchies");
        preparing.setDaemon(true);
        preparing.start();
        return preparing;
    }

    /** The traffic bands in the order they are prepared: the one {@code now} falls in, then the rest. */
    static List<TrafficBand> bands(RoadNetwork network, Instant now) {
        TrafficBand current = network.config().traffic().bandAt(now);
        List<TrafficBand> bands = new ArrayList<>(List.of(current));
        for (TrafficBand band : network.config().traffic().bands()) {
            if (!band.equals(current)) {
                bands.add(band);
            }
        }
        if (!current.equals(TrafficBand.FREE_FLOW)) {
            bands.add(TrafficBand.FREE_FLOW);
        }
        return bands;
    }

    private static void prepare(RoadNetwork network, SearchWarmUp warmUp, Instant now) {
        long start = System.nanoTime();
        try {
            List<TrafficBand> bands = bands(network, now);
            List<HierarchyPreparation> current = network.prepareHierarchies(PROFILES, bands.subList(0, 1));
            LOG.info("Contraction hierarchies of the current band ({}) ready in {} ms: {}", bands.get(0).name(),
                    (System.nanoTime() - start) / 1_000_000, summary(current));
            SearchWarmUp.Outcome warm = warmUp.run(network, now);
            LOG.info("Hierarchy searches warmed up: {} searches, {} ETAs in {} ms", warm.searches(), warm.etas(), warm.took().toMillis());
            List<HierarchyPreparation> rest = network.prepareHierarchies(PROFILES, bands.subList(1, bands.size()));
            LOG.info("Contraction hierarchies of every band ready in {} ms ({} in all): {}", (System.nanoTime() - start) / 1_000_000,
                    network.hierarchiesReady(), summary(rest));
        } catch (RuntimeException e) {
            // A network closed meanwhile (the app stopping), or a graph cache that cannot be written: the tree search answers.
            LOG.warn("Contraction hierarchies not prepared, ETAs stay on the tree search: {}", e.toString());
        }
    }

    private static String summary(List<HierarchyPreparation> reports) {
        long loaded = reports.stream().filter(HierarchyPreparation::loaded).count();
        Duration took = reports.stream().map(HierarchyPreparation::time).reduce(Duration.ZERO, Duration::plus);
        return loaded + " loaded, " + (reports.size() - loaded) + " prepared, " + took.toMillis() + " ms";
    }
}
