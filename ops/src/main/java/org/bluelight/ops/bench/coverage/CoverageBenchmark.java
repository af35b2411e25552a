package org.bluelight.ops.bench.coverage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellState;
import org.bluelight.coverage.network.NetworkJunctions;
import org.bluelight.coverage.network.RoadNetworkReachability;
import org.bluelight.coverage.reach.OfficerReach;
import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachDecision;
import org.bluelight.coverage.reach.ReachKey;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.coverage.reach.ReachRule;
import org.bluelight.coverage.reach.ReachStep;
import org.bluelight.coverage.reach.ReachTracker;
import org.bluelight.coverage.reach.Reachability;
import org.bluelight.coverage.reach.ReachedArea;
import org.bluelight.coverage.reach.ReachedCells;
import org.bluelight.coverage.serde.CoverageSerdes;
import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;

/**
 * Officers driving round the road network and sending position fixes, fed through the same reach
 * code the streams app runs (reach rule, reach search, cell deltas, cell state), without Kafka:
 * how long a reach search takes, how often one is needed, and whether the state stays bounded.
 */
public final class CoverageBenchmark {

    /** What to simulate. */
    public record Settings(int officers, Duration fixInterval, Duration duration, long seed, Duration grade1Target,
                           int resolution, ReachRule rule, int referenceChecks) {
    }

    /** State size after some simulated time. */
    public record StateSample(Duration at, long officerReachBytes, long cellStateBytes, int cells) {
    }

    /**
     * The first searches repeated by the tree search the reach search replaced: how many, how many gave other
     * cells, and the tree search's CPU time.
     */
    public record ReferenceCheck(int compared, int differing, Optional<LatencyStats> treeSearchCpu,
                                 Optional<LatencyStats> reachSearchCpu) {
    }

    /**
     * The reach table of the bench's profile and band, built before the officers come on duty (the app builds it in
     * the background on the first reach): whether it fits the map, its build's CPU and wall time.
     */
    public record TableBuild(boolean built, Duration cpu, Duration wall) {
    }

    /** The figures; search times are wall clock, {@code ...Cpu} the searching thread's CPU time. */
    public record Result(int junctions, int fixes, Duration wallTime, LatencyStats initialSearch,
                         LatencyStats movingSearch, LatencyStats initialSearchCpu, LatencyStats movingSearchCpu,
                         ReferenceCheck reference, TableBuild table, Map<ReachDecision, Integer> decisions, long deltas,
                         double meanCellsPerReach, List<StateSample> state) {

        public double fixesPerSecondProcessed() {
            return fixes / (wallTime.toNanos() / 1e9);
        }
    }

    private final RoadNetwork network;
    private final Settings settings;

    public CoverageBenchmark(RoadNetwork network, Settings settings) {
        this.network = network;
        this.settings = settings;
    }

