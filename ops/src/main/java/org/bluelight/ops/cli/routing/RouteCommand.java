package org.bluelight.ops.cli.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bluelight.ops.cli.NetworkOptions;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.route.Route;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code route}: the quickest route between two points as JSON, for people debugging a route. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Prints the quickest route as JSON: etaSeconds, distanceMeters, profile, traffic band.")
public final class RouteCommand implements Callable<Integer> {

    /** Exit code when the route cannot be answered (the JSON on stdout says why). */
    public static final int NOT_ROUTABLE = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Mixin
    ProfileOptions profile;

    @Option(names = "--from", required = true, description = "LAT,LON")
    String from;

    @Option(names = "--to", required = true, description = "LAT,LON")
    String to;

    @Option(names = "--at", description = "departure, ISO-8601 (e.g. 2026-03-10T08:00:00Z); default now")
    String at;

    @Option(names = "--geometry", description = "include the route's points")
    boolean geometry;

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode result = json.createObjectNode();
        try {
            GeoPoint start = GeoPoint.parse(from);
            GeoPoint end = GeoPoint.parse(to);
            Instant departure = departure();
            TravelProfile travel = profile.profile();
            try (RoadNetwork roads = RoadNetwork.open(network.config())) {
                Route route = roads.route(start, end, travel, departure);
                result.put("etaSeconds", route.etaSeconds());
                result.put("distanceMeters", Math.round(route.distanceMeters() * 10) / 10.0);
                result.put("profile", route.profileName());
                result.put("trafficBand", route.trafficBand());
                result.put("departure", departure.toString());
                if (geometry)
                    route.geometry().forEach(p -> result.withArray("geometry").addArray().add(p.lat()).add(p.lon()));
            }
        } catch (RoutingException e) {
            result.put("error", e.getClass().getSimpleName());
            if (e instanceof PointNotRoutableException p)
                result.put("reason", p.reason().name());
            result.put("message", e.getMessage());
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return NOT_ROUTABLE;
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }

    private Instant departure() {
        if (at == null)
            return Instant.now();
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--at: not ISO-8601 with offset: " + at);
        }
    }
}
