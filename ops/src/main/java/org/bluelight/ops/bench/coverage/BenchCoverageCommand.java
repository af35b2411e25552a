package org.bluelight.ops.bench.coverage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.reach.ReachRule;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.bench.MachineLoad;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.cli.MapOptions;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.routing.network.RoadNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench coverage}: reach computation time, recomputations and state size with officers on the move. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Drives officers round the map sending fixes through the coverage reach code (no Kafka) "
                + "and prints reach search times, recomputations per second and state size.")
public final class BenchCoverageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MapOptions map;

    @Option(names = "--officers", defaultValue = "1000", description = "on-duty officers moving (default: ${DEFAULT-VALUE})")
    int officers;

    @Option(names = "--fix-interval-s", defaultValue = "5", description = "seconds between an officer's fixes (default: ${DEFAULT-VALUE})")
    int fixIntervalSeconds;

    @Option(names = "--duration-s", defaultValue = "60", description = "simulated seconds (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--move-threshold-m", defaultValue = "200", description = "reach rule move threshold (default: ${DEFAULT-VALUE})")
    double moveThreshold;

    @Option(names = "--no-road-node-rule", description = "do not recompute on a move onto another road node below the threshold")
    boolean noRoadNodeRule;

    @Option(names = "--resolution", defaultValue = "8", description = "H3 resolution (default: ${DEFAULT-VALUE})")
    int resolution;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--reference-checks", defaultValue = "200",
            description = "first reaches searched again by the tree search and compared (default: ${DEFAULT-VALUE})")
    int referenceChecks;

    @Option(names = "--bootstrap-servers", description = "run the coverage app on this Kafka cluster, in real time, "
            + "and measure the lag from a fix to the cell update (needs --registry-url)")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "schema registry of that cluster")
    String registryUrl;

    @Option(names = "--kafka", description = "as --bootstrap-servers, on a broker and registry this command starts "
            + "(free ports, data under target/bench-coverage/stack)")
    boolean ownKafka;

    @Option(names = "--partitions", defaultValue = "2", description = "partitions of the topics it creates (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "2", description = "stream threads of the app (default: ${DEFAULT-VALUE})")
    int streamThreads;

    @Option(names = "--warm-up-s", defaultValue = "10", description = "seconds of fixes left out of the steady lag (default: ${DEFAULT-VALUE})")
    int warmUpSeconds;

    @Option(names = "--state-dir", defaultValue = "target/bench-coverage-state", description = "app state (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (ownKafka) {
            return throughOwnKafka(out);
        }
        if (bootstrapServers != null) {
            if (registryUrl == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--bootstrap-servers needs --registry-url");
            }
            return throughKafka(out, bootstrapServers, registryUrl);
        }
        try (RoadNetwork roads = RoadNetwork.open(map.config())) {
            CoverageBenchmark.Settings settings = new CoverageBenchmark.Settings(officers,
                    Duration.ofSeconds(fixIntervalSeconds), Duration.ofSeconds(durationSeconds), seed,
                    Duration.ofMinutes(15), resolution, new ReachRule(moveThreshold, !noRoadNodeRule), referenceChecks);
            CoverageBenchmark.Result result = new CoverageBenchmark(roads, settings).run();
            out.printf(Locale.ROOT, "map %s: %d junctions; H3 resolution %d (%.2f km² cells)%n", map.osm(),
                    result.junctions(), resolution, new CellGrid(resolution).averageCellAreaKm2());
            out.printf(Locale.ROOT, "%d officers, a fix every %d s for %d s: %d fixes (%.0f per simulated second)%n",
                    officers, fixIntervalSeconds, durationSeconds, result.fixes(),
                    result.fixes() / (double) durationSeconds);
            CoverageBenchmark.TableBuild table = result.table();
            out.printf(Locale.ROOT, "reach table (cells within the target of every junction): %s%n", table.built()
                    ? String.format(Locale.ROOT, "built in %.1f s CPU, %.1f s wall", table.cpu().toMillis() / 1000.0,
                            table.wall().toMillis() / 1000.0)
                    : "too big for this map, every reach searched");
            print(out, "reach, coming on duty", result.initialSearch());
            print(out, "reach, on the move", result.movingSearch());
            print(out, "  CPU time, coming on duty", result.initialSearchCpu());
            print(out, "  CPU time, on the move", result.movingSearchCpu());
            CoverageBenchmark.ReferenceCheck check = result.reference();
            out.printf(Locale.ROOT, "reference: the first %d reaches searched again by the tree search and the reach set "
                    + "search: %d with other cells%n", check.compared(), check.differing());
            check.treeSearchCpu().ifPresent(tree -> print(out, "  tree search CPU time", tree));
            check.reachSearchCpu().ifPresent(search -> print(out, "  reach set search CPU time", search));
            int recomputed = result.decisions().entrySet().stream().filter(e -> e.getKey().search())
                    .mapToInt(Map.Entry::getValue).sum();
            out.printf(Locale.ROOT, "recomputations: %d (%.1f per simulated second); decisions %s%n", recomputed,
                    recomputed / (double) durationSeconds, result.decisions());
            out.printf(Locale.ROOT, "reaches shared with an officer on the same road node, profile and band (no search): %d%n",
                    recomputed - result.movingSearch().count());
            out.printf(Locale.ROOT, "cells per reach set: %.0f on average; cell deltas emitted: %d (%.1f per fix)%n",
                    result.meanCellsPerReach(), result.deltas(), result.deltas() / (double) result.fixes());
            out.printf(Locale.ROOT, "processing: %.1f s wall for %d fixes = %.0f fixes/s on one thread%n",
                    result.wallTime().toMillis() / 1000.0, result.fixes(), result.fixesPerSecondProcessed());
            for (CoverageBenchmark.StateSample sample : result.state()) {
                out.printf(Locale.ROOT, "state at %3d s: officer reach %.1f MB, cells %.1f MB (%d cells)%n",
                        sample.at().toSeconds(), sample.officerReachBytes() / 1e6, sample.cellStateBytes() / 1e6,
                        sample.cells());
            }
            out.println("end-to-end lag fix -> cell update: not measured by this command (needs a broker)");
            out.printf(Locale.ROOT, "machine: %s (at the end of the run)%n", MachineLoad.describe());
            out.printf(Locale.ROOT, "rerun: %s%n", Rerun.line(spec));
            return 0;
        }
    }

    /** A broker and registry of its own, as {@code bench dispatch} starts them, with the bench's partitions. */
    private int throughOwnKafka(PrintWriter out) throws Exception {
        Path dataDir = Path.of("target", "bench-coverage", "stack");
        BenchWorkspace.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int[] ports = BenchWorkspace.freePorts(3);
        ProvisioningSettings local = ProvisioningSettings.local();
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                new ProvisioningSettings(partitions, local.replicationFactor(), local.dlqRetention()));
        try (LogFile log = LogFile.open(config.logFile());
             LocalStack stack = new LocalStack(LocalServices.standard(config), line -> {
                 out.println(line);
                 out.flush();
             })) {
            stack.start();
            return throughKafka(out, config.bootstrapServers(), config.registryUrl().toString());
        }
    }

    private int throughKafka(PrintWriter out, String bootstrapServers, String registryUrl) throws Exception {
        try (RoadNetwork roads = RoadNetwork.open(map.config())) {
            CoverageSettings defaults = CoverageSettings.defaults();
            CoverageSettings coverage = new CoverageSettings(resolution, new ReachRule(moveThreshold, !noRoadNodeRule),
                    defaults.grade1Target(), defaults.demand(), defaults.requiredLevels(), partitions,
                    defaults.demandRefresh(), defaults.offRoadSearchRings(), defaults.cellEmitInterval(),
                    defaults.inputLimits());
            CoverageLagBenchmark.Result result = new CoverageLagBenchmark(roads, new CoverageLagBenchmark.Settings(
                    bootstrapServers, registryUrl, officers, Duration.ofSeconds(fixIntervalSeconds),
                    Duration.ofSeconds(durationSeconds), Duration.ofSeconds(warmUpSeconds), seed, partitions,
                    streamThreads, coverage, stateDir)).run();
            out.printf(Locale.ROOT, "coverage app on %s, %d partitions, %d stream threads, exactly-once%n",
                    bootstrapServers, partitions, streamThreads);
            out.printf(Locale.ROOT, "%d officers came on duty (taken in after %.1f s), then %d fixes in %d s (%.0f/s)%n",
                    officers, result.onDuty().toMillis() / 1000.0, result.fixesSent(), durationSeconds,
                    result.fixesSent() / (double) durationSeconds);
            out.printf(Locale.ROOT, "reach searches on the move: %d (%.1f/s); search time (wall) mean %.2f ms over the run, "
                    + "p50 %.2f ms, p99 %.2f ms over the last 2 min (0 when none)%n",
                    result.recomputations(), result.recomputations() / (double) durationSeconds,
                    result.searchMeanMillis(), result.searchP50Millis(), result.searchP99Millis());
            out.printf(Locale.ROOT, "stream threads' CPU time: %.1f s in %d s (%.2f cores; %.2f ms per fix)%n",
                    result.streamCpu().toMillis() / 1000.0, durationSeconds,
                    result.streamCpu().toMillis() / 1000.0 / durationSeconds,
                    result.streamCpu().toMillis() / (double) Math.max(1, result.fixesSent()));
            out.printf(Locale.ROOT, "reach table builder's CPU time (beside the stream threads): %.1f s in all, %.1f s while fixes flowed%n",
                    result.tableCpu().toMillis() / 1000.0, result.tableCpuWhileFixesFlowed().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "cell updates read from coverage.cells: %d, %d of them caused by fixes%n",
                    result.cellUpdatesRead(), result.lag().count());
            print(out, "lag fix -> cell update", result.lag());
            result.steadyLag().ifPresentOrElse(steady -> print(out, "lag after " + warmUpSeconds + " s warm-up", steady),
                    () -> out.println("lag after warm-up: no cell updates caused after the warm-up"));
            out.printf(Locale.ROOT, "input consumed %.1f s after the last fix; state: %d officer reaches, %d cells%n",
                    result.drainTime().toMillis() / 1000.0, result.officerReachEntries(), result.cellEntries());
            out.printf(Locale.ROOT, "last cell update read %.1f s after the last fix%s%n", result.cellsDrain().toMillis() / 1000.0,
                    result.cellsQuiet() ? "" : " (still coming: stopped at the drain limit)");
            for (CoverageLagBenchmark.StateSample sample : result.state()) {
                out.printf(Locale.ROOT, "state at %3d s: %d officer reaches, %d cells, state directory %.1f MB; lag p99 in the last interval %.0f ms%n",
                        sample.at().toSeconds(), sample.officerReaches(), sample.cells(), sample.stateDirBytes() / 1e6,
                        sample.lagP99Millis());
            }
            out.printf(Locale.ROOT, "machine: %s (at the end of the run)%n", MachineLoad.describe());
            out.printf(Locale.ROOT, "rerun: %s%n", Rerun.line(spec));
            return 0;
        }
    }

    private static void print(PrintWriter out, String name, LatencyStats stats) {
        out.printf(Locale.ROOT, "%-30s n %6d  p50 %7.2f ms  p99 %7.2f ms  mean %7.2f ms  max %7.2f ms%n",
                name, stats.count(), stats.p50Millis(), stats.p99Millis(), stats.meanMillis(), stats.maxMillis());
    }
}