    public Result run() {
        Random random = new Random(settings.seed());
        List<GeoPoint> junctions = NetworkJunctions.of(network);
        CellGrid grid = new CellGrid(settings.resolution());
        RoadNetworkReachability reachability = new RoadNetworkReachability(network, settings.grade1Target(), grid);
        TimedSearches searches = new TimedSearches(reachability, settings.referenceChecks());
        ReachTracker tracker = new ReachTracker(settings.rule(), searches, grid);
        ReachProfile profile = new ReachProfile(org.bluelight.schemas.Transport.CAR, DrivingStandard.STANDARD);
        Instant start = Instant.parse("2025-03-03T14:00:00Z");
        long tableBegan = System.nanoTime();
        boolean built = reachability.prepareTable(profile, start);
        TableBuild table = new TableBuild(built, reachability.tableBuildCpu(),
                Duration.ofNanos(System.nanoTime() - tableBegan));

        Fleet fleet = new Fleet(network, junctions, settings.officers(), random, start);
        String[] ids = new String[settings.officers()];
        OfficerReach[] officers = new OfficerReach[settings.officers()];
        Map<Long, CellState> cells = new HashMap<>();
        Map<Long, Map<String, Boolean>> members = new HashMap<>();
        Map<ReachDecision, Integer> decisions = new EnumMap<>(ReachDecision.class);
        long deltas = 0;
        long cellsInReaches = 0;
        int reaches = 0;

        for (int i = 0; i < ids.length; i++) {
            ids[i] = "bench-" + i;
            ReachStep step = tracker.apply(ids[i], OfficerReach.unknown(),
                    new OfficerUpdate.StatusUpdate(OfficerState.AVAILABLE, profile, fleet.home(i), start));
            officers[i] = step.officer();
            apply(cells, members, step.deltas());
        }
        long[][] initial = searches.drain();

        List<StateSample> samples = new ArrayList<>();
        long fixes = 0;
        long intervalMillis = settings.fixInterval().toMillis();
        long began = System.nanoTime();
        for (long t = intervalMillis; t <= settings.duration().toMillis(); t += intervalMillis) {
            for (int i = 0; i < ids.length; i++) {
                // Fixes of different officers are spread across the interval, as from real vehicles.
                double seconds = (t - intervalMillis * (double) i / ids.length) / 1000.0;
                Instant at = start.plusMillis((long) (seconds * 1000));
                ReachStep step = tracker.apply(ids[i], officers[i],
                        new OfficerUpdate.PositionUpdate(fleet.positionAt(i, seconds, start), at));
                officers[i] = step.officer();
                decisions.merge(step.decision(), 1, Integer::sum);
                if (step.decision().search()) {
                    cellsInReaches += step.officer().cells().size();
                    reaches++;
                }
                deltas += step.deltas().size();
                apply(cells, members, step.deltas());
                fixes++;
            }
            if (t % 20_000 < intervalMillis) {
                samples.add(sample(Duration.ofMillis(t), officers, cells, members));
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - began);
        long[][] moving = searches.drain();
        return new Result(junctions.size(), (int) fixes, wall, LatencyStats.of(initial[0]), stats(moving[0]),
                LatencyStats.of(initial[1]), stats(moving[1]), searches.check(), table, decisions, deltas,
                reaches == 0 ? 0 : (double) cellsInReaches / reaches, samples);
    }

    private static LatencyStats stats(long[] nanos) {
        return LatencyStats.of(nanos.length == 0 ? new long[] {0} : nanos);
    }

    /** The cell processor's work on a map: counts per cell, and who is in reach of which cell. */
    private static void apply(Map<Long, CellState> cells, Map<Long, Map<String, Boolean>> members,
                              List<CellDelta> deltas) {
        for (CellDelta delta : deltas) {
            Map<String, Boolean> inReach = members.computeIfAbsent(delta.cell(), c -> new HashMap<>());
            Boolean wasAvailable = delta.reachChange() < 0
                    ? inReach.remove(delta.officerId())
                    : inReach.put(delta.officerId(), delta.available());
            CellState next = cells.getOrDefault(delta.cell(), CellState.empty())
                    .apply(delta, wasAvailable, () -> inReach.keySet().iterator().next());
            if (next.isEmpty()) {
                cells.remove(delta.cell());
                members.remove(delta.cell());
            } else {
                cells.put(delta.cell(), next);
            }
        }
    }

    private static StateSample sample(Duration at, OfficerReach[] officers, Map<Long, CellState> cells,
                                      Map<Long, Map<String, Boolean>> members) {
        var reachSerde = CoverageSerdes.officerReach().serializer();
        var cellSerde = CoverageSerdes.cellState().serializer();
        long reachBytes = 0;
        for (OfficerReach officer : officers) {
            reachBytes += reachSerde.serialize("", officer).length;
        }
        long cellBytes = 0;
        for (CellState state : cells.values()) {
            cellBytes += cellSerde.serialize("", state).length + 15;
        }
        for (Map<String, Boolean> inReach : members.values()) {
            for (String officer : inReach.keySet()) {
                cellBytes += 15 + 1 + officer.length() + 2;
            }
        }
        return new StateSample(at, reachBytes, cellBytes, cells.size());
    }

    /**
     * Times every reach (wall clock and the thread's CPU time) and keeps the times until drained; the first
     * {@code toCheck} reaches are repeated by the tree search and by the reach set search (what reaches were before the
     * reach table), timed too, and compared.
     */
    private static final class TimedSearches implements Reachability {

        private final RoadNetworkReachability delegate;
        private final Reachability treeSearch;
        private final Reachability reachSearch;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final int toCheck;
        private long[] nanos = new long[1024];
        private long[] cpuNanos = new long[1024];
        private int count;
        private long[] treeCpuNanos = new long[16];
        private long[] reachSearchCpuNanos = new long[16];
        private int checked;
        private int differing;

        TimedSearches(RoadNetworkReachability delegate, int toCheck) {
            this.delegate = delegate;
            this.toCheck = toCheck;
            this.treeSearch = delegate.byTreeSearch();
            this.reachSearch = delegate.byReachSearch();
        }

        @Override
        public OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile) {
            return delegate.roadNodeAt(position, profile);
        }

        @Override
        public Optional<ReachKey> sharedReach(GeoPoint position, ReachProfile profile, Instant departure) {
            return delegate.sharedReach(position, profile, departure);
        }

        @Override
        public ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure) {
            return delegate.reachableFrom(origin, profile, departure);
        }

        @Override
        public ReachedCells reachedCells(GeoPoint origin, ReachProfile profile, Instant departure, CellGrid grid) {
            long cpu = threads.getCurrentThreadCpuTime();
            long began = System.nanoTime();
            ReachedCells cells = delegate.reachedCells(origin, profile, departure, grid);
            long wall = System.nanoTime() - began;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
                cpuNanos = Arrays.copyOf(cpuNanos, count * 2);
            }
            nanos[count] = wall;
            cpuNanos[count++] = cpu;
            if (checked < toCheck) {
                long treeCpu = threads.getCurrentThreadCpuTime();
                ReachedCells byTree = treeSearch.reachedCells(origin, profile, departure, grid);
                long treeCpuNanosNow = threads.getCurrentThreadCpuTime() - treeCpu;
                long searchCpu = threads.getCurrentThreadCpuTime();
                ReachedCells bySearch = reachSearch.reachedCells(origin, profile, departure, grid);
                long searchCpuNanos = threads.getCurrentThreadCpuTime() - searchCpu;
                if (checked == treeCpuNanos.length) {
                    treeCpuNanos = Arrays.copyOf(treeCpuNanos, checked * 2);
                    reachSearchCpuNanos = Arrays.copyOf(reachSearchCpuNanos, checked * 2);
                }
                reachSearchCpuNanos[checked] = searchCpuNanos;
                treeCpuNanos[checked++] = treeCpuNanosNow;
                if (!byTree.equals(cells) || !bySearch.equals(cells)) {
                    differing++;
                }
            }
            return cells;
        }

        /** Wall-clock times, then CPU times, of the searches since the last drain. */
        long[][] drain() {
            long[][] out = {Arrays.copyOf(nanos, count), Arrays.copyOf(cpuNanos, count)};
            count = 0;
            return out;
        }

        ReferenceCheck check() {
            return new ReferenceCheck(checked, differing,
                    checked == 0 ? Optional.empty() : Optional.of(LatencyStats.of(Arrays.copyOf(treeCpuNanos, checked))),
                    checked == 0 ? Optional.empty() : Optional.of(LatencyStats.of(Arrays.copyOf(reachSearchCpuNanos, checked))));
        }
    }
}
