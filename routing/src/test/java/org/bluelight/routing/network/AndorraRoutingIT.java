package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.routing.UnreachableException;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.EtaFailure;
import org.bluelight.routing.eta.EtaResult;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;
import org.bluelight.routing.route.Route;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Routing on the real Andorra extract: imports, profiles, ETAs, routes and reachability on real roads. */
class AndorraRoutingIT {

    /** Tuesday 10 March 2026, London time = UTC. */
    private static final Instant NIGHT = Instant.parse("2026-03-10T03:00:00Z");
    private static final Instant MORNING_PEAK = Instant.parse("2026-03-10T08:00:00Z");

    private static final GeoPoint ANDORRA_LA_VELLA = new GeoPoint(42.5063, 1.5218);
    private static final GeoPoint ENCAMP = new GeoPoint(42.5364, 1.5830);

    private static final TravelProfile CAR = TravelProfile.basic(Transport.CAR);
    private static final TravelProfile FOOT = TravelProfile.basic(Transport.FOOT);
    private static final TravelProfile BLUE_LIGHTS = TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1);

    private final RoadNetwork network = AndorraMap.network();

    @Test
    void emergencyDrivingIsQuickerThanBasicOnTheSameTrip() {
        Route basic = network.route(ANDORRA_LA_VELLA, ENCAMP, CAR, NIGHT);
        Route emergency = network.route(ANDORRA_LA_VELLA, ENCAMP, BLUE_LIGHTS, NIGHT);
        assertThat(emergency.etaSeconds()).isLessThan(basic.etaSeconds() * 0.85);
        assertThat(basic.profileName()).isEqualTo("car-basic");
        assertThat(emergency.profileName()).isEqualTo("car-standard-emergency");
        // a grade 2 trip by the same driver is routed as basic
        Route grade2 = network.route(ANDORRA_LA_VELLA, ENCAMP, TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 2), NIGHT);
        assertThat(grade2.etaSeconds()).isEqualTo(basic.etaSeconds());
    }

    @Test
    void oneWayStreetIsDrivenWithTheTrafficAndWalkedEitherWay() {
        // Avinguda del Pessebre, Escaldes-Engordany: one-way (secondary) from its east end towards the west
        GeoPoint east = new GeoPoint(42.5122851, 1.5393143);
        GeoPoint west = new GeoPoint(42.513339, 1.5357814);
        double streetLength = 317.6;

        Route withTraffic = network.route(east, west, CAR, NIGHT);
        Route againstTraffic = network.route(west, east, CAR, NIGHT);
        assertThat(withTraffic.distanceMeters()).isCloseTo(streetLength, within(1.0));
        assertThat(againstTraffic.distanceMeters()).isGreaterThan(3 * streetLength);

        Route walkWest = network.route(east, west, FOOT, NIGHT);
        Route walkEast = network.route(west, east, FOOT, NIGHT);
        assertThat(walkWest.distanceMeters()).isCloseTo(streetLength, within(1.0));
        assertThat(walkEast.distanceMeters()).isCloseTo(streetLength, within(1.0));
        assertThat(walkEast.etaSeconds()).isGreaterThan(withTraffic.etaSeconds());
    }

    @Test
    void peakHourIsSlowerThanNightOnAnUrbanPrimaryRoad() {
        // Avinguda de Tarragona, Andorra la Vella: primary road in a built-up area
        GeoPoint from = new GeoPoint(42.5022302, 1.5137877);
        GeoPoint to = new GeoPoint(42.503645, 1.5191091);
        Route night = network.route(from, to, CAR, NIGHT);
        Route peak = network.route(from, to, CAR, MORNING_PEAK);
        assertThat(peak.distanceMeters()).isCloseTo(night.distanceMeters(), within(1.0));
        assertThat(peak.etaSeconds()).isGreaterThan(night.etaSeconds() * 1.5);
        assertThat(peak.trafficBand()).isEqualTo("weekday-am-peak");
        assertThat(night.trafficBand()).isEqualTo("free-flow");
        // blue lights part the traffic: less delayed than a basic driver at the peak
        assertThat(network.route(from, to, BLUE_LIGHTS, MORNING_PEAK).etaSeconds()).isLessThan(peak.etaSeconds());
    }

    @Test
    void pointOutsideTheMapGivesTypedError() {
        GeoPoint london = new GeoPoint(51.5074, -0.1278);
        assertThatThrownBy(() -> network.route(london, ENCAMP, CAR, NIGHT))
                .isInstanceOfSatisfying(PointNotRoutableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PointNotRoutableException.Reason.OUTSIDE_MAP));
    }

    @Test
    void pointFarFromAnyRoadGivesTypedError() {
        GeoPoint comaPedrosa = new GeoPoint(42.5917, 1.4442); // Andorra's highest summit
        assertThatThrownBy(() -> network.route(ANDORRA_LA_VELLA, comaPedrosa, CAR, NIGHT))
                .isInstanceOfSatisfying(PointNotRoutableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PointNotRoutableException.Reason.TOO_FAR_FROM_ROAD));
        List<EtaResult> etas = network.etaTo(ANDORRA_LA_VELLA, List.of(new Origin("lost", comaPedrosa, CAR)), NIGHT);
        assertThat(etas).singleElement().isInstanceOfSatisfying(EtaFailure.class,
                f -> assertThat(f.error()).isInstanceOf(PointNotRoutableException.class));
    }

    @Test
    void targetBeyondTheSearchLimitIsUnreachableNotMadeUp() {
        // walking from Andorra la Vella to Pas de la Casa takes far longer than the 2 h search limit
        GeoPoint pasDeLaCasa = new GeoPoint(42.5430, 1.7330);
        assertThatThrownBy(() -> network.route(ANDORRA_LA_VELLA, pasDeLaCasa, FOOT, NIGHT))
                .isInstanceOf(UnreachableException.class);
        assertThat(network.etaTo(pasDeLaCasa, List.of(new Origin("walker", ANDORRA_LA_VELLA, FOOT)), NIGHT))
                .singleElement().isInstanceOfSatisfying(EtaFailure.class,
                        f -> assertThat(f.error()).isInstanceOf(UnreachableException.class));
    }

    @Test
    void manyToOneEtasEqualPointToPointEtas() {
        Random random = new Random(3);
        TravelProfile[] profiles = {CAR, BLUE_LIGHTS, FOOT, TravelProfile.basic(Transport.VAN), TravelProfile.basic(Transport.BICYCLE),
                TravelProfile.forResponse(Transport.MOTORCYCLE, DrivingStandard.ADVANCED, 1),
                TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1)};
        List<ReachableNode> junctions = network.reachableFrom(ANDORRA_LA_VELLA, CAR, Duration.ofMinutes(15), NIGHT).nodes();
        int compared = 0;
        for (int incident = 0; incident < 6; incident++) {
            GeoPoint target = junctions.get(random.nextInt(junctions.size())).position();
            List<Origin> origins = new ArrayList<>();
            for (int i = 0; i < 14; i++)
                origins.add(new Origin("o" + i, randomPointNear(random, target, 0.04), profiles[i % profiles.length]));
            Instant departure = incident % 2 == 0 ? MORNING_PEAK : NIGHT;

            List<EtaResult> manyToOne = network.etaTo(target, origins, departure);
            List<EtaResult> perOfficer = network.etaToByDijkstraPerOrigin(target, origins, departure);
            assertThat(manyToOne).hasSameSizeAs(origins);
            for (int i = 0; i < origins.size(); i++) {
                Origin origin = origins.get(i);
                assertThat(manyToOne.get(i).originId()).isEqualTo(origin.id());
                if (manyToOne.get(i) instanceof Eta eta) {
                    Route route = network.route(origin.position(), target, origin.profile(), departure);
                    assertThat(eta.etaSeconds()).as("origin %s", origin).isCloseTo(route.etaSeconds(), within(0.001));
                    assertThat(eta.distanceMeters()).isCloseTo(route.distanceMeters(), within(0.01));
                    assertThat(eta.profileName()).isEqualTo(origin.profile().name());
                    assertThat(perOfficer.get(i)).isInstanceOfSatisfying(Eta.class,
                            plain -> assertThat(plain.etaSeconds()).isCloseTo(eta.etaSeconds(), within(0.001)));
                    compared++;
                } else {
                    EtaFailure failure = (EtaFailure) manyToOne.get(i);
                    assertThatThrownBy(() -> network.route(origin.position(), target, origin.profile(), departure))
                            .isInstanceOf(failure.error().getClass());
                }
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void concurrentQueriesGiveTheSameEtasAsOneByOne() throws Exception {
        List<ReachableNode> junctions = network.reachableFrom(ANDORRA_LA_VELLA, CAR, Duration.ofMinutes(10), NIGHT).nodes();
        Random random = new Random(9);
        List<List<Origin>> queries = new ArrayList<>();
        List<GeoPoint> targets = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            targets.add(junctions.get(random.nextInt(junctions.size())).position());
            List<Origin> origins = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                origins.add(new Origin("o" + i, junctions.get(random.nextInt(junctions.size())).position(), i % 2 == 0 ? CAR : BLUE_LIGHTS));
            queries.add(origins);
        }
        List<List<EtaResult>> sequential = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++)
            sequential.add(network.etaTo(targets.get(q), queries.get(q), MORNING_PEAK));

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<EtaResult>>> parallel = new ArrayList<>();
            for (int q = 0; q < queries.size(); q++) {
                int query = q;
                parallel.add(pool.submit(() -> network.etaTo(targets.get(query), queries.get(query), MORNING_PEAK)));
            }
            for (int q = 0; q < queries.size(); q++)
                assertThat(parallel.get(q).get()).isEqualTo(sequential.get(q));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void routeGeometryRunsFromStartToEnd() {
        Route route = network.route(ANDORRA_LA_VELLA, ENCAMP, CAR, NIGHT);
        assertThat(route.geometry()).hasSizeGreaterThan(10);
        assertThat(distance(route.geometry().get(0), ANDORRA_LA_VELLA)).isLessThan(500);
        assertThat(distance(route.geometry().get(route.geometry().size() - 1), ENCAMP)).isLessThan(500);
        double length = 0;
        for (int i = 1; i < route.geometry().size(); i++)
            length += distance(route.geometry().get(i - 1), route.geometry().get(i));
        assertThat(length).isCloseTo(route.distanceMeters(), within(route.distanceMeters() * 0.01));
    }

    private static GeoPoint randomPointNear(Random random, GeoPoint centre, double degrees) {
        return new GeoPoint(centre.lat() + (random.nextDouble() - 0.5) * degrees, centre.lon() + (random.nextDouble() - 0.5) * degrees);
    }

    private static double distance(GeoPoint a, GeoPoint b) {
        return com.graphhopper.util.DistanceCalcEarth.DIST_EARTH.calcDist(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
