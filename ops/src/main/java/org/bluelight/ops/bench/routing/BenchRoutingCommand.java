package org.bluelight.ops.bench.routing;

import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.cli.NetworkOptions;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench routing}: many-to-one ETA latency against a plain Dijkstra per officer, and the command that reruns it. */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Times many-to-one ETAs of the nearest officers to random incidents against one Dijkstra per officer.")
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RoadNetwork roads = RoadNetwork.open(network.config())) {
            GeoPoint centre = roadNear(roads);
            RoutingBenchmark.Result result = new RoutingBenchmark(roads,
                    new RoutingBenchmark.Settings(candidates, queries, warmup, fleet, seed, mixed)).run(centre);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            out.printf(Locale.ROOT, "map %s: %d junctions, %d road segments%n", network.osm(), roads.nodeCount(), roads.edgeCount());
            out.printf(Locale.ROOT, "import (or cache load) %.1f s, heap used %d MB after GC (max %d MB)%n",
                    roads.importTime().toMillis() / 1000.0, heapMb, runtime.maxMemory() >> 20);
            out.printf(Locale.ROOT, "%d incidents (+%d warm-up), %d nearest of %d officers each, profiles %s%n",
                    queries, warmup, candidates, fleet, mixed ? "mixed" : "car-standard-emergency");
            out.printf(Locale.ROOT, "wall-clock latency per incident:%n");
            print(out, "many-to-one (reverse tree per profile)", result.manyToOne());
            print(out, "plain Dijkstra per officer (paper)", result.dijkstraPerOfficer());
            out.printf(Locale.ROOT, "  speed-up: p50 %.1fx, p99 %.1fx%n", ratio(result.dijkstraPerOfficer().p50Millis(), result.manyToOne().p50Millis()),
                    ratio(result.dijkstraPerOfficer().p99Millis(), result.manyToOne().p99Millis()));
            out.printf(Locale.ROOT, "thread CPU time per incident (leaves out waiting for a core):%n");
            print(out, "many-to-one (reverse tree per profile)", result.manyToOneCpu());
            print(out, "plain Dijkstra per officer (paper)", result.dijkstraPerOfficerCpu());
            out.printf(Locale.ROOT, "  speed-up: p50 %.1fx, p99 %.1fx%n", ratio(result.dijkstraPerOfficerCpu().p50Millis(), result.manyToOneCpu().p50Millis()),
                    ratio(result.dijkstraPerOfficerCpu().p99Millis(), result.manyToOneCpu().p99Millis()));
            out.printf(Locale.ROOT, "ETAs compared: %d, no route: %d, differing by >= 1 s: %d%n",
                    result.etas(), result.failures(), result.mismatches());
            out.printf(Locale.ROOT, "rerun: %s%n", Rerun.line(spec));
            return result.mismatches() == 0 ? 0 : 1;
        }
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
