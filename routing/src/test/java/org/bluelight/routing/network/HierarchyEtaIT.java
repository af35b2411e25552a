package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.EtaResult;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** ETAs served from contraction hierarchies equal the exact tree search's on real roads (turn bans: TownTurnRestrictionIT). */
class HierarchyEtaIT {

    private static final Instant MONDAY = Instant.parse("2026-03-09T00:00:00Z");
    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);
    private static final List<TravelProfile> PROFILES = List.of(
            TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1),
            TravelProfile.basic(Transport.FOOT));

    @Test
    void hierarchyEtasEqualTreeSearchEtasOnAndorraInEveryBandAndAreCachedWithTheGraph(@TempDir Path dir) {
        NetworkConfig config = NetworkConfig.of(AndorraMap.osmFile(), dir.resolve("cache"));
        try (RoadNetwork andorra = RoadNetwork.open(config)) {
            List<HierarchyPreparation> prepared = andorra.prepareHierarchies(PROFILES);
            // blue-light car: the morning and evening peaks share weights, so four of the five bands; foot: one for all
            assertThat(prepared).hasSize(5).allSatisfy(h -> assertThat(h.loaded()).isFalse());
            assertThat(prepared).allSatisfy(h -> assertThat(h.shortcuts()).isPositive());

            List<GeoPoint> roads = andorra.reachableFrom(ANDORRA_LA_VELLA, TravelProfile.basic(Transport.CAR),
                    Duration.ofMinutes(30), MONDAY).nodes().stream().map(ReachableNode::position).toList();
            Random random = new Random(5);
            int compared = 0;
            for (int incident = 0; incident < 60; incident++) {
                GeoPoint target = near(roads.get(random.nextInt(roads.size())), random);
                Instant departure = MONDAY.plusSeconds(random.nextInt(7 * 24 * 3600));
                List<Origin> origins = new ArrayList<>();
                for (int k = 0; k < 8; k++)
                    origins.add(new Origin("o" + k, near(roads.get(random.nextInt(roads.size())), random),
                            PROFILES.get(k % PROFILES.size())));
                List<EtaResult> fromHierarchy = andorra.etaTo(target, origins, departure);
                List<EtaResult> fromTree = andorra.etaToByTreeSearch(target, origins, departure);
                List<EtaResult> fromGraphHopper = andorra.etaToByPointToPointHierarchy(target, origins, departure);
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
            assertThat(compared).isGreaterThan(250);
        }
        try (RoadNetwork again = RoadNetwork.open(config)) {
            assertThat(again.prepareHierarchies(PROFILES)).allSatisfy(h -> assertThat(h.loaded()).isTrue());
        }
    }

    /** A point within about 30 m of a junction. */
    private static GeoPoint near(GeoPoint node, Random random) {
        return new GeoPoint(node.lat() + (random.nextDouble() - 0.5) * 0.0005, node.lon() + (random.nextDouble() - 0.5) * 0.0005);
    }
}
