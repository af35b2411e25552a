package org.bluelight.routing.network;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.GeneratedMap;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The node-based hierarchy on the generated town, whose middle junction bans the left turn from the west arm into
 * the north arm: a path taking that turn is answered by the tree search, one turning right or going straight there
 * is not, and every ETA equals the tree search's.
 */
class HierarchyTurnBanIT {

    private static final Instant NIGHT = Instant.parse("2026-03-10T02:00:00Z");
    private static final TravelProfile CAR = TravelProfile.basic(Transport.CAR);
    private static final List<TravelProfile> PROFILES = List.of(CAR,
            TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1), TravelProfile.basic(Transport.FOOT));

    @Test
    void onlyPathsTakingTheBannedTurnFallBackToTheTreeSearchAndEveryEtaEqualsIt(@TempDir Path dir) throws IOException {
        GeneratedMap map = CountyGenerator.generate(MapPreset.TOWN, 11, dir.resolve("town.osm"));
        TownArms arms = TownArms.of(map);
        try (RoadNetwork town = RoadNetwork.open(NetworkConfig.of(map.file(), dir.resolve("cache")))) {
            town.prepareHierarchies(PROFILES);

            Eta bannedLeft = sameAsTree(town, arms.west(), arms.north(), 1);
            assertThat(bannedLeft.distanceMeters()).isGreaterThan(250);
            Eta allowedRight = sameAsTree(town, arms.north(), arms.west(), 0);
            assertThat(allowedRight.distanceMeters()).isCloseTo(100, within(30.0));
            Eta straightOn = sameAsTree(town, arms.west(), arms.east(), 0);
            assertThat(straightOn.distanceMeters()).isCloseTo(100, within(30.0));

            List<GeoPoint> roads = town.reachableFrom(map.restrictedJunction(), CAR, Duration.ofMinutes(30), NIGHT).nodes()
                    .stream().map(ReachableNode::position).toList();
            int compared = TreeSearchComparison.assertHierarchyEtasEqualTreeSearch(town, roads, PROFILES, new Random(3), 60);
            assertThat(compared).isGreaterThan(400);
        }
    }

    /** The car's ETA from the hierarchy, asserted equal to the tree search's, with the fallbacks it took. */
    private static Eta sameAsTree(RoadNetwork town, GeoPoint from, GeoPoint to, int fallbacks) {
        List<Origin> car = List.of(new Origin("car", from, CAR));
        long before = town.hierarchyFallbacks();
        Eta hierarchy = (Eta) town.etaTo(to, car, NIGHT).get(0);
        assertThat(town.hierarchyFallbacks() - before).isEqualTo(fallbacks);
        Eta graphHopper = (Eta) town.etaToByPointToPointHierarchy(to, car, NIGHT).get(0);
        assertThat(town.hierarchyFallbacks() - before).isEqualTo(2L * fallbacks);
        Eta tree = (Eta) town.etaToByTreeSearch(to, car, NIGHT).get(0);
        assertThat(hierarchy.etaSeconds()).isCloseTo(tree.etaSeconds(), within(1.0));
        assertThat(hierarchy.distanceMeters()).isCloseTo(tree.distanceMeters(), within(0.01));
        assertThat(graphHopper.etaSeconds()).isCloseTo(tree.etaSeconds(), within(1.0));
        return hierarchy;
    }
}
