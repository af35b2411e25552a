package org.bluelight.coverage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.BiConsumer;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.coverage.reach.Reachability;
import org.bluelight.coverage.reach.ReachedCells;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reach cells the app keeps (from the reach tables once built, by the quick search for the set until then) equal
 * those of the tree search they replaced (kept as {@link RoadNetworkReachability#reachableFrom}, placed node by node),
 * from many positions on the real Andorra roads.
 */
class RoadNetworkReachabilityIT {

    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);
    private static final CellGrid GRID = new CellGrid(8);
    private static RoadNetwork network;

    @BeforeAll
    static void open() {
        network = RoadNetwork.open(NetworkConfig.of(Path.of("../ops/maps/andorra.osm.pbf"),
                Path.of("target/graph-cache/coverage-it")));
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void reachCellsEqualTheTreeSearchsFromManyPositions() {
        RoadNetworkReachability quick = new RoadNetworkReachability(network, Duration.ofMinutes(15), GRID);
        assertThat(fromManyPositions(3, (profile, departure) -> {
        }, (position, profile, departure) -> {
            ReachedCells found = quick.reachedCells(position, profile, departure, GRID);
            assertThat(found.originNode()).isEqualTo(quick.roadNodeAt(position, profile));
            return found;
        }, quick.byTreeSearch())).isGreaterThan(1_000);
    }

    @Test
    void reachCellsFromTheReachTablesEqualTheTreeSearchsFromManyPositions() {
        RoadNetworkReachability quick = new RoadNetworkReachability(network, Duration.ofMinutes(15), GRID);
        assertThat(fromManyPositions(5, (profile, departure) -> assertThat(quick.prepareTable(profile, departure))
                .as("a table fits Andorra").isTrue(), (position, profile, departure) -> {
            assertThat(quick.byReachSearch().reachedCells(position, profile, departure, GRID))
                    .isEqualTo(quick.reachedCells(position, profile, departure, GRID));
            return quick.reachedCells(position, profile, departure, GRID);
        }, quick.byTreeSearch())).isGreaterThan(1_000);
    }

    /** The cells the reach under test finds. */
    private interface Found {
        ReachedCells at(GeoPoint position, ReachProfile profile, Instant departure);
    }

    /**
     * Reaches in car and on foot, standard and advanced, over four days of traffic, against the reference.
     *
     * @return the number of cells compared
     */
    private static int fromManyPositions(long seed, BiConsumer<ReachProfile, Instant> before, Found found,
                                         Reachability reference) {
        Random random = new Random(seed);
        int compared = 0;
        for (int i = 0; i < 60; i++) {
            GeoPoint position = new GeoPoint(ANDORRA_LA_VELLA.lat() + (random.nextDouble() - 0.5) * 0.08,
                    ANDORRA_LA_VELLA.lon() + (random.nextDouble() - 0.5) * 0.08);
            ReachProfile profile = new ReachProfile(i % 5 == 0 ? Transport.FOOT : Transport.CAR,
                    i % 2 == 0 ? DrivingStandard.STANDARD : DrivingStandard.ADVANCED);
            Instant departure = Instant.parse("2026-03-10T00:00:00Z").plus(Duration.ofMinutes(97L * i));
            before.accept(profile, departure);
            ReachedCells expected = reference.reachedCells(position, profile, departure, GRID);
            assertThat(found.at(position, profile, departure)).as("%s %s at %s", profile, position, departure)
                    .isEqualTo(expected);
            compared += expected.cells().size();
        }
        return compared;
    }

    @Test
    void offTheRoadsReachesNothing() {
        RoadNetworkReachability quick = new RoadNetworkReachability(network, Duration.ofMinutes(15), GRID);
        ReachedCells nowhere = quick.reachedCells(new GeoPoint(10, 10), new ReachProfile(Transport.CAR, DrivingStandard.STANDARD),
                Instant.EPOCH, GRID);
        assertThat(nowhere.originNode()).isEmpty();
        assertThat(nowhere.cells().isEmpty()).isTrue();
    }
}
