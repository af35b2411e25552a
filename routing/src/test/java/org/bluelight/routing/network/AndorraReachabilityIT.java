package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.Reachability;
import org.bluelight.routing.reach.ReachableNode;
import org.bluelight.routing.route.Route;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AndorraReachabilityIT {

    private static final Instant NIGHT = Instant.parse("2026-03-10T03:00:00Z");
    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);
    private static final TravelProfile BLUE_LIGHTS = TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1);

    private final RoadNetwork network = AndorraMap.network();

    @Test
    void reachedNodesAreWithinTheLimitInTimeOrderWithTheirPositions() {
        Reachability reach = network.reachableFrom(ANDORRA_LA_VELLA, BLUE_LIGHTS, Duration.ofMinutes(5), NIGHT);
        assertThat(reach.nodes()).hasSizeGreaterThan(50);
        assertThat(reach.nodes()).allSatisfy(node -> assertThat(node.seconds()).isBetween(0.0, 300.0));
        assertThat(reach.nodes()).extracting(ReachableNode::seconds).isSorted();
        assertThat(reach.nodes()).extracting(ReachableNode::nodeId).doesNotHaveDuplicates();
        assertThat(reach.profileName()).isEqualTo("car-advanced-emergency");
    }

    @Test
    void longerLimitAndFasterProfileReachMore() {
        int fiveMinutes = network.reachableFrom(ANDORRA_LA_VELLA, BLUE_LIGHTS, Duration.ofMinutes(5), NIGHT).nodes().size();
        int tenMinutes = network.reachableFrom(ANDORRA_LA_VELLA, BLUE_LIGHTS, Duration.ofMinutes(10), NIGHT).nodes().size();
        int basic = network.reachableFrom(ANDORRA_LA_VELLA, TravelProfile.basic(Transport.CAR), Duration.ofMinutes(5), NIGHT).nodes().size();
        assertThat(tenMinutes).isGreaterThan(fiveMinutes);
        assertThat(basic).isLessThan(fiveMinutes);
    }

    @Test
    void travelTimeOfAReachedNodeEqualsTheRouteToIt() {
        Reachability reach = network.reachableFrom(ANDORRA_LA_VELLA, BLUE_LIGHTS, Duration.ofMinutes(8), NIGHT);
        for (int i = reach.nodes().size() / 7; i < reach.nodes().size(); i += reach.nodes().size() / 7) {
            ReachableNode node = reach.nodes().get(i);
            Route route = network.route(ANDORRA_LA_VELLA, node.position(), BLUE_LIGHTS, NIGHT);
            assertThat(route.etaSeconds()).as("node %d", node.nodeId()).isCloseTo(node.seconds(), within(0.001));
        }
    }
}
