package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.GeoPoint;
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
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reach set search ({@link RoadNetwork#junctionsWithin}) against the tree search it replaces for reach sets
 * ({@link RoadNetwork#reachableFrom} from the junction's position): the same junctions, from many origins, for
 * edge-based (turn restrictions, u-turn cost) and node-based profiles, in free and peak traffic.
 */
class ReachSearchIT {

    private static final Instant NIGHT = Instant.parse("2026-03-10T03:00:00Z");
    private static final Instant PEAK = Instant.parse("2026-03-10T08:15:00Z");
    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);
    private static final TravelProfile BLUE_LIGHTS = TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1);
    private static final TravelProfile WALKING = TravelProfile.basic(Transport.FOOT);
    private static final Duration NODE_SEARCH = Duration.ofSeconds(30);

    @Test
    void andorraReachSetsEqualTheTreeSearchFromManyJunctions() {
        RoadNetwork network = AndorraMap.network();
        List<GeoPoint> origins = origins(network, ANDORRA_LA_VELLA, 60);
        int compared = 0;
        for (GeoPoint origin : origins) {
            compared += compare(network, origin, BLUE_LIGHTS, Duration.ofMinutes(15), PEAK);
            compared += compare(network, origin, BLUE_LIGHTS, Duration.ofMinutes(4), NIGHT);
        }
        for (GeoPoint origin : origins.subList(0, 20))
            compared += compare(network, origin, WALKING, Duration.ofMinutes(15), NIGHT);
        assertThat(compared).isGreaterThan(100_000);
    }

    @Test
    void townReachSetsRespectTheTurnBanAsTheTreeSearchDoes(@TempDir Path dir) throws IOException {
        GeneratedMap map = CountyGenerator.generate(MapPreset.TOWN, 11, dir.resolve("town.osm"));
        try (RoadNetwork town = RoadNetwork.open(NetworkConfig.of(map.file(), dir.resolve("cache")))) {
            int compared = 0;
            for (GeoPoint origin : origins(town, map.restrictedJunction(), 40)) {
                compared += compare(town, origin, BLUE_LIGHTS, Duration.ofMinutes(2), NIGHT);
                compared += compare(town, origin, TravelProfile.basic(Transport.CAR), Duration.ofSeconds(90), PEAK);
            }
            assertThat(compared).isGreaterThan(10_000);
        }
    }

    @Test
    void firstJunctionIsTheFirstNodeTheTreeSearchReaches() {
        RoadNetwork network = AndorraMap.network();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            GeoPoint near = new GeoPoint(ANDORRA_LA_VELLA.lat() + (random.nextDouble() - 0.5) * 0.04,
                    ANDORRA_LA_VELLA.lon() + (random.nextDouble() - 0.5) * 0.04);
            OptionalInt expected;
            try {
                List<ReachableNode> nodes = network.reachableFrom(near, BLUE_LIGHTS, NODE_SEARCH, NIGHT).nodes();
                expected = nodes.isEmpty() ? OptionalInt.empty() : OptionalInt.of(nodes.get(0).nodeId());
            } catch (org.bluelight.routing.RoutingException offTheRoads) {
                expected = OptionalInt.empty();
            }
            assertThat(network.firstJunction(near, BLUE_LIGHTS, NODE_SEARCH, NIGHT)).as("from %s", near).isEqualTo(expected);
        }
    }

    /** Junctions spread over what a car reaches from {@code centre} in 20 minutes. */
    private static List<GeoPoint> origins(RoadNetwork network, GeoPoint centre, int count) {
        List<ReachableNode> all = network.reachableFrom(centre, TravelProfile.basic(Transport.CAR), Duration.ofMinutes(20), NIGHT).nodes();
        Random random = new Random(11);
        return random.ints(count, 0, all.size()).mapToObj(i -> all.get(i).position()).toList();
    }

    /** @return the number of junctions compared */
    private static int compare(RoadNetwork network, GeoPoint junction, TravelProfile profile, Duration limit, Instant departure) {
        List<ReachableNode> reference = network.reachableFrom(junction, profile, limit, departure).nodes();
        Set<Integer> expected = reference.stream().map(ReachableNode::nodeId).collect(Collectors.toSet());
        int start = network.firstJunction(junction, profile, NODE_SEARCH, departure).orElseThrow();
        int[] found = network.junctionsWithin(start, profile, limit, departure);
        assertThat(found[0]).isEqualTo(start).isEqualTo(reference.get(0).nodeId());
        assertThat(Arrays.stream(found).boxed().collect(Collectors.toSet()))
                .as("%s from %s within %s", profile.name(), junction, limit).isEqualTo(expected);
        assertThat(found).doesNotHaveDuplicates();
        return found.length;
    }
}
