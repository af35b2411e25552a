package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** ETAs served from contraction hierarchies equal the exact tree search's on real roads (turn bans: HierarchyTurnBanIT). */
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
            int compared = TreeSearchComparison.assertHierarchyEtasEqualTreeSearch(andorra, roads, PROFILES, new Random(5), 60);
            assertThat(compared).isGreaterThan(250);
        }
        try (RoadNetwork again = RoadNetwork.open(config)) {
            assertThat(again.prepareHierarchies(PROFILES)).allSatisfy(h -> assertThat(h.loaded()).isTrue());
        }
    }
}
