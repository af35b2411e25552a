package org.bluelight.ops.bench.crash;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.cli.DurationConverter;
import org.bluelight.ops.local.BundledMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench crash}: the dispatch and metrics apps, two instances each as processes of
 * their own, fed a steady load while instances are hard-killed; the outputs compared with an
 * uninterrupted run of the same input, and the failover times measured.
 */
@Command(name = "crash", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Hard kills (kill -9) of dispatch and metrics instances under load; compares every output with an",
            "uninterrupted run of the same input (0 lost, 0 duplicated) and measures failover. Exit 0 when it passes."})
public final class BenchCrashCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-crash");
    /** Every failure of the last run; the printed list stops at 40. */
    private static final Path FAILURES_FILE = WORK_DIR.resolve("failures.txt");

    @Spec
    private CommandSpec spec;

    @Option(names = "--kills", paramLabel = "N", defaultValue = "10", description = "Hard kills (default: ${DEFAULT-VALUE}).")
    private int kills;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long the load runs, e.g. 2m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--rate", paramLabel = "ROUNDS_PER_S", defaultValue = "0.5",
            description = "Workload rounds per second, each with two incidents and eight other records (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--downtime", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long a killed instance stays down while its partner runs (default: ${DEFAULT-VALUE}).")
    private Duration downtime;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "2",
            description = {"Instances of each app in the crash run: 2 (failovers, then a restart of both dispatch instances)",
                "or 1 (every kill a restart of the app's only instance) (default: ${DEFAULT-VALUE})."})
    private int instances;

    @Override
    public Integer call() throws Exception {
        CrashSettings settings = new CrashSettings(kills, duration, rate, partitions, downtime, BundledMap.andorra(), WORK_DIR,
                instances);
        PrintWriter out = spec.commandLine().getOut();
        Result result = run(settings, System.out);
        print(settings, result, out);
        Files.write(FAILURES_FILE, result.failures());
        return result.passed() ? 0 : 1;
    }

    /** Both runs and their comparison. */
    public record Result(CrashAudit.Run uninterrupted, CrashAudit.Run crashed, CrashVerdict verdict) {

        /** The goals missed: a lost, duplicated or different output, or a failover slower than its goal. */
        public List<String> failures() {
            List<String> failures = new ArrayList<>(verdict.differences());
            long[] failover = failoverLatencies();
            if (failover.length > 0 && LatencyStats.of(nanos(failover)).p99Millis() >= CrashAudit.FAILOVER_WINDOW.toMillis()) {
                failures.add("recommendations during failover: p99 " + LatencyStats.of(nanos(failover)).p99Millis() + " ms");
            }
            for (KillFigures kill : crashed.kills()) {
                if (kill.firstRecommendation() != null && kill.firstRecommendation().compareTo(CrashAudit.FAILOVER_WINDOW) >= 0
                        || !kill.failover() && kill.app().equals("dispatch") && kill.firstRecommendation() == null) {
                    failures.add(kill.victims() + ": first recommendation after the restart " + kill.firstRecommendation());
                }
                if (kill.lagBack() == null || kill.lagBack().compareTo(CrashAudit.FAILOVER_WINDOW) >= 0) {
                    failures.add(kill.victims() + ": back within " + CrashAudit.LAG_GOAL.toSeconds() + " s of its input after "
                            + kill.lagBack());
                }
            }
            return failures;
        }

        public boolean passed() {
            return failures().isEmpty();
        }

        /** Incident to first recommendation, for the incidents published in the 10 s after a dispatch failover. */
        public long[] failoverLatencies() {
            return crashed.kills().stream().flatMap(k -> k.latenciesMillis().stream()).mapToLong(Long::longValue).toArray();
        }
    }

    public static Result run(CrashSettings settings, PrintStream progress) throws Exception {
        CrashAudit audit = new CrashAudit(settings, CrashAudit.eventStartFor(settings), progress);
        progress.println("Uninterrupted run ...");
        CrashAudit.Run uninterrupted = audit.run(false);
        progress.println("Crash run ...");
        CrashAudit.Run crashed = audit.run(true);
        return new Result(uninterrupted, crashed, CrashVerdict.of(uninterrupted.outputs(), crashed.outputs(), settings.partitions()));
    }

    public static void print(CrashSettings settings, Result result, PrintWriter out) {
        CrashAudit.Run crashed = result.crashed();
        out.printf(Locale.ROOT, "bench crash: %d kills in %d s of load, %.2f rounds/s (%,d records, %d incidents), %d partitions, "
                        + "%d instance(s) of each app, load average %.1f at the end%n", settings.kills(), settings.load().toSeconds(),
                settings.roundsPerSecond(), crashed.records(), crashed.incidents(), settings.partitions(), settings.instances(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (KillFigures kill : crashed.kills()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s kill -9 %s: ", Instant.ofEpochMilli(kill.atMillis()),
                    kill.victims()));
            if (kill.failover() && !kill.latenciesMillis().isEmpty()) {
                LatencyStats stats = LatencyStats.of(nanos(kill.latenciesMillis().stream().mapToLong(Long::longValue).toArray()));
                line.append(String.format(Locale.ROOT, "incidents in the next 10 s: max %.0f ms (%d); ", stats.maxMillis(), stats.count()));
            }
            if (kill.firstRecommendation() != null) {
                line.append("first recommendation of an incident not recommended before ").append(kill.firstRecommendation().toMillis())
                        .append(" ms after the restart; ");
            }
            line.append(kill.app()).append(" within 2 s of its input ")
                    .append(kill.lagBack() == null ? "never" : kill.lagBack().toMillis() + " ms")
                    .append(kill.failover() ? " after the kill" : " after the restart");
            out.println(line);
            kill.restarts().forEach(start -> out.println("    " + start));
        }
        long[] failover = result.failoverLatencies();
        if (failover.length > 0) {
            LatencyStats stats = LatencyStats.of(nanos(failover));
            out.printf(Locale.ROOT, "Incident to recommendation during dispatch failovers: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d incidents)%n",
                    stats.p50Millis(), stats.p99Millis(), stats.maxMillis(), stats.count());
        }
        if (!crashed.latenciesMillis().isEmpty()) {
            LatencyStats all = LatencyStats.of(nanos(crashed.latenciesMillis().stream().mapToLong(Long::longValue).toArray()));
            out.printf(Locale.ROOT, "Incident to recommendation, whole crash run: p50 %.0f ms, p99 %.0f ms (%d incidents)%n",
                    all.p50Millis(), all.p99Millis(), all.count());
        }
        out.printf(Locale.ROOT, "Outputs: %d recommendation revisions (uninterrupted %d), %d keys of other outputs (uninterrupted %d), "
                        + "%d desk inputs (uninterrupted %d)%n",
                crashed.outputs().recommendationCount(), result.uninterrupted().outputs().recommendationCount(),
                keys(crashed.outputs()), keys(result.uninterrupted().outputs()), crashed.outputs().deskInputCount(),
                result.uninterrupted().outputs().deskInputCount());
        out.printf(Locale.ROOT, "Each run's recommendations against a replay of its own desk input through the desk: "
                        + "crash run %d revisions (replay %d), uninterrupted run %d (replay %d)%n",
                crashed.outputs().recommendationCount(), count(crashed.outputs().replayed()),
                result.uninterrupted().outputs().recommendationCount(), count(result.uninterrupted().outputs().replayed()));
        out.println(result.verdict().summary());
        List<String> failures = result.failures();
        if (failures.isEmpty()) {
            out.println("PASSED: every output equal to the uninterrupted run (0 lost, 0 duplicated), failover goals met.");
        } else {
            out.println("FAILED:");
            failures.stream().limit(40).forEach(f -> out.println("  " + f));
            if (failures.size() > 40) {
                out.printf(Locale.ROOT, "  ... and %d more (%d in all, every one in %s)%n", failures.size() - 40, failures.size(),
                        FAILURES_FILE);
            }
        }
        out.printf(Locale.ROOT, "Rerun: ./bluelight bench crash --kills %d --duration %ds --rate %s --partitions %d --downtime %ds%s%n",
                settings.kills(), settings.load().toSeconds(), settings.roundsPerSecond(), settings.partitions(),
                settings.downtime().toSeconds(), settings.instances() == 2 ? "" : " --instances " + settings.instances());
        out.flush();
    }

    private static int count(java.util.Map<String, List<String>> revisions) {
        return revisions.values().stream().mapToInt(List::size).sum();
    }

    private static int keys(CrashOutputs outputs) {
        return outputs.latest().values().stream().mapToInt(java.util.Map::size).sum();
    }

    private static long[] nanos(long[] millis) {
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] * 1_000_000;
        }
        return nanos;
    }
}
