package org.bluelight.ops.bench.soak;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.coverage.stream.CoverageTopology;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.bench.MachineLoad;
import org.bluelight.ops.bench.crash.LagWatch;
import org.bluelight.ops.bench.fuzz.FuzzCampaign;
import org.bluelight.ops.cli.DurationConverter;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.BundledMap;
import org.bluelight.ops.local.DemoSettings;
import org.bluelight.ops.local.LocalService;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.local.StreamsAppService;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.schemas.Topic;
import org.bluelight.simulator.scenario.DemandSpec;
import org.bluelight.simulator.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench soak}: the local stack (broker, registry, the three apps and the simulated
 * Andorra force) run for a long time at a multiple of the West Midlands peak incident rate, sampling
 * every minute the heap after a full GC, each app's state directory and each app's lag behind its
 * input; a table and a verdict (heap and stores flat, lag p99 under 2 s).
 */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The local stack under a steady simulated load for a long time: heap after GC, state store sizes and",
            "lag every minute, and a verdict (heap and stores flat within 5% over the last 3/4 of the run, lag p99 < 2 s)."})
public final class BenchSoakCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-soak");
    private static final String SCENARIO = "andorra";
    /** The force whose busiest hour the load is a multiple of. */
    private static final String PEAK_SCENARIO = "west-midlands";
    private static final Duration SAMPLE_PERIOD = Duration.ofMinutes(1);
    private static final List<String> APPS = List.of(DispatchApp.APPLICATION_ID, CoverageApp.APPLICATION_ID, MetricsApp.APPLICATION_ID);

    @Spec
    private CommandSpec spec;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the load runs, e.g. 5m, 1h (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--peak-multiple", paramLabel = "X", defaultValue = "5",
            description = "Mean incident rate as a multiple of the West Midlands busiest hour (default: ${DEFAULT-VALUE}).")
    private double peakMultiple;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + ProvisioningSettings.DEFAULT_PARTITIONS,
            description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--min-store-growth", paramLabel = "ENTRIES", defaultValue = "" + SoakVerdict.DEFAULT_MIN_GROWTH_ENTRIES,
            description = {"Entries a store must grow by, besides 5%, to be judged growing (default: ${DEFAULT-VALUE}): a store of a few",
                "entries moves by 100% when one incident opens; a leak at the soak's load adds hundreds."})
    private long minStoreGrowth;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        double peakPerHour = peakPerHour(ScenarioFile.preset(PEAK_SCENARIO).demand());
        double meanPerHour = ScenarioFile.preset(SCENARIO).demand().incidentsPerWeek() / (7 * 24.0);
        double speed = peakMultiple * peakPerHour / meanPerHour;
        out.printf(Locale.ROOT, "bench soak: %d min, %.0f incidents an hour (%.1fx the West Midlands busiest hour, %.0f an hour): "
                        + "the %s force at %.0fx, %d partitions; %s%n", duration.toMinutes(), peakMultiple * peakPerHour, peakMultiple,
                peakPerHour, SCENARIO, speed, partitions, MachineLoad.describe());
        out.flush();
        Path dataDir = WORK_DIR.toAbsolutePath();
        BenchWorkspace.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int[] ports = BenchWorkspace.freePorts(3);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local().withPartitions(partitions));
        DemoSettings demo = new DemoSettings(BundledMap.andorra(), SCENARIO, speed, null, true, false,
                BenchWorkspace.freePortRange(4));
        // The apps' HTTP ports follow the base in this order (see DemoSettings).
        Map<String, Integer> httpPorts = new LinkedHashMap<>();
        for (int i = 0; i < APPS.size(); i++) {
            httpPorts.put(APPS.get(i), demo.httpPortBase() + i);
        }
        List<SoakSample> samples = new ArrayList<>();
        LogFile logFile = LogFile.open(config.logFile());
        try (PrintStream simulatorStatus = new PrintStream(Files.newOutputStream(dataDir.resolve("simulator-status.log")), true)) {
            run(out, config, LocalServices.demo(config, demo, simulatorStatus), httpPorts, samples);
        } finally {
            logFile.close();
        }
        printStores(out, samples);
        Duration simulated = Duration.ofSeconds(Math.round(duration.toSeconds() * speed));
        Map<String, String> filling = RetainedStores.fillingOver(simulated);
        out.printf(Locale.ROOT, "the run covers %.1f simulated days; stores keeping entries longer still fill and are not judged: %s%n",
                simulated.toHours() / 24.0, filling.keySet());
        SoakVerdict verdict = SoakVerdict.of(samples, StoreRules.ofTheApps(filling, minStoreGrowth));
        verdict.figures().forEach(f -> out.println("  " + f));
        out.println((verdict.passed() ? "PASSED" : "FAILED") + " (" + MachineLoad.describe() + ")");
        verdict.failures().forEach(f -> out.println("  " + f));
        out.printf(Locale.ROOT, "Rerun: ./bluelight bench soak --duration %dm --peak-multiple %s --partitions %d --min-store-growth %d%n",
                duration.toMinutes(), peakMultiple, partitions, minStoreGrowth);
        out.flush();
        return verdict.passed() ? 0 : 1;
    }

    /** Starts the stack and samples it every minute for the run's duration. */
    private void run(PrintWriter out, LocalStackConfig config, List<LocalService> services, Map<String, Integer> httpPorts,
                     List<SoakSample> samples) throws Exception {
        try (LocalStack stack = new LocalStack(services, line -> { })) {
            stack.start();
            Map<String, KafkaStreams> streams = new LinkedHashMap<>();
            services.stream().filter(StreamsAppService.class::isInstance).map(StreamsAppService.class::cast)
                    .map(service -> service.app().orElseThrow())
                    .forEach(app -> streams.put(app.config().applicationId(), app.streams()));
            out.printf(Locale.ROOT, "stack up; log %s%n", config.logFile());
            out.println(header());
            out.flush();
            Map<String, LagWatch> lags = new LinkedHashMap<>();
            try (Admin admin = FuzzCampaign.admin(config.bootstrapServers())) {
                for (String app : APPS) {
                    lags.put(app, new LagWatch(config.bootstrapServers(), app,
                            FuzzCampaign.READERS.get(app).stream().map(Topic::topicName).toList()));
                }
                long start = System.currentTimeMillis();
                int minutes = (int) duration.toMinutes();
                for (int minute = 1; minute <= minutes; minute++) {
                    long due = start + minute * SAMPLE_PERIOD.toMillis();
                    Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
                    SoakSample sample = sample(minute, httpPorts, streams, lags, due - SAMPLE_PERIOD.toMillis(), due, admin);
                    samples.add(sample);
                    out.println(row(sample));
                    out.flush();
                }
            } finally {
                for (LagWatch lag : lags.values()) {
                    lag.close();
                }
            }
        }
    }

    /** Incidents in a force's busiest hour: its weekly mean scaled by the busiest hour's and busiest day's weights. */
    static double peakPerHour(DemandSpec demand) {
        double hourPeak = demand.hourOfDay().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                / demand.hourOfDay().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double dayPeak = demand.dayOfWeek().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                / demand.dayOfWeek().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return demand.incidentsPerWeek() / (7 * 24.0) * hourPeak * dayPeak;
    }

    private static SoakSample sample(int minute, Map<String, Integer> httpPorts, Map<String, KafkaStreams> streams,
                                     Map<String, LagWatch> lags, long from, long to, Admin admin) throws Exception {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Map<String, StoreFigures>> stores = new LinkedHashMap<>();
        Map<String, Long> lagP99 = new LinkedHashMap<>();
        for (String app : APPS) {
            Map<String, StoreFigures> byName = new LinkedHashMap<>(StoreFigures.scrape(httpPorts.get(app)));
            StoreEntries.count(streams.get(app), byName.keySet()).forEach((store, entries) -> byName.computeIfPresent(store,
                    (name, figures) -> figures.withEntries(entries)));
            if (app.equals(CoverageApp.APPLICATION_ID)) {
                byName.put(StoreRules.REACH_MEMBERS, StoreFigures.NONE.withEntries(
                        StoreEntries.members(streams.get(app), CoverageTopology.REACH_CELLS_STORE)));
            }
            stores.put(app, byName);
            long[] nanos = lags.get(app).lagsMillis(from, to).stream().mapToLong(ms -> ms * 1_000_000).toArray();
            lagP99.put(app, nanos.length == 0 ? -1 : Math.round(LatencyStats.of(nanos).p99Millis()));
        }
        return new SoakSample(minute, heap, stores, lagP99, written(admin, Topic.INCIDENTS.topicName()),
                written(admin, Topic.RECOMMENDATIONS.topicName()));
    }

    /** Records written to a topic so far (its end offsets). */
    private static long written(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(i -> i.offset()).sum();
    }

    /** Every store at the first judged minute and at the last, so a reader sees which one moves. */
    private static void printStores(PrintWriter out, List<SoakSample> samples) {
        List<SoakSample> window = SoakVerdict.window(samples);
        if (window.isEmpty()) {
            return;
        }
        SoakSample first = window.get(0);
        SoakSample last = window.get(window.size() - 1);
        out.printf(Locale.ROOT, "stores at minute %d -> minute %d (RocksDB MB / RocksDB key estimate / exact entries, -1 not counted):%n", first.minute(), last.minute());
        last.stores().forEach((app, byName) -> byName.keySet().forEach(store -> {
            StoreFigures from = first.store(app, store);
            StoreFigures to = last.store(app, store);
            out.printf(Locale.ROOT, "  %-18s %-28s %8.2f / %-8d / %-8d -> %8.2f / %-8d / %d%n", app, store, from.bytes() / 1e6,
                    from.keys(), from.entries(), to.bytes() / 1e6, to.keys(), to.entries());
        }));
    }

    private static String header() {
        return String.format(Locale.ROOT, "%4s %8s %22s %22s %22s %9s %9s %9s %9s %9s", "min", "heap MB", "dispatch MB/keys",
                "coverage MB/keys", "metrics MB/keys", "disp p99", "cov p99", "met p99", "incidents", "recs");
    }

    private static String row(SoakSample s) {
        return String.format(Locale.ROOT, "%4d %8.1f %22s %22s %22s %6d ms %6d ms %6d ms %9d %9d", s.minute(),
                s.heapAfterGcBytes() / 1e6, stores(s, DispatchApp.APPLICATION_ID), stores(s, CoverageApp.APPLICATION_ID),
                stores(s, MetricsApp.APPLICATION_ID),
                s.lagP99Millis().get(DispatchApp.APPLICATION_ID), s.lagP99Millis().get(CoverageApp.APPLICATION_ID),
                s.lagP99Millis().get(MetricsApp.APPLICATION_ID), s.incidents(), s.recommendations());
    }

    private static String stores(SoakSample s, String app) {
        StoreFigures figures = s.storesOf(app);
        return String.format(Locale.ROOT, "%.2f / %d", figures.bytes() / 1e6, figures.keys());
    }
}
