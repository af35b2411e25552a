package org.bluelight.dispatch.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.fixtures.Incidents.incident;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.fixtures.Andorra;
import org.bluelight.dispatch.recommend.Outcome;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recommendation rules over GraphHopper on the real Andorra road network. */
class RoadNetworkTravelTimesIT {

    static final GeoPoint SCENE = Andorra.ESCALDES;
    static final GeoPoint ON_THE_CG1 = Andorra.ON_THE_CG1;
    static final GeoPoint IN_TOWN = Andorra.IN_TOWN;
    static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    static RoadNetwork network;

    @BeforeAll
    static void openNetwork() {
        network = Andorra.open();
    }

    @AfterAll
    static void closeNetwork() {
        network.close();
    }

    @Test
    void advancedDriverThreeKilometresAwayOnTheCg1BeatsABasicDriverTwoKilometresAwayInTownOnGrade1ButNotOnGrade2() {
        Officer advanced = unit("ADV").driver(DrivingStandard.ADVANCED).at(ON_THE_CG1, NOW).build();
        Officer basic = unit("BAS").driver(DrivingStandard.BASIC).at(IN_TOWN, NOW).build();
        Recommender recommender = new Recommender(DispatchRules.defaults(), new RoadNetworkTravelTimes(network));

        Outcome grade1 = recommender.recommend(incident("I1").grade(1).reportedAt(NOW).at(SCENE).build(),
                List.of(advanced, basic), NOW, id -> OptionalInt.empty());
        Outcome grade2 = recommender.recommend(incident("I2").grade(2).reportedAt(NOW).at(SCENE).build(),
                List.of(advanced, basic), NOW, id -> OptionalInt.empty());

        assertThat(advanced.position().metersTo(SCENE)).isBetween(3000.0, 3400.0);
        assertThat(basic.position().metersTo(SCENE)).isBetween(1900.0, 2200.0);
        assertThat(grade1.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("ADV", "BAS");
        assertThat(grade1.best().units().get(0).mode().emergency()).isTrue();
        assertThat(grade2.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("BAS", "ADV");
        assertThat(grade2.candidates().get(1).etaSeconds()).isGreaterThan(grade1.best().etaSeconds() + 60);
    }

    @Test
    void routesEachUnitWithItsOwnProfileAndReportsRoadDistance() {
        TravelTimes roads = new RoadNetworkTravelTimes(network);
        TravelMode blueLights = TravelMode.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1);
        TravelMode limit = TravelMode.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 2);

        Map<String, TravelTime> times = roads.toTarget(SCENE,
                List.of(new Journey("fast", ON_THE_CG1, blueLights), new Journey("slow", ON_THE_CG1, limit)), NOW);

        TravelTime.Reached fast = (TravelTime.Reached) times.get("fast");
        TravelTime.Reached slow = (TravelTime.Reached) times.get("slow");
        assertThat(fast.seconds()).isLessThan(slow.seconds());
        assertThat(fast.meters()).isGreaterThan(ON_THE_CG1.metersTo(SCENE));
    }

    @Test
    void aTargetOffTheMapIsUnreachableForEveryoneWithTheReason() {
        TravelTimes roads = new RoadNetworkTravelTimes(network);

        Map<String, TravelTime> times = roads.toTarget(new GeoPoint(51.5, -0.12),
                List.of(new Journey("A", IN_TOWN, TravelMode.forResponse(Transport.CAR, DrivingStandard.BASIC, 1))), NOW);

        assertThat(times.get("A")).isInstanceOf(TravelTime.Unreachable.class);
        assertThat(((TravelTime.Unreachable) times.get("A")).reason()).isNotBlank();
    }
}
