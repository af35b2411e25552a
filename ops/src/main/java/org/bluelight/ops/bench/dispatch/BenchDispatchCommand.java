package org.bluelight.ops.bench.dispatch;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.bench.StreamThreadCpu;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.soak.StoreEntries;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.stream.GroupEvent;
import org.bluelight.dispatch.stream.GroupEventSerde;
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
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench dispatch}: a real broker, registry and dispatch app in this JVM; officers on
 * the roads, telematics every 5 s, incidents at a fixed rate; prints publish-to-first-recommendation
 * latency as a read_committed consumer sees it.
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Incident-to-recommendation latency of the dispatch app on a real local broker and registry:",
            "officers AVAILABLE on the roads, telematics for each every 5 s, incidents (grade 1-2) at a fixed rate."})
public final class BenchDispatchCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-dispatch");
    private static final Duration APP_START_LIMIT = Duration.ofMinutes(3);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    /** How long the app may take to put the officers on its desks' and tasking's boards before the feed starts. */
    private static final Duration BOARDS_LIMIT = Duration.ofSeconds(90);
    /** The boards the officers' statuses reach: the desks', then tasking's (through a second repartition). */
    private static final List<String> OFFICER_BOARDS = List.of(DispatchTopology.GROUP_OFFICERS_STORE, "tasking-officers");
    /** Incidents published this soon after the first are also left out of a second set of figures. */
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

    @Option(names = "--processing-guarantee", paramLabel = "G", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    private String processingGuarantee;

    @Option(names = "--low-latency",
            description = "The app's documented low-latency setting (commit as soon as an incident is routed and recommended, "
                    + "otherwise at the interval) instead of its defaults.")
    private boolean lowLatency;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            description = "The app's commit.interval.ms (default: the app's own, 50 ms).")
    private Long commitIntervalMs;

    @Option(names = "--producer-linger-ms", paramLabel = "MS",
            description = "The app's producer linger.ms (default: the app's own, 5 ms).")
    private Integer producerLingerMs;

    @Option(names = "--app-setting", paramLabel = "KEY=VALUE",
            description = "A setting of the dispatch app, e.g. kafka.producer.retry.backoff.ms=100 (repeatable).")
    private Map<String, String> appSettings = new java.util.LinkedHashMap<>();

    @Option(names = "--by-hop",
            description = "Also time each incident's hops, read by two more consumers: routed (its group event written), that event "
                    + "committed, its recommendation written, committed.")
    private boolean byHop;

    @Option(names = "--telematics-lead-in", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.OrZero.class,
            description = "How long the officers' fixes run before the first incident (default: ${DEFAULT-VALUE}). Every officer's "
                    + "first fix goes on to the officer table, so with 0s the feed's first 5 s also carry one such update per officer.")
    private Duration telematicsLeadIn;

    @Option(names = "--osm", paramLabel = "FILE",
            description = "Road map (default: the generated county, written to target/bench-dispatch/county.osm.gz if missing).")
    private Path osm;

    @Override
    public Integer call() throws Exception {
        if (officers < 1 || rate <= 0 || duration.isNegative() || duration.isZero() || (commitIntervalMs != null && commitIntervalMs < 0)) {
            throw new ParameterException(spec.commandLine(), "--officers, --rate and --duration must be positive, --commit-interval-ms >= 0");
        }
        if (!processingGuarantee.equals("exactly_once_v2") && !processingGuarantee.equals("at_least_once")) {
            throw new ParameterException(spec.commandLine(), "--processing-guarantee must be exactly_once_v2 or at_least_once");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path map = osm != null ? osm : DispatchWorkload.countyMap(out);
        if (!Files.isRegularFile(map)) {
            throw new ParameterException(spec.commandLine(), "No map at " + map.toAbsolutePath());
        }
        Path dataDir = WORK_DIR.resolve("stack");
        BenchWorkspace.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int[] ports = BenchWorkspace.freePorts(4);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local());
        RoadNetworkService roads = new RoadNetworkService(map, DispatchWorkload.GRAPH_CACHE);
        AtomicReference<StreamsApp> dispatch = new AtomicReference<>();
        List<LocalService> services = new ArrayList<>(LocalServices.standard(config));
        services.add(roads);
        Map<String, String> settings = new java.util.HashMap<>(appSettings);
        settings.put(StreamsAppConfig.PROCESSING_GUARANTEE, processingGuarantee);
        if (commitIntervalMs != null) {
            settings.put(StreamsAppConfig.COMMIT_INTERVAL_MS, commitIntervalMs.toString());
        }
        if (producerLingerMs != null) {
            settings.put(StreamsAppConfig.KAFKA_PREFIX + StreamsAppConfig.PRODUCER_LINGER_MS, producerLingerMs.toString());
        }
        if (lowLatency) {
            DispatchApp.LOW_LATENCY.forEach(settings::putIfAbsent);
        }
        services.add(new StreamsAppService("dispatch app", "", () -> {
            dispatch.set(DispatchWorkload.dispatchApp(config, roads, map, ports[3], settings, DispatchApp.LATENCY_DEFAULTS));
            return dispatch.get();
        }));
        try (LogFile log = LogFile.open(config.logFile());
             LocalStack stack = new LocalStack(services, line -> {
                 out.println(line);
                 out.flush();
             })) {
            stack.start();
            DispatchWorkload.awaitRunning(dispatch.get());
            out.printf(Locale.ROOT, "map %s: %,d junctions; routing warmed up by %d searches in %d ms before the app started; "
                    + "dispatch app %s%n", map, roads.network().nodeCount(), roads.warmUp().searches(), roads.warmUp().took().toMillis(),
                    dispatch.get().state());
            run(out, config, roads, dispatch.get());
        }
        return 0;
    }

    private void run(PrintWriter out, LocalStackConfig config, RoadNetworkService roads, StreamsApp app) throws Exception {
        RegistryClient registry = new RegistryClient(RegistryClientConfig.of(config.registryUrl().toString()));
        try (DispatchWorkload load = new DispatchWorkload(roads.network(), officers, rate, duration, config.bootstrapServers(), registry);
             RecommendationWatch watch = new RecommendationWatch(config.bootstrapServers(), registry);
             Hops hops = byHop ? new Hops(config.bootstrapServers(), registry, app) : null) {
            long statusesSent = System.currentTimeMillis();
            load.sendStatuses();
            awaitOfficersOnBoards(app);
            Thread.sleep(app.config().commitInterval().toMillis());
            out.printf(Locale.ROOT, "officers on the desks' and tasking's boards %,d ms after their statuses were sent%n",
                    System.currentTimeMillis() - statusesSent);
            out.printf(Locale.ROOT, "%,d officers AVAILABLE in %d dispatch groups; feeding %,d incidents at %.1f/s for %d s "
                    + "and telematics for every officer every %d s, from %d s before the first incident%n", officers, DispatchWorkload.groups(),
                    load.incidentCount(), rate, duration.toSeconds(), DispatchWorkload.TELEMATICS_PERIOD.toSeconds(), telematicsLeadIn.toSeconds());
            out.printf(Locale.ROOT, "contraction hierarchies ready at the feed's start: %d (routing.hierarchies=%s)%n",
                    roads.network().hierarchiesReady(), appSettings.getOrDefault("routing.hierarchies", "true"));
            out.flush();
            load.startTelematics();
            Thread.sleep(telematicsLeadIn.toMillis());
            long cpuBefore = StreamThreadCpu.nanos();
            long fallbacksBefore = roads.network().hierarchyFallbacks();
            load.startIncidents();
            load.awaitFed();
            long drainDeadline = System.currentTimeMillis() + DRAIN_LIMIT.toMillis();
            while (watch.incidentsSeen() < load.publishedMillis().size() && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(50);
            }
            long cpu = StreamThreadCpu.nanos() - cpuBefore;
            report(out, app, config, load.publishedMillis(), watch, load.feedStartMillis(), load.incidentCount());
            if (hops != null) {
                hops.print(out, load.publishedMillis(), watch, load.feedStartMillis(), duration);
            }
            // Everything the stream thread did over the feed (the fixes too), per incident: the routing's share shows
            // as the difference between runs with and without routing.hierarchies.
            out.printf(Locale.ROOT, "  stream thread CPU over the feed: %.1f s, %.2f ms per incident (fixes included); "
                    + "contraction hierarchies ready %d, ETAs answered by the tree search for a banned turn %d%n", cpu / 1e9,
                    cpu / 1e6 / load.incidentCount(), roads.network().hierarchiesReady(), roads.network().hierarchyFallbacks() - fallbacksBefore);
            out.flush();
        }
    }

    /**
     * Incidents come to a force whose officers are on duty: the feed waits until every status went
     * through both repartitions, or the first incidents would queue behind the officers' first
     * processing, not measure their own.
     */
    private void awaitOfficersOnBoards(StreamsApp app) throws InterruptedException {
        long deadline = System.nanoTime() + BOARDS_LIMIT.toNanos();
        while (StoreEntries.count(app.streams(), OFFICER_BOARDS).values().stream().anyMatch(n -> n < officers)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The officers were not on the boards " + OFFICER_BOARDS + " within " + BOARDS_LIMIT
                        + ": " + StoreEntries.count(app.streams(), OFFICER_BOARDS));
            }
            Thread.sleep(100);
        }
    }

    private void report(PrintWriter out, StreamsApp app, LocalStackConfig config, Map<String, Long> publishedMillis,
            RecommendationWatch watch, long feedStart, int incidentCount) {
        List<Long> latencies = new ArrayList<>();
        List<Long> steady = new ArrayList<>();
        publishedMillis.forEach((id, published) -> {
            Long seen = watch.firstSeen(id);
            if (seen != null) {
                latencies.add(seen - published);
                if (published - feedStart >= WARM_UP.toMillis()) {
                    steady.add(seen - published);
                }
            }
        });
        latencies.sort(Comparator.naturalOrder());
        steady.sort(Comparator.naturalOrder());
        long missing = publishedMillis.size() - latencies.size();
        double seconds = Math.max(1, watch.lastReceivedMillis() - feedStart) / 1000.0;
        Map<String, Long> deadLetters = DeadLetterCount.of(config.bootstrapServers(), app.deadLetterTopics());
        out.println();
        out.printf(Locale.ROOT, "dispatch bench: %,d officers, %,d incidents at %.1f/s over %d s, %s, commit.interval.ms=%d, "
                + "producer linger.ms=%s (%s); load average at the end %.2f on %d cores%n", officers, incidentCount, rate,
                duration.toSeconds(), processingGuarantee, app.config().commitInterval().toMillis(),
                app.config().kafkaOverrides().getOrDefault(StreamsAppConfig.PRODUCER_LINGER_MS, "Streams default"),
                lowLatency ? "low-latency setting" : "app defaults" + (commitIntervalMs != null || producerLingerMs != null ? " overridden" : ""),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        if (latencies.isEmpty()) {
            out.println("  no incident got a recommendation");
        } else {
            out.printf(Locale.ROOT, "  publish -> first recommendation (read_committed): p50 %d ms, p99 %d ms, max %d ms (%,d incidents)%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.get(latencies.size() - 1), latencies.size());
        }
        if (!steady.isEmpty()) {
            out.printf(Locale.ROOT, "  the same after the first %d s (JIT warm-up):          p50 %d ms, p99 %d ms, max %d ms (%,d incidents)%n",
                    WARM_UP.toSeconds(), percentile(steady, 0.50), percentile(steady, 0.99), steady.get(steady.size() - 1), steady.size());
        }
        printWarmUpBySecond(out, publishedMillis, watch, feedStart);
        printCommits(out, app);
        out.printf(Locale.ROOT, "  incidents without a recommendation after %d s of drain: %,d%n", DRAIN_LIMIT.toSeconds(), missing);
        out.printf(Locale.ROOT, "  recommendations read: %,d (%.1f/s from first incident to last recommendation), %,d with no candidate%n",
                watch.received(), watch.received() / seconds, watch.withoutCandidate());
        long totalDead = deadLetters.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "  dead letters: %,d %s%n", totalDead, deadLetters);
        out.printf(Locale.ROOT, "  rerun: %s%n", Rerun.line(spec));
        out.flush();
    }

    /** Where in the warm-up the whole run's tail sits: the latencies of incidents published in each of its seconds. */
    private static void printWarmUpBySecond(PrintWriter out, Map<String, Long> publishedMillis, RecommendationWatch watch, long feedStart) {
        Map<Long, List<Long>> bySecond = new java.util.TreeMap<>();
        publishedMillis.forEach((id, published) -> {
            Long seen = watch.firstSeen(id);
            long second = (published - feedStart) / 1000;
            if (seen != null && second < WARM_UP.toSeconds()) {
                bySecond.computeIfAbsent(second, s -> new ArrayList<>()).add(seen - published);
            }
        });
        StringBuilder line = new StringBuilder("  warm-up by second of the feed, p50/max ms:");
        bySecond.forEach((second, latencies) -> {
            latencies.sort(Comparator.naturalOrder());
            line.append(String.format(Locale.ROOT, " %ds %d/%d", second, percentile(latencies, 0.50), latencies.get(latencies.size() - 1)));
        });
        out.println(line);
    }

    /**
     * The app's transactions: each recommendation waits for two commits, and a send the broker refuses
     * for now (a commit marker still being written, a partition's first write) holds its commit for the
     * producer's retry backoff.
     */
    private static void printCommits(PrintWriter out, StreamsApp app) {
        double commitAvg = 0;
        double commitMax = 0;
        double retries = 0;
        double sends = 0;
        for (org.apache.kafka.common.Metric metric : app.streams().metrics().values()) {
            String group = metric.metricName().group();
            String name = metric.metricName().name();
            if (!(metric.metricValue() instanceof Double value) || value.isNaN()) {
                continue;
            }
            if (group.equals("stream-thread-metrics") && name.equals("commit-latency-avg")) {
                commitAvg = Math.max(commitAvg, value);
            } else if (group.equals("stream-thread-metrics") && name.equals("commit-latency-max")) {
                commitMax = Math.max(commitMax, value);
            } else if (group.equals("producer-metrics") && name.equals("record-retry-total")) {
                retries += value;
            } else if (group.equals("producer-metrics") && name.equals("record-send-total")) {
                sends += value;
            }
        }
        out.printf(Locale.ROOT, "  commits: latency avg %.1f ms, max %.0f ms (last 30 s); producer sends %,.0f, retried %,.0f%n",
                commitAvg, commitMax, sends, retries);
    }

    /**
     * Where an incident's time goes ({@code --by-hop}): published → routed (its group event written to the
     * repartition topic, read uncommitted) → that event committed (read committed) → its recommendation written
     * (read uncommitted) → committed (the bench's read_committed watch). Each time is when a consumer read it,
     * polled alike, so each hop's figure carries the difference of two fetches.
     */
    private static final class Hops implements AutoCloseable {

        private static final Duration FIRST = Duration.ofSeconds(2);
        private static final int FIRST_ONE_BY_ONE = 25;
        private final String groupEvents;
        private final String recommendations = Topic.RECOMMENDATIONS.topicName();
        private final HopWatch written;
        private final HopWatch committed;
        /** The stream threads' CPU (nanoseconds) every {@value #CPU_SAMPLE_MS} ms, by wall-clock millisecond: what the feed's first seconds cost. */
        private final java.util.NavigableMap<Long, Long> cpu = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final java.util.concurrent.ScheduledExecutorService cpuSampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private static final long CPU_SAMPLE_MS = 50;

        Hops(String bootstrapServers, RegistryClient registry, StreamsApp app) {
            groupEvents = app.config().applicationId() + "-" + DispatchTopology.GROUP_EVENTS + "-repartition";
            Deserializer<GroupEvent> events = GroupEventSerde.create().deserializer();
            Deserializer<Recommendation> recommended = AvroSerdes.value(Recommendation.class, registry).deserializer();
            BiFunction<String, byte[], String> incidentId = (topic, value) -> {
                if (topic.equals(recommendations)) {
                    return recommended.deserialize(topic, value).getIncidentId();
                }
                // Nearly every group event is a unit's update in binary (first byte 'U'): only the rest are read.
                return value.length > 0 && value[0] == '{' && events.deserialize(topic, value) instanceof GroupEvent.IncidentChanged changed
                        ? changed.incident().id() : null;
            };
            written = new HopWatch(bootstrapServers, List.of(groupEvents, recommendations), false, incidentId);
            committed = new HopWatch(bootstrapServers, List.of(groupEvents), true, incidentId);
            cpuSampler.scheduleAtFixedRate(() -> cpu.put(System.currentTimeMillis(), StreamThreadCpu.nanos()), 0, CPU_SAMPLE_MS,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void print(PrintWriter out, Map<String, Long> publishedMillis, RecommendationWatch watch, long feedStart, Duration feed) {
            out.println("  by hop, p50/p99/max ms: read and routed | its commit | desk's fetch and decision | its commit (incidents)");
            print(out, "whole run", publishedMillis, watch, published -> true);
            print(out, "first " + FIRST.toSeconds() + " s", publishedMillis, watch, published -> published - feedStart < FIRST.toMillis());
            print(out, "after " + WARM_UP.toSeconds() + " s", publishedMillis, watch, published -> published - feedStart >= WARM_UP.toMillis());
            printFirst(out, publishedMillis, watch, feedStart);
            StringBuilder line = new StringBuilder("  stream thread CPU by second of the feed, ms:");
            for (long second = 0; second < WARM_UP.toSeconds(); second++) {
                line.append(String.format(Locale.ROOT, " %ds %d", second, cpuMillis(feedStart + second * 1000, feedStart + (second + 1) * 1000)));
            }
            long steadyEnd = feedStart + feed.toMillis();
            long steadySeconds = Math.max(1, feed.minus(WARM_UP).toSeconds());
            out.println(line.append(String.format(Locale.ROOT, ", after %d s %d a second", WARM_UP.toSeconds(),
                    cpuMillis(feedStart + WARM_UP.toMillis(), steadyEnd) / steadySeconds)));
        }

        /** The feed's first incidents one by one: a stall shows as one slow hop with the incidents after it queued behind. */
        private void printFirst(PrintWriter out, Map<String, Long> publishedMillis, RecommendationWatch watch, long feedStart) {
            out.println("  first " + FIRST_ONE_BY_ONE + " incidents, ms after the feed's start: published, then each hop as above");
            publishedMillis.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(FIRST_ONE_BY_ONE).forEach(entry -> {
                String id = entry.getKey();
                Long[] times = {entry.getValue(), written.firstSeen(groupEvents, id), committed.firstSeen(groupEvents, id),
                    written.firstSeen(recommendations, id), watch.firstSeen(id)};
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %5d", times[0] - feedStart));
                for (int hop = 1; hop < times.length; hop++) {
                    line.append(times[hop] == null || times[hop - 1] == null ? " | -"
                            : String.format(Locale.ROOT, " | %d", times[hop] - times[hop - 1]));
                }
                out.println(line);
            });
        }

        private long cpuMillis(long fromMillis, long toMillis) {
            Long from = cpu.floorKey(fromMillis);
            Long to = cpu.floorKey(toMillis);
            return from == null || to == null ? 0 : (cpu.get(to) - cpu.get(from)) / 1_000_000;
        }

        private void print(PrintWriter out, String label, Map<String, Long> publishedMillis, RecommendationWatch watch,
                           java.util.function.LongPredicate which) {
            List<List<Long>> hops = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            publishedMillis.forEach((id, published) -> {
                Long[] times = {published, written.firstSeen(groupEvents, id), committed.firstSeen(groupEvents, id),
                    written.firstSeen(recommendations, id), watch.firstSeen(id)};
                if (which.test(published) && java.util.Arrays.stream(times).allMatch(java.util.Objects::nonNull)) {
                    for (int hop = 0; hop < hops.size(); hop++) {
                        hops.get(hop).add(times[hop + 1] - times[hop]);
                    }
                }
            });
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-10s", label));
            for (List<Long> hop : hops) {
                hop.sort(Comparator.naturalOrder());
                line.append(hop.isEmpty() ? " | -" : String.format(Locale.ROOT, " | %d/%d/%d", percentile(hop, 0.50),
                        percentile(hop, 0.99), hop.get(hop.size() - 1)));
            }
            out.println(line.append(" (").append(hops.get(0).size()).append(')'));
        }

        @Override
        public void close() throws InterruptedException {
            cpuSampler.shutdownNow();
            written.close();
            committed.close();
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
