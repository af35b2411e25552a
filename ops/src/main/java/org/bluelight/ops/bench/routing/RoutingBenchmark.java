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
import org.bluelight.routing.traffic.TrafficBand;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times ETAs of the n officers nearest an incident (by straight line, the officer-selection paper's pre-filter):
 * many-to-one on contraction hierarchies, its tree-search fallback, GraphHopper's own CH point-to-point search
 * once per officer, and the paper's method, one plain Dijkstra per officer, on the same graph, snaps and weighting.
 * Incidents and a fleet of officers are placed at random on roads reachable from the map's centre; departures
 * are spread over a week so every traffic band is used. Latency is measured as wall-clock time and as the
 * thread's CPU time: on a shared machine the second leaves out time spent waiting for a core.
 */
public final class RoutingBenchmark {

    /**
     * What to run. {@code mixedProfiles}: officers drive cars, vans and motorcycles with all driving standards.
     * {@code band}: departures only in this traffic band (null: spread over the week).
     */
    public record Settings(int candidates, int queries, int warmup, int fleet, long seed, boolean mixedProfiles,
                           TrafficBand band) {
        public Settings {
            if (candidates < 1 || queries < 1 || warmup < 0 || fleet < candidates)
                throw new IllegalArgumentException("need candidates >= 1, queries >= 1, warmup >= 0, fleet >= candidates");
        }
    }

    /** How the ETAs of one incident are computed, in the order they run for each incident. */
    public enum Method {
        HIERARCHY("many-to-one on CH (etaTo)"),
        TREE("reverse tree per profile (fallback)"),
        GRAPHHOPPER_CH("GraphHopper CH point-to-point per officer"),
        DIJKSTRA("plain Dijkstra per officer (paper)");

        public final String label;

        Method(String label) {
            this.label = label;
        }
    }

    /**
     * The measured figures per method. {@code mismatches}: officers whose ETA differed from the plain Dijkstra's
     * by 1 s or more (or who had a route by one method and not the other). {@code fallbacks}: officers a hierarchy
     * method answered by tree search because their path on the (node-based) hierarchy took a banned turn.
     */
    public record Result(Map<Method, LatencyStats> wall, Map<Method, LatencyStats> cpu, Map<Method, Integer> mismatches,
                         Map<Method, Long> fallbacks, int etas, int failures) {
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

        Method[] methods = Method.values();
        long[][] wall = new long[methods.length][settings.queries()];
        long[][] cpu = new long[methods.length][settings.queries()];
        int[] mismatches = new int[methods.length];
        long[] fallbacks = new long[methods.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int etas = 0, failures = 0;
        for (int q = -settings.warmup(); q < settings.queries(); q++) {
            GeoPoint incident = nearby(roads, random);
            Instant departure = departure(random);
            List<Origin> candidates = fleet.stream()
                    .sorted(Comparator.comparingDouble(o -> squaredDistance(o.position(), incident)))
                    .limit(settings.candidates()).toList();
            List<List<EtaResult>> answers = new ArrayList<>();
            for (Method method : methods) {
                long fallbacksBefore = network.hierarchyFallbacks();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                answers.add(etas(method, incident, candidates, departure));
                if (q >= 0) {
                    fallbacks[method.ordinal()] += network.hierarchyFallbacks() - fallbacksBefore;
                    wall[method.ordinal()][q] = System.nanoTime() - start;
                    cpu[method.ordinal()][q] = threads.getCurrentThreadCpuTime() - cpuStart;
                }
            }
            if (q < 0)
                continue;
            List<EtaResult> plain = answers.get(Method.DIJKSTRA.ordinal());
            for (int k = 0; k < candidates.size(); k++) {
                if (plain.get(k) instanceof Eta)
                    etas++;
                else
                    failures++;
                for (Method method : methods)
                    if (differ(answers.get(method.ordinal()).get(k), plain.get(k)))
                        mismatches[method.ordinal()]++;
            }
        }
        Map<Method, LatencyStats> wallStats = new EnumMap<>(Method.class);
        Map<Method, LatencyStats> cpuStats = new EnumMap<>(Method.class);
        Map<Method, Integer> mismatchCounts = new EnumMap<>(Method.class);
        Map<Method, Long> fallbackCounts = new EnumMap<>(Method.class);
        for (Method method : methods) {
            wallStats.put(method, LatencyStats.of(wall[method.ordinal()]));
            cpuStats.put(method, LatencyStats.of(cpu[method.ordinal()]));
            mismatchCounts.put(method, mismatches[method.ordinal()]);
            fallbackCounts.put(method, fallbacks[method.ordinal()]);
        }
        return new Result(wallStats, cpuStats, mismatchCounts, fallbackCounts, etas, failures);
    }

    private Instant departure(SplittableRandom random) {
        while (true) {
            Instant departure = WEEK_START.plusSeconds(random.nextLong(7 * 24 * 3600));
            if (settings.band() == null || network.config().traffic().bandAt(departure).equals(settings.band()))
                return departure;
        }
    }

    /** The traffic bands departures fall in. */
    public List<TrafficBand> bands() {
        if (settings.band() != null)
            return List.of(settings.band());
        List<TrafficBand> bands = new ArrayList<>(network.config().traffic().bands());
        bands.add(TrafficBand.FREE_FLOW);
        return bands;
    }

    private List<EtaResult> etas(Method method, GeoPoint incident, List<Origin> candidates, Instant departure) {
        return switch (method) {
            case HIERARCHY -> network.etaTo(incident, candidates, departure);
            case TREE -> network.etaToByTreeSearch(incident, candidates, departure);
            case GRAPHHOPPER_CH -> network.etaToByPointToPointHierarchy(incident, candidates, departure);
            case DIJKSTRA -> network.etaToByDijkstraPerOrigin(incident, candidates, departure);
        };
    }

    private static boolean differ(EtaResult a, EtaResult b) {
        if (a instanceof Eta x && b instanceof Eta y)
            return Math.abs(x.etaSeconds() - y.etaSeconds()) >= 1;
        return a instanceof Eta || b instanceof Eta;
    }

    /** The travel profiles the benchmark's officers use, for preparing their hierarchies first. */
    public List<TravelProfile> profiles() {
        if (!settings.mixedProfiles())
            return List.of(TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1));
        return List.of(TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1),
                TravelProfile.forResponse(Transport.VAN, DrivingStandard.STANDARD, 1),
                TravelProfile.forResponse(Transport.MOTORCYCLE, DrivingStandard.STANDARD, 1),
                TravelProfile.forResponse(Transport.CAR, DrivingStandard.BASIC, 1),
                TravelProfile.forResponse(Transport.VAN, DrivingStandard.BASIC, 1),
                TravelProfile.forResponse(Transport.MOTORCYCLE, DrivingStandard.BASIC, 1));
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
