package org.bluelight.ops.bench.routing;

import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.EtaResult;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.ReachableNode;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the many-to-one ETA of the n officers nearest an incident (by straight line, the paper's pre-filter)
 * against the paper's method, one plain Dijkstra per officer, on the same graph, snaps and weighting.
 * Incidents and a fleet of officers are placed at random on roads reachable from the map's centre; departures
 * are spread over a week so every traffic band is used. Latency is measured as wall-clock time and as the
 * thread's CPU time: on a shared machine the second leaves out time spent waiting for a core.
 */
public final class RoutingBenchmark {

    /** What to run. {@code mixedProfiles}: officers drive cars, vans and motorcycles with all driving standards. */
    public record Settings(int candidates, int queries, int warmup, int fleet, long seed, boolean mixedProfiles) {
        public Settings {
            if (candidates < 1 || queries < 1 || warmup < 0 || fleet < candidates)
                throw new IllegalArgumentException("need candidates >= 1, queries >= 1, warmup >= 0, fleet >= candidates");
        }
    }

    /** The measured figures. {@code mismatches}: officers whose ETA differed between the two methods by 1 s or more. */
    public record Result(LatencyStats manyToOne, LatencyStats dijkstraPerOfficer, LatencyStats manyToOneCpu,
                         LatencyStats dijkstraPerOfficerCpu, int etas, int failures, int mismatches) {
    }

    private static final Instant WEEK_START = Instant.parse("2026-03-02T00:00:00Z");

    private final RoadNetwork network;
    private final Settings settings;

    public RoutingBenchmark(RoadNetwork network, Settings settings) {
        this.network = network;
        this.settings = settings;
    }

    public Result run(GeoPoint centre) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<ReachableNode> roads = network.reachableFrom(centre, TravelProfile.basic(Transport.CAR), Duration.ofHours(3),
                WEEK_START).nodes();
        if (roads.size() < settings.fleet())
            throw new IllegalArgumentException("only " + roads.size() + " junctions reachable from " + centre);
        List<Origin> fleet = new ArrayList<>();
        for (int i = 0; i < settings.fleet(); i++)
            fleet.add(new Origin("officer-" + i, nearby(roads, random), profile(random)));

        long[] ours = new long[settings.queries()];
        long[] paper = new long[settings.queries()];
        long[] oursCpu = new long[settings.queries()];
        long[] paperCpu = new long[settings.queries()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int etas = 0, failures = 0, mismatches = 0;
        for (int q = -settings.warmup(); q < settings.queries(); q++) {
            GeoPoint incident = nearby(roads, random);
            Instant departure = WEEK_START.plusSeconds(random.nextLong(7 * 24 * 3600));
            List<Origin> candidates = fleet.stream()
                    .sorted(Comparator.comparingDouble(o -> squaredDistance(o.position(), incident)))
                    .limit(settings.candidates()).toList();

            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<EtaResult> fast = network.etaTo(incident, candidates, departure);
            long middle = System.nanoTime();
            long cpuMiddle = threads.getCurrentThreadCpuTime();
            List<EtaResult> plain = network.etaToByDijkstraPerOrigin(incident, candidates, departure);
            long end = System.nanoTime();
            long cpuEnd = threads.getCurrentThreadCpuTime();
            if (q < 0)
                continue;
            ours[q] = middle - start;
            paper[q] = end - middle;
            oursCpu[q] = cpuMiddle - cpuStart;
            paperCpu[q] = cpuEnd - cpuMiddle;
            for (int k = 0; k < candidates.size(); k++) {
                if (fast.get(k) instanceof Eta a && plain.get(k) instanceof Eta b) {
                    etas++;
                    if (Math.abs(a.etaSeconds() - b.etaSeconds()) >= 1)
                        mismatches++;
                } else {
                    failures++;
                    if (fast.get(k) instanceof Eta || plain.get(k) instanceof Eta)
                        mismatches++;
                }
            }
        }
        return new Result(LatencyStats.of(ours), LatencyStats.of(paper), LatencyStats.of(oursCpu), LatencyStats.of(paperCpu),
                etas, failures, mismatches);
    }

    private TravelProfile profile(SplittableRandom random) {
        if (!settings.mixedProfiles())
            return TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1);
        Transport[] transports = {Transport.CAR, Transport.CAR, Transport.CAR, Transport.VAN, Transport.MOTORCYCLE};
        return TravelProfile.forResponse(transports[random.nextInt(transports.length)],
                DrivingStandard.values()[random.nextInt(DrivingStandard.values().length)], 1);
    }

    /** A point within about 30 m of a random junction. */
    private static GeoPoint nearby(List<ReachableNode> roads, SplittableRandom random) {
        GeoPoint node = roads.get(random.nextInt(roads.size())).position();
        return new GeoPoint(node.lat() + (random.nextDouble() - 0.5) * 0.0005, node.lon() + (random.nextDouble() - 0.5) * 0.0005);
    }

    private static double squaredDistance(GeoPoint a, GeoPoint b) {
        double dLat = a.lat() - b.lat();
        double dLon = (a.lon() - b.lon()) * Math.cos(Math.toRadians(a.lat()));
        return dLat * dLat + dLon * dLon;
    }
}
