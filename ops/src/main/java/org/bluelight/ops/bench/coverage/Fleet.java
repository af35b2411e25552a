package org.bluelight.ops.bench.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.bluelight.coverage.cell.Position;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.route.Route;

/**
 * Officers driving round the road network at the speed limit, each from junction to random
 * junction: where each one is at a given time. Times asked of one officer must not go backwards.
 */
final class Fleet {

    private final RoadNetwork network;
    private final List<Position> junctions;
    private final Random random;
    private final Position[] homes;
    private final PatrolRoute[] routes;
    private final double[] routeStart;

    Fleet(RoadNetwork network, List<Position> junctions, int officers, Random random, Instant start) {
        this.network = network;
        this.junctions = junctions;
        this.random = random;
        this.homes = new Position[officers];
        this.routes = new PatrolRoute[officers];
        this.routeStart = new double[officers];
        for (int i = 0; i < officers; i++) {
            homes[i] = junctions.get(random.nextInt(junctions.size()));
            routes[i] = newRoute(homes[i], start);
        }
    }

    int size() {
        return homes.length;
    }

    /** Where officer {@code i} comes on duty. */
    Position home(int i) {
        return homes[i];
    }

    /** Where officer {@code i} is {@code seconds} after the start. */
    Position positionAt(int i, double seconds, Instant start) {
        double onRoute = seconds - routeStart[i];
        if (routes[i].finishedAt(onRoute)) {
            Position here = routes[i].positionAt(onRoute);
            routes[i] = newRoute(here, start.plusMillis((long) (seconds * 1000)));
            routeStart[i] = seconds;
            onRoute = 0;
        }
        return routes[i].positionAt(onRoute);
    }

    private PatrolRoute newRoute(Position from, Instant departure) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Position to = junctions.get(random.nextInt(junctions.size()));
            try {
                Route route = network.route(new GeoPoint(from.lat(), from.lon()), new GeoPoint(to.lat(), to.lon()),
                        TravelProfile.basic(Transport.CAR), departure);
                List<Position> geometry = route.geometry().stream().map(p -> new Position(p.lat(), p.lon())).toList();
                if (geometry.size() >= 2) {
                    return PatrolRoute.of(geometry, route.etaSeconds());
                }
            } catch (RoutingException unreachable) {
                // Another destination.
            }
        }
        // Nowhere reachable from here: the officer stays put for an hour.
        return PatrolRoute.of(List.of(from, from), 3600);
    }
}
