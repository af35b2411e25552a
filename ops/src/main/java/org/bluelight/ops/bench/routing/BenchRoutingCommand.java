package org.bluelight.ops.bench.routing;

import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.bench.MachineLoad;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.cli.NetworkOptions;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.HierarchyPreparation;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.traffic.TrafficBand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench routing}: many-to-one ETA latency against a plain Dijkstra per officer, and the command that reruns it. */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Times many-to-one ETAs of the nearest officers to random incidents (contraction hierarchies, tree search, GraphHopper CH per officer) against one Dijkstra per officer.")
public final class BenchRoutingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--candidates", defaultValue = "8", description = "officers timed per incident (default: ${DEFAULT-VALUE})")
    int candidates;

    @Option(names = "--queries", defaultValue = "2000", description = "timed incidents (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--warmup", defaultValue = "300", description = "untimed incidents first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--fleet", defaultValue = "150", description = "officers on the map (default: ${DEFAULT-VALUE})")
    int fleet;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--mixed-profiles", description = "cars, vans and motorcycles with all driving standards (more searches per incident)")
    boolean mixed;

    @Option(names = "--band", description = "departures only in this traffic band (e.g. weekday-am-peak, free-flow); "
            + "prepares only its hierarchies (default: departures over the whole week)")
    String band;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RoadNetwork roads = RoadNetwork.open(network.config())) {
            GeoPoint centre = roadNear(roads);
            RoutingBenchmark benchmark = new RoutingBenchmark(roads,
                    new RoutingBenchmark.Settings(candidates, queries, warmup, fleet, seed, mixed, trafficBand(roads)));
            List<HierarchyPreparation> hierarchies = roads.prepareHierarchies(benchmark.profiles(), benchmark.bands());
            RoutingBenchmark.Result result = benchmark.run(centre);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            out.printf(Locale.ROOT, "map %s: %d junctions, %d road segments%n", network.osm(), roads.nodeCount(), roads.edgeCount());
            out.printf(Locale.ROOT, "import (or cache load) %.1f s, heap used %d MB after GC (max %d MB)%n",
                    roads.importTime().toMillis() / 1000.0, heapMb, runtime.maxMemory() >> 20);
            out.printf(Locale.ROOT, "contraction hierarchies (one per speed model and traffic band), cached with the graph:%n");
            for (HierarchyPreparation h : hierarchies)
                out.printf(Locale.ROOT, "  %-48s %s in %6.1f s, %,9d shortcuts, %5.1f MB%n", h.name(),
                        h.loaded() ? "loaded  " : "prepared", h.time().toMillis() / 1000.0, h.shortcuts(), h.bytes() / 1048576.0);
            out.printf(Locale.ROOT, "%d incidents (+%d warm-up), %d nearest of %d officers each, profiles %s, departures %s%n",
                    queries, warmup, candidates, fleet, mixed ? "mixed" : "car-standard-emergency",
                    band == null ? "over a week" : "in " + band);
            out.printf(Locale.ROOT, "wall-clock latency per incident:%n");
            for (RoutingBenchmark.Method method : RoutingBenchmark.Method.values())
                print(out, method.label, result.wall().get(method));
            speedUps(out, result.wall());
            out.printf(Locale.ROOT, "thread CPU time per incident (leaves out waiting for a core):%n");
            for (RoutingBenchmark.Method method : RoutingBenchmark.Method.values())
                print(out, method.label, result.cpu().get(method));
            speedUps(out, result.cpu());
            out.printf(Locale.ROOT, "ETAs by plain Dijkstra: %d, no route: %d; differing from it by >= 1 s: %s%n",
                    result.etas(), result.failures(), result.mismatches());
            out.printf(Locale.ROOT, "answered by tree search instead, the path on the (node-based) hierarchy taking a banned "
                    + "turn: many-to-one %d, GraphHopper CH %d%n", result.fallbacks().get(RoutingBenchmark.Method.HIERARCHY),
                    result.fallbacks().get(RoutingBenchmark.Method.GRAPHHOPPER_CH));
            out.printf(Locale.ROOT, "machine: %s (at the end of the run)%n", MachineLoad.describe());
            out.printf(Locale.ROOT, "rerun: %s%n", Rerun.line(spec));
            return result.mismatches().values().stream().allMatch(m -> m == 0) ? 0 : 1;
        }
    }

    private TrafficBand trafficBand(RoadNetwork roads) {
        if (band == null)
            return null;
        if (band.equals(TrafficBand.FREE_FLOW.name()))
            return TrafficBand.FREE_FLOW;
        return roads.config().traffic().bands().stream().filter(b -> b.name().equals(band)).findFirst()
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(), "no traffic band " + band));
    }

    private static void speedUps(PrintWriter out, Map<RoutingBenchmark.Method, LatencyStats> stats) {
        LatencyStats dijkstra = stats.get(RoutingBenchmark.Method.DIJKSTRA);
        for (RoutingBenchmark.Method method : List.of(RoutingBenchmark.Method.HIERARCHY, RoutingBenchmark.Method.TREE,
                RoutingBenchmark.Method.GRAPHHOPPER_CH))
            out.printf(Locale.ROOT, "  speed-up over plain Dijkstra, %-42s p50 %6.1fx, p99 %6.1fx%n", method.label + ":",
                    ratio(dijkstra.p50Millis(), stats.get(method).p50Millis()),
                    ratio(dijkstra.p99Millis(), stats.get(method).p99Millis()));
    }

    private static void print(PrintWriter out, String name, LatencyStats stats) {
        out.printf(Locale.ROOT, "  %-40s p50 %7.3f ms  p99 %7.3f ms  mean %7.3f ms  max %7.3f ms%n",
                name, stats.p50Millis(), stats.p99Millis(), stats.meanMillis(), stats.maxMillis());
    }

    private static double ratio(double slow, double fast) {
        return slow / fast;
    }

    /** The map's centre, or the nearest routable point of a widening ring of probes around it. */
    private static GeoPoint roadNear(RoadNetwork roads) {
        MapBounds bounds = roads.bounds();
        TravelProfile car = TravelProfile.basic(Transport.CAR);
        for (int ring = 0; ring <= 10; ring++)
            for (int dy = -ring; dy <= ring; dy++)
                for (int dx = -ring; dx <= ring; dx++) {
                    GeoPoint probe = new GeoPoint(bounds.centre().lat() + dy * (bounds.maxLat() - bounds.minLat()) / 22,
                            bounds.centre().lon() + dx * (bounds.maxLon() - bounds.minLon()) / 22);
                    try {
                        return roads.snap(probe, car);
                    } catch (RoutingException e) {
                        // probe is off-road; try the next
                    }
                }
        throw new IllegalStateException("no road near the centre of " + bounds);
    }
}
