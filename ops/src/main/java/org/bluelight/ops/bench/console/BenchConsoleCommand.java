package org.bluelight.ops.bench.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bluelight.console.web.ConsoleServer;
import org.bluelight.console.auth.PasswordHash;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.User;
import org.bluelight.console.auth.UserFile;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.LatencyStats;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.bench.dispatch.DispatchWorkload;
import org.bluelight.ops.bench.dispatch.RecommendationWatch;
import org.bluelight.ops.cli.DurationConverter;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalService;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.local.RoadNetworkService;
import org.bluelight.ops.local.StreamsAppService;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench console}: a real broker, registry and dispatch app in this JVM and the
 * console in a JVM of its own, fed as {@code bench dispatch} feeds dispatch, with headless clients
 * on the console's push channel; prints how long a recommendation takes from its commit (when a
 * read_committed consumer first sees it) to each client, the console's heap, and how soon
 * Chromium draws the page on the map.
 */
@Command(name = "console", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recommendation commit-to-browser latency of the dispatch console under load, its heap, and the page's",
            "first render in Chromium: officers on the roads sending fixes every 5 s, incidents at a fixed rate,",
            "headless clients on the push channel."})
public final class BenchConsoleCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-console");
    private static final Duration CONSOLE_START_LIMIT = Duration.ofMinutes(5);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final Duration SETTLE_AFTER_STATUS = Duration.ofSeconds(3);
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Option(names = "--officers", paramLabel = "N", defaultValue = "1000", description = "Officers on duty (default: ${DEFAULT-VALUE}).")
    private int officers;

    @Option(names = "--rate", paramLabel = "PER_S", defaultValue = "20", description = "Incidents per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long incidents are fed, e.g. 60s, 2m (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "50",
            description = "Headless clients on the push channel (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--console-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "The console JVM's -Xmx (default: ${DEFAULT-VALUE}).")
    private String consoleHeap;

    @Option(names = "--chromium", paramLabel = "FILE", defaultValue = "/usr/bin/chromium",
            description = "Chromium for the first-render figure; skipped when missing (default: ${DEFAULT-VALUE}).")
    private Path chromium;

    @Option(names = "--osm", paramLabel = "FILE",
            description = "Road map (default: the generated county, as bench dispatch makes it).")
    private Path osm;

    @Override
    public Integer call() throws Exception {
        if (officers < 1 || rate <= 0 || clients < 1 || duration.isNegative() || duration.isZero()) {
            throw new ParameterException(spec.commandLine(), "--officers, --rate, --clients and --duration must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path map = (osm != null ? osm : DispatchWorkload.countyMap(out)).toAbsolutePath();
        if (!Files.isRegularFile(map)) {
            throw new ParameterException(spec.commandLine(), "No map at " + map);
        }
        String loadBefore = machineLoad();
        Path dataDir = WORK_DIR.resolve("stack");
        BenchWorkspace.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int[] ports = BenchWorkspace.freePorts(5);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local());
        RoadNetworkService roads = new RoadNetworkService(map, WORK_DIR.resolve("graph-cache"));
        AtomicReference<StreamsApp> dispatch = new AtomicReference<>();
        List<LocalService> services = new ArrayList<>(LocalServices.standard(config));
        services.add(roads);
        services.add(new StreamsAppService("dispatch app", "", () -> {
            dispatch.set(DispatchWorkload.dispatchApp(config, roads, map, ports[3], Map.of(), DispatchApp.LATENCY_DEFAULTS));
            return dispatch.get();
        }));
        try (LogFile log = LogFile.open(config.logFile());
             LocalStack stack = new LocalStack(services, line -> {
                 out.println(line);
                 out.flush();
             })) {
            stack.start();
            DispatchWorkload.awaitRunning(dispatch.get());
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
            Path users = dataDir.resolve("console-users.properties");
            UserFile.write(users, new User("bench", Role.DISPATCHER, PasswordHash.of(password.toCharArray(), PasswordHash.DEFAULT_ITERATIONS)));
            UserFile.write(users, new User("monitor", Role.MONITOR, PasswordHash.of(password.toCharArray(), PasswordHash.DEFAULT_ITERATIONS)));
            Map<String, String> settings = Map.of(
                    "bootstrap.servers", config.bootstrapServers(),
                    "schema.registry.url", config.registryUrl().toString(),
                    "http.host", "127.0.0.1",
                    "http.port", Integer.toString(ports[4]),
                    "console.instance.id", "bench-console",
                    "console.users.file", users.toAbsolutePath().toString(),
                    "routing.osm.file", map.toString(),
                    "routing.graph.dir", WORK_DIR.resolve("console-graph-cache").toAbsolutePath().toString());
            try (ConsoleProcess console = new ConsoleProcess(settings, consoleHeap, "monitor", password, dataDir)) {
                console.awaitUp(CONSOLE_START_LIMIT);
                out.printf(Locale.ROOT, "console up at %s (-Xmx%s, its own JVM); dispatch app %s%n", console.base(), consoleHeap,
                        dispatch.get().state());
                out.flush();
                run(out, config, roads, console, password, loadBefore);
            }
        }
        return 0;
    }

    private void run(PrintWriter out, LocalStackConfig config, RoadNetworkService roads, ConsoleProcess console, String password,
                     String loadBefore) throws Exception {
        RegistryClient registry = new RegistryClient(RegistryClientConfig.of(config.registryUrl().toString()));
        String cookie = console.login("bench", password);
        AtomicLong heapMax = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Map<String, Object> report = new LinkedHashMap<>();
        try (DispatchWorkload load = new DispatchWorkload(roads.network(), officers, rate, duration, config.bootstrapServers(), registry);
             RecommendationWatch watch = new RecommendationWatch(config.bootstrapServers(), registry);
             PushClients push = new PushClients(console.base().resolve("/api/events"), ConsoleServer.COOKIE + "=" + cookie, clients)) {
            sampler.scheduleAtFixedRate(() -> {
                try {
                    heapMax.accumulateAndGet(console.heapUsedBytes(), Math::max);
                } catch (IOException | InterruptedException | RuntimeException missed) {
                    // one sample fewer
                }
            }, 0, 1, TimeUnit.SECONDS);
            load.sendStatuses();
            Thread.sleep(SETTLE_AFTER_STATUS.toMillis());
            out.printf(Locale.ROOT, "%,d officers AVAILABLE; %d clients on the push channel; feeding %,d incidents at %.1f/s for %d s "
                    + "and a fix from every officer every %d s%n", officers, push.connected(), load.incidentCount(), rate,
                    duration.toSeconds(), DispatchWorkload.TELEMATICS_PERIOD.toSeconds());
            out.flush();
            load.startTelematics();
            load.startIncidents();
            load.awaitFed();
            long drainDeadline = System.currentTimeMillis() + DRAIN_LIMIT.toMillis();
            while ((watch.incidentsSeen() < load.publishedMillis().size() || !allArrived(push, watch))
                    && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(100);
            }
            long heapEnd = console.heapUsedBytes();
            sampler.shutdownNow();
            String loadAfter = machineLoad();

            List<Long> all = new ArrayList<>();
            List<Long> steady = new ArrayList<>();
            long missing = 0;
            for (Map<String, Long> arrivals : push.arrivals()) {
                for (Map.Entry<String, Long> published : load.publishedMillis().entrySet()) {
                    Long committed = watch.firstSeen(published.getKey());
                    if (committed == null) {
                        continue;
                    }
                    Long arrived = arrivals.get(published.getKey());
                    if (arrived == null) {
                        missing++;
                        continue;
                    }
                    long nanos = Math.max(0, arrived - committed) * 1_000_000;
                    all.add(nanos);
                    if (published.getValue() - load.feedStartMillis() >= WARM_UP.toMillis()) {
                        steady.add(nanos);
                    }
                }
            }
            Path screenshot = WORK_DIR.resolve("first-render.png");
            Object render = firstRender(console, cookie, screenshot);
            report.put("settings", Map.of("officers", officers, "ratePerSecond", rate, "durationSeconds", duration.toSeconds(),
                    "clients", clients, "consoleHeap", consoleHeap, "map", roads.network().toString()));
            report.put("incidents", load.incidentCount());
            report.put("incidentsCommitted", watch.incidentsSeen());
            report.put("pushEvents", push.events());
            report.put("pushBytes", push.bytes());
            report.put("arrivalsMissing", missing);
            report.put("commitToClient", all.isEmpty() ? null : LatencyStats.of(all.stream().mapToLong(Long::longValue).toArray()));
            report.put("commitToClientAfterWarmUp", steady.isEmpty() ? null : LatencyStats.of(steady.stream().mapToLong(Long::longValue).toArray()));
            report.put("consoleHeapMaxBytes", heapMax.get());
            report.put("consoleHeapEndBytes", heapEnd);
            report.put("firstRender", render);
            report.put("machineLoadBefore", loadBefore);
            report.put("machineLoadAfter", loadAfter);
            report.put("rerun", Rerun.line(spec));
            print(out, report, screenshot);
            Files.createDirectories(WORK_DIR);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(WORK_DIR.resolve("report.json").toFile(), report);
        } finally {
            sampler.shutdownNow();
        }
    }

    /** What Chromium measured, or why it could not: the other figures stand either way. */
    private Object firstRender(ConsoleProcess console, String cookie, Path screenshot) throws IOException {
        if (!Files.isExecutable(chromium)) {
            return "skipped: no Chromium at " + chromium;
        }
        Path profile = Files.createTempDirectory("bench-console-chromium");
        try (ChromiumRender browser = new ChromiumRender(chromium, profile)) {
            return browser.open(console.base().toString(), ConsoleServer.COOKIE, cookie, screenshot);
        } catch (Exception e) {
            return "failed: " + e;
        } finally {
            BenchWorkspace.deleteRecursively(profile);
        }
    }

    /** Every client has every recommendation the read_committed consumer has seen. */
    private static boolean allArrived(PushClients push, RecommendationWatch watch) {
        return push.arrivals().stream().allMatch(seen -> seen.size() >= watch.incidentsSeen());
    }

    private void print(PrintWriter out, Map<String, Object> report, Path screenshot) {
        out.println();
        out.printf(Locale.ROOT, "console bench: %,d officers (a fix each every 5 s), %,d incidents at %.1f/s over %d s, %d push clients%n",
                officers, (Integer) report.get("incidents"), rate, duration.toSeconds(), clients);
        out.printf(Locale.ROOT, "  incidents with a committed recommendation: %,d; push events read: %,d (%.1f MB)%n",
                (Integer) report.get("incidentsCommitted"), (Long) report.get("pushEvents"), (Long) report.get("pushBytes") / 1e6);
        latency(out, "recommendation commit -> client (all):     ", (LatencyStats) report.get("commitToClient"));
        latency(out, "the same after the first " + WARM_UP.toSeconds() + " s:              ",
                (LatencyStats) report.get("commitToClientAfterWarmUp"));
        out.printf(Locale.ROOT, "  recommendations that never reached a client: %,d%n", (Long) report.get("arrivalsMissing"));
        out.printf(Locale.ROOT, "  console heap used: max %.0f MB, at the end %.0f MB (-Xmx%s)%n",
                (Long) report.get("consoleHeapMaxBytes") / 1048576.0, (Long) report.get("consoleHeapEndBytes") / 1048576.0, consoleHeap);
        if (!(report.get("firstRender") instanceof ChromiumRender.FirstRender render)) {
            out.println("  first render in Chromium: " + report.get("firstRender"));
        } else {
            out.printf(Locale.ROOT, "  first render in Chromium (from navigation start, whole view loaded): road map (%,d segments) %.0f ms,"
                    + " live view %.0f ms; screenshot %s%n", render.roads(), render.roadsMillis(), render.liveMillis(), screenshot);
        }
        out.printf(Locale.ROOT, "  machine: %d cores, load average %s before, %s after%n", Runtime.getRuntime().availableProcessors(),
                report.get("machineLoadBefore"), report.get("machineLoadAfter"));
        out.printf(Locale.ROOT, "  report: %s%n", WORK_DIR.resolve("report.json"));
        out.printf(Locale.ROOT, "  rerun: %s%n", report.get("rerun"));
        out.flush();
    }

    private static void latency(PrintWriter out, String label, LatencyStats stats) {
        if (stats == null) {
            out.println("  " + label + "no samples");
        } else {
            out.printf(Locale.ROOT, "  %sp50 %.0f ms, p99 %.0f ms, max %.0f ms (%,d samples)%n", label, stats.p50Millis(),
                    stats.p99Millis(), stats.maxMillis(), stats.count());
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String machineLoad() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException notLinux) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
