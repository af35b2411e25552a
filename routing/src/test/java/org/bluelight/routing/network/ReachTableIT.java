package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.GeneratedMap;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.search.ReachTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reach table ({@link RoadNetwork#reachTable}, one backward search per group) against the reach set search from
 * every junction ({@link RoadNetwork#junctionsWithin}, pinned to the tree search by {@code ReachSearchIT}): with a
 * group per junction it must give exactly the junctions, and with groups of many junctions (a grid) their groups,
 * edge-based (turn restrictions, u-turn cost) and node-based, in free and peak traffic.
 */
class ReachTableIT {

    private static final Instant NIGHT = Instant.parse("2026-03-10T03:00:00Z");
    private static final Instant PEAK = Instant.parse("2026-03-10T08:15:00Z");
    private static final TravelProfile BLUE_LIGHTS = TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1);

    @Test
    void andorraTablesGiveTheReachSetOfEveryJunction() {
        RoadNetwork network = AndorraMap.network();
        assertEveryJunction(network, BLUE_LIGHTS, Duration.ofMinutes(15), PEAK, junctionGroups(network));
        assertEveryJunction(network, BLUE_LIGHTS, Duration.ofMinutes(4), NIGHT, gridGroups(network, 0.004));
        assertEveryJunction(network, TravelProfile.basic(Transport.FOOT), Duration.ofMinutes(15), NIGHT, gridGroups(network, 0.002));
    }

    @Test
    void townTablesRespectTheTurnBanAsTheReachSearchDoes(@TempDir Path dir) throws IOException {
        GeneratedMap map = CountyGenerator.generate(MapPreset.TOWN, 11, dir.resolve("town.osm"));
        try (RoadNetwork town = RoadNetwork.open(NetworkConfig.of(map.file(), dir.resolve("cache")))) {
            assertEveryJunction(town, BLUE_LIGHTS, Duration.ofMinutes(2), NIGHT, junctionGroups(town));
            assertEveryJunction(town, TravelProfile.basic(Transport.CAR), Duration.ofSeconds(90), PEAK, junctionGroups(town));
            assertEveryJunction(town, BLUE_LIGHTS, Duration.ofMinutes(2), PEAK, gridGroups(town, 0.002));
        }
    }

    private static void assertEveryJunction(RoadNetwork network, TravelProfile profile, Duration limit, Instant departure,
                                            int[] groupOf) {
        int groups = Arrays.stream(groupOf).max().orElseThrow() + 1;
        ReachTable table = network.reachTable(profile, limit, departure, groupOf, groups);
        long compared = 0;
        for (int start = 0; start < network.nodeCount(); start++) {
            int[] expected = Arrays.stream(network.junctionsWithin(start, profile, limit, departure))
                    .map(junction -> groupOf[junction]).distinct().sorted().toArray();
            assertThat(table.groupsWithin(start)).as("%s within %s of junction %d", profile.name(), limit, start)
                    .containsExactly(expected);
            compared += expected.length;
        }
        assertThat(compared).isGreaterThan(10L * network.nodeCount());
        assertThat(table.undecidedJunctions()).isLessThan(network.nodeCount() / 100 + 1);
    }

    private static int[] junctionGroups(RoadNetwork network) {
        return IntStream.range(0, network.nodeCount()).toArray();
    }

    /** Junctions grouped by squares of the map {@code degrees} wide, numbered densely. */
    private static int[] gridGroups(RoadNetwork network, double degrees) {
        long[] square = new long[network.nodeCount()];
        for (int node = 0; node < square.length; node++) {
            GeoPoint at = network.junctionPosition(node);
            square[node] = (long) Math.floor(at.lat() / degrees) * 1_000_000L + (long) Math.floor(at.lon() / degrees);
        }
        long[] distinct = Arrays.stream(square).sorted().distinct().toArray();
        return Arrays.stream(square).mapToInt(s -> Arrays.binarySearch(distinct, s)).toArray();
    }
}
