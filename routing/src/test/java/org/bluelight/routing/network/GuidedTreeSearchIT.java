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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The many-to-one tree search guided towards its origins answers exactly what the tree grown evenly in every
 * direction does: the same travel time and distance to the bit, for every origin, profile and band (evaluation
 * figures of a fixed seed must not change with the speed-up), whether guided by landmarks or by the straight line.
 */
class GuidedTreeSearchIT {

    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);

    private final RoadNetwork network = AndorraMap.network();

    @Test
    void guidedTreeGivesTheSameEtasAsThePlainTree() {
        Random random = new Random(11);
        TravelProfile[] profiles = {TravelProfile.basic(Transport.CAR), TravelProfile.basic(Transport.VAN),
                TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1),
                TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1), TravelProfile.basic(Transport.FOOT)};
        Instant[] departures = {Instant.parse("2026-03-10T03:00:00Z"), Instant.parse("2026-03-10T08:00:00Z"),
                Instant.parse("2026-03-14T13:00:00Z")};
        List<ReachableNode> junctions = network.reachableFrom(ANDORRA_LA_VELLA, profiles[0], Duration.ofMinutes(20),
                departures[0]).nodes();
        int reached = 0;
        for (int incident = 0; incident < 60; incident++) {
            GeoPoint target = junctions.get(random.nextInt(junctions.size())).position();
            List<Origin> origins = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                // units stand at junctions or part-way along a road, near the incident or across the map
                GeoPoint at = junctions.get(random.nextInt(junctions.size())).position();
                GeoPoint from = random.nextBoolean() ? at
                        : new GeoPoint(at.lat() + (random.nextDouble() - 0.5) * 0.002, at.lon() + (random.nextDouble() - 0.5) * 0.002);
                origins.add(new Origin("o" + i, from, profiles[random.nextInt(profiles.length)]));
            }
            reached += assertSameAsPlainTree(target, origins, departures[incident % departures.length]);
        }
        assertThat(reached).isGreaterThan(150);
    }

    @Test
    void unitsSideBySideOnOneRoadGetThePlainTreesEtasWithLandmarks() {
        Random random = new Random(5);
        TravelProfile blueLights = TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1);
        TravelProfile grade2 = TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 2);
        Instant[] departures = {Instant.parse("2026-03-10T03:00:00Z"), Instant.parse("2026-03-10T08:00:00Z")};
        for (Instant departure : departures) {
            assertThat(network.landmarks(blueLights, departure)).as("landmarks at %s", departure).isNotNull();
            assertThat(network.landmarks(grade2, departure)).as("landmarks at %s", departure).isNotNull();
        }
        List<ReachableNode> junctions = network.reachableFrom(ANDORRA_LA_VELLA, blueLights, Duration.ofMinutes(20),
                departures[0]).nodes();
        int reached = 0;
        for (int incident = 0; incident < 40; incident++) {
            GeoPoint target = junctions.get(random.nextInt(junctions.size())).position();
            List<Origin> origins = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // two units a few metres apart, part-way along one road: snapped points next to each other
                GeoPoint at = junctions.get(random.nextInt(junctions.size())).position();
                GeoPoint first = new GeoPoint(at.lat() + 0.0003, at.lon() + 0.0002);
                GeoPoint second = new GeoPoint(first.lat() + 0.00002 * random.nextGaussian(), first.lon() + 0.00002 * random.nextGaussian());
                TravelProfile profile = i % 2 == 0 ? blueLights : grade2;
                origins.add(new Origin("a" + i, first, profile));
                origins.add(new Origin("b" + i, second, profile));
            }
            reached += assertSameAsPlainTree(target, origins, departures[incident % departures.length]);
        }
        assertThat(reached).isGreaterThan(150);
    }

    /** @return how many origins the plain tree reached */
    private int assertSameAsPlainTree(GeoPoint target, List<Origin> origins, Instant departure) {
        List<EtaResult> guided = network.etaToByTreeSearch(target, origins, departure);
        List<EtaResult> plain = network.etaToByPlainTree(target, origins, departure);
        int reached = 0;
        for (int i = 0; i < origins.size(); i++) {
            if (plain.get(i) instanceof Eta eta) {
                assertThat(guided.get(i)).as("origin %s to %s", origins.get(i), target).isEqualTo(eta);
                reached++;
            } else {
                assertThat(guided.get(i)).isNotInstanceOf(Eta.class);
            }
        }
        return reached;
    }
}
