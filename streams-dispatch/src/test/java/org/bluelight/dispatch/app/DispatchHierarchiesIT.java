package org.bluelight.dispatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bluelight.dispatch.fixtures.Andorra;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelMode;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.network.SearchWarmUp;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

/**
 * Dispatch's travel times once its contraction hierarchies are ready equal those the same network gave before, by the
 * tree search (the same paths, their times within a rounding), on the real Andorra roads: every transport and driving
 * standard, grades 1 and 2, over a week's traffic bands.
 */
class DispatchHierarchiesIT {

    private static final Instant MONDAY = Instant.parse("2026-03-09T00:00:00Z");
    private static final int INCIDENTS = 60;

    private record Asked(GeoPoint scene, List<Journey> journeys, Instant departure) {
    }

    @Test
    void travelTimesFromTheHierarchiesEqualTheTreeSearchsForEveryModeInEveryBand() throws InterruptedException {
        try (RoadNetwork andorra = Andorra.open()) {
            RoadNetworkTravelTimes travelTimes = new RoadNetworkTravelTimes(andorra);
            List<GeoPoint> roads = andorra.reachableFrom(Andorra.IN_TOWN, TravelProfile.basic(org.bluelight.routing.profile.Transport.CAR),
                    Duration.ofMinutes(30), MONDAY).nodes().stream().map(ReachableNode::position).toList();
            Random random = new Random(7);
            List<Asked> asked = new ArrayList<>();
            List<Map<String, TravelTime>> byTree = new ArrayList<>();
            for (int i = 0; i < INCIDENTS; i++) {
                Asked incident = incident(roads, random, 1 + i % 2);
                asked.add(incident);
                byTree.add(travelTimes.toTarget(incident.scene(), incident.journeys(), incident.departure()));
            }
            assertThat(andorra.hierarchiesReady()).isZero();

            Thread preparing = DispatchHierarchies.start(andorra, SearchWarmUp.NONE);
            preparing.join(Duration.ofMinutes(2).toMillis());

            // car and van, at the limit and on blue lights, in four distinct bands each; foot and bicycle in one
            assertThat(andorra.hierarchiesReady()).isEqualTo(18);
            int reached = 0;
            int differing = 0;
            for (int i = 0; i < INCIDENTS; i++) {
                Asked incident = asked.get(i);
                Map<String, TravelTime> fromHierarchies = travelTimes.toTarget(incident.scene(), incident.journeys(), incident.departure());
                assertThat(fromHierarchies.keySet()).isEqualTo(byTree.get(i).keySet());
                for (Map.Entry<String, TravelTime> exact : byTree.get(i).entrySet()) {
                    TravelTime time = fromHierarchies.get(exact.getKey());
                    assertThat(time.getClass()).as("incident %d, %s", i, exact.getKey()).isEqualTo(exact.getValue().getClass());
                    if (exact.getValue() instanceof TravelTime.Reached tree) {
                        TravelTime.Reached hierarchy = (TravelTime.Reached) time;
                        // The same path (its length to the centimetre); its time, summed from whole milliseconds per
                        // road segment in another way, may differ by a rounding (1-2 ms, 7 of 623 ETAs here).
                        assertThat(hierarchy.meters()).as("incident %d, %s", i, exact.getKey()).isCloseTo(tree.meters(), within(0.01));
                        assertThat(hierarchy.seconds()).as("incident %d, %s", i, exact.getKey()).isCloseTo(tree.seconds(), within(0.005));
                        if (hierarchy.seconds() != tree.seconds()) {
                            differing++;
                        }
                        reached++;
                    }
                }
            }
            assertThat(reached).isGreaterThan(INCIDENTS * 8);
            assertThat(differing).as("ETAs a rounding apart").isLessThan(reached / 50);
        }
    }

    /** A scene near a random road, a unit of every mode near others, at a random time of the week. */
    private static Asked incident(List<GeoPoint> roads, Random random, int grade) {
        List<Journey> journeys = new ArrayList<>();
        int k = 0;
        for (Transport transport : Transport.values()) {
            for (DrivingStandard standard : DrivingStandard.values()) {
                if ((transport == Transport.FOOT || transport == Transport.BICYCLE) && standard != DrivingStandard.BASIC) {
                    continue;
                }
                journeys.add(new Journey("unit-" + k++, near(roads, random), TravelMode.forResponse(transport, standard, grade)));
            }
        }
        return new Asked(near(roads, random), journeys, MONDAY.plusSeconds(random.nextInt(7 * 24 * 3600)));
    }

    /** Within about 30 m of a junction. */
    private static GeoPoint near(List<GeoPoint> roads, Random random) {
        GeoPoint junction = roads.get(random.nextInt(roads.size()));
        return new GeoPoint(junction.lat() + (random.nextDouble() - 0.5) * 0.0005, junction.lon() + (random.nextDouble() - 0.5) * 0.0005);
    }
}
