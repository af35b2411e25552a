package org.bluelight.routing.network;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.EtaResult;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.profile.TravelProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Random incidents with eight origins each, whose hierarchy ETAs (ours and GraphHopper's) must equal the tree search's. */
final class TreeSearchComparison {

    private static final Instant MONDAY = Instant.parse("2026-03-09T00:00:00Z");

    private TreeSearchComparison() {
    }

    /**
     * Asserts, for {@code incidents} incidents near random {@code roads} at departures over a week, that
     * {@link RoadNetwork#etaTo} and {@link RoadNetwork#etaToByPointToPointHierarchy} find a route exactly when the
     * tree search does, within 1 s of its time, in its band. Origins take the profiles in turn.
     *
     * @return the ETAs compared
     */
    static int assertHierarchyEtasEqualTreeSearch(RoadNetwork network, List<GeoPoint> roads, List<TravelProfile> profiles,
                                                  Random random, int incidents) {
        int compared = 0;
        for (int incident = 0; incident < incidents; incident++) {
            GeoPoint target = near(roads.get(random.nextInt(roads.size())), random);
            Instant departure = MONDAY.plusSeconds(random.nextInt(7 * 24 * 3600));
            List<Origin> origins = new ArrayList<>();
            for (int k = 0; k < 8; k++)
                origins.add(new Origin("o" + k, near(roads.get(random.nextInt(roads.size())), random),
                        profiles.get(k % profiles.size())));
            List<EtaResult> fromHierarchy = network.etaTo(target, origins, departure);
            List<EtaResult> fromTree = network.etaToByTreeSearch(target, origins, departure);
            List<EtaResult> fromGraphHopper = network.etaToByPointToPointHierarchy(target, origins, departure);
            for (int k = 0; k < origins.size(); k++) {
                assertThat(fromHierarchy.get(k) instanceof Eta).isEqualTo(fromTree.get(k) instanceof Eta);
                if (fromTree.get(k) instanceof Eta exact) {
                    Eta hierarchy = (Eta) fromHierarchy.get(k);
                    assertThat(hierarchy.etaSeconds()).as("incident %d origin %d", incident, k)
                            .isCloseTo(exact.etaSeconds(), within(1.0));
                    assertThat(hierarchy.trafficBand()).isEqualTo(exact.trafficBand());
                    assertThat(((Eta) fromGraphHopper.get(k)).etaSeconds()).isCloseTo(exact.etaSeconds(), within(1.0));
                    compared++;
                }
            }
        }
        return compared;
    }

    /** A point within about 30 m of a junction. */
    private static GeoPoint near(GeoPoint node, Random random) {
        return new GeoPoint(node.lat() + (random.nextDouble() - 0.5) * 0.0005, node.lon() + (random.nextDouble() - 0.5) * 0.0005);
    }
}
