package org.bluelight.ops.bench.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.metrics.topology.MetricsTopology;
import org.bluelight.metrics.trial.HotSpotDayState;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.JvmCpu;
import org.bluelight.ops.bench.MachineLoad;
import org.bluelight.ops.bench.StreamThreadCpu;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.LogFile;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench replay}: the metrics app replaying a year of a large force
 * ({@link ReplayWorkload}) under exactly-once on its own local broker and registry, timed until it
 * has committed every input and repartitioned record. With {@code --compare-slow} the same input is
 * replayed again slowly (commit every 100 ms, no record cache, small polls, so records interleave
 * differently) and the FSU ranking, FSU ledgers, trial counts and KPIs of the two are compared.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The metrics app replays a year of a large force (250,000 incidents, 500,000 status changes, 300,000 crime and",
            "50,000 custody records) under exactly-once; prints records/s; --compare-slow checks the figures equal a slow replay's."})
public final class BenchReplayCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-replay");
    private static final Duration RANKING_INTERVAL = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The goal of issue 13: a year in under 3 minutes. */
    private static final double GOAL_RECORDS_PER_SECOND = 6_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scale", defaultValue = "1.0", description = "Fraction of the year's records (and span) to replay (default: ${DEFAULT-VALUE}).")
    private double scale;

    @Option(names = "--groups", defaultValue = "8", description = "Dispatch groups (default: ${DEFAULT-VALUE}).")
    private int groups;

    @Option(names = "--officers-per-group", defaultValue = "40", description = "Officers per group (default: ${DEFAULT-VALUE}).")
    private int officersPerGroup;

    @Option(names = "--hot-spots", defaultValue = "20", description = "Hot spots in the trial (default: ${DEFAULT-VALUE}).")
    private int hotSpots;

    @Option(names = "--commit-interval-ms", defaultValue = "5000", description = "Commit interval of the fast replay (default: ${DEFAULT-VALUE}).")
    private long commitIntervalMs;

    /**
     * 512 MiB: at 64 the cache was full long before each commit, and every entry it evicted went to RocksDB and the
     * changelog again, where a larger cache writes an entry updated many times per commit once (a whole year: 64 MiB
     * 176.8 s, 256 MiB 164.7 s, 512 MiB 159.9 s, one after the other).
     */
    @Option(names = "--cache-mb", defaultValue = "512", description = "Record cache (statestore.cache.max.bytes) of the fast replay, MiB (default: ${DEFAULT-VALUE}).")
    private long cacheMb;

    /** Three on this 2-core machine: with two, the JVM left a third of a core idle (tasks waiting on each other). */
    @Option(names = "--threads", paramLabel = "N", defaultValue = "3",
            description = "num.stream.threads of the fast replay (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--app-setting", paramLabel = "KEY=VALUE",
            description = "A setting of the metrics app in the fast replay, e.g. kafka.producer.batch.size=262144 (repeatable).")
    private Map<String, String> appSettings = new LinkedHashMap<>();

    @Option(names = "--compare-slow", description = "Replay again slowly and compare the figures (takes several times as long).")
    private boolean compareSlow;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up on a replay after this long (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (scale <= 0 || scale > 1 || groups < 1 || officersPerGroup < 1 || hotSpots < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--scale must be in (0, 1]; --groups, --officers-per-group, --hot-spots and --threads positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dataDir = WORK_DIR.resolve("stack");
        BenchWorkspace.deleteRecursively(WORK_DIR);
        int[] ports = BenchWorkspace.freePorts(3);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local());
        ReplayWorkload workload = ReplayWorkload.yearTo(Instant.now(), scale, groups, officersPerGroup, hotSpots);
        try (LogFile log = LogFile.open(config.logFile());
             LocalStack stack = new LocalStack(LocalServices.standard(config), line -> {
                 out.println(line);
                 out.flush();
             });
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            stack.start();
            keepForever(admin);
            AppSerdes serdes = AppSerdes.connect(RegistryClientConfig.of(config.registryUrl().toString()));
            out.printf(Locale.ROOT, "Writing %s%n", workload.describe());
            out.flush();
            long writeStart = System.nanoTime();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            long failed = workload.write(config.bootstrapServers(), serdes, firstFailure);
            if (failed > 0) {
                out.printf("%,d records could not be written: %s%n", failed, firstFailure.get());
                return 1;
            }
            out.printf(Locale.ROOT, "  written in %.1f s%n", (System.nanoTime() - writeStart) / 1e9);

            Map<String, String> fastSettings = new HashMap<>(Map.of(
                    "commit.interval.ms", Long.toString(commitIntervalMs),
                    "kafka.statestore.cache.max.bytes", Long.toString(cacheMb * 1024 * 1024),
                    // Exactly-once's 10 s default aborts (and fences) a long commit's transaction on a loaded machine.
                    "kafka.transaction.timeout.ms", Long.toString(Math.max(60_000, 6 * commitIntervalMs)),
                    // Process what is buffered without waiting for a task's empty partitions: at the default (0) every
                    // wait formats a log message whether logged or not (8% of a replay's profile); the figures do not
                    // depend on that order (compared with --compare-slow).
                    "kafka.max.task.idle.ms", "-1",
                    // Batches of up to 256 KiB, filled for up to 500 ms between the 5 s commits: at Kafka Streams' own
                    // (16 KiB, 100 ms) the producers and the broker's request threads took 120 s of a full-year replay's
                    // 487 s of CPU, with these 52 s (wall clock 286 -> 222 s on this machine).
                    "kafka.producer.batch.size", Integer.toString(256 * 1024),
                    "kafka.producer.linger.ms", "500",
                    StreamsAppConfig.NUM_STREAM_THREADS, Integer.toString(threads)));
            fastSettings.putAll(appSettings);
            Replay fast = replay(out, config, admin, serdes, "replay-fast", fastSettings, workload);
            if (fast == null) {
                return 1;
            }
            boolean goal = fast.recordsPerSecond() >= GOAL_RECORDS_PER_SECOND;
            out.printf(Locale.ROOT, "%nreplay bench: %s%n", workload.describe());
            out.printf(Locale.ROOT, "  fast replay (exactly_once_v2, commit %d ms, cache %d MiB, %d stream thread(s)%s): %,d records in %.1f s = %,.0f records/s "
                            + "(a year at this rate: %.1f min); goal >= %,.0f records/s %s; %s%n",
                    commitIntervalMs, cacheMb, threads, appSettings.isEmpty() ? "" : ", " + appSettings, workload.records(), fast.seconds(), fast.recordsPerSecond(),
                    fast.seconds() / Math.min(1.0, scale) / 60, GOAL_RECORDS_PER_SECOND, goal ? "MET" : "MISSED", fast.load());
            out.printf(Locale.ROOT, "  fast replay CPU (stream threads and their clients' threads): %.1f s = %,.0f records per CPU second "
                    + "(a year at this rate on one free core: %.1f min)%n", fast.cpuSeconds(), workload.records() / fast.cpuSeconds(),
                    fast.cpuSeconds() / Math.min(1.0, scale) / 60);
            out.printf("  figures: %s%n", fast.figures().sizes());
            // G1 cost a whole-year replay 15% more time than the parallel collector (BLUELIGHT_JAVA_OPTS=-XX:+UseParallelGC).
            out.printf("  JVM collectors: %s%n", ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName).toList());
            boolean equal = true;
            if (compareSlow) {
                Replay slow = replay(out, config, admin, serdes, "replay-slow", Map.of(
                        "commit.interval.ms", "100",
                        "kafka.statestore.cache.max.bytes", "0",
                        "kafka.max.poll.records", "50"), workload);
                if (slow == null) {
                    return 1;
                }
                out.printf(Locale.ROOT, "  slow replay (exactly_once_v2, commit 100 ms, no cache, 50 records a poll): %.1f s = %,.0f records/s; "
                                + "CPU %.1f s = %,.0f records per CPU second; %s%n",
                        slow.seconds(), slow.recordsPerSecond(), slow.cpuSeconds(), workload.records() / slow.cpuSeconds(), slow.load());
                ReplayFigures.Comparison comparison = fast.figures().compare(slow.figures());
                equal = comparison.equal();
                out.printf("  fast vs slow: FSU ranking, FSU ledgers, trial counts and KPI response figures %s%n",
                        equal ? "EQUAL" : "DIFFER:");
                comparison.differences().forEach(difference -> out.println("    " + difference));
                out.printf("  (%s)%n", comparison.availability());
            }
            out.printf("rerun: %s%n", Rerun.line(spec));
            out.flush();
            return equal ? 0 : 2;
        }
    }

    private record Replay(double seconds, double recordsPerSecond, double cpuSeconds, String load, ReplayFigures figures) {
    }

    /** One replay under a fresh application id; null when it did not finish. */
    private Replay replay(PrintWriter out, LocalStackConfig config, Admin admin, AppSerdes serdes, String applicationId,
                         Map<String, String> tuning, ReplayWorkload workload) throws Exception {
        Map<TopicPartition, Long> kpiStart = BenchMetricsCommand.endOffsets(admin, List.of(Topic.RESPONSE_KPIS.topicName()));
        Map<String, String> settings = new HashMap<>(tuning);
        settings.putAll(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", config.bootstrapServers(),
                "schema.registry.url", config.registryUrl().toString(),
                "processing.guarantee", "exactly_once_v2",
                // A replay reads a year in minutes; partitions interleave hours apart, so KPI windows stay open a week.
                "response.window.grace.ms", Long.toString(Duration.ofDays(7).toMillis()),
                "fsu.ranking.interval.ms", Long.toString(RANKING_INTERVAL.toMillis()),
                "state.dir", WORK_DIR.resolve("state-" + applicationId).toAbsolutePath().toString(),
                "http.port", "0",
                "input.partitions", Integer.toString(config.topics().partitions())));
        ConfigSource source = ConfigSource.of(settings);
        List<String> inputs = List.of(Topic.INCIDENTS.topicName(), Topic.OFFICER_STATUS.topicName(), Topic.CRIME_RECORDS.topicName(),
                Topic.CUSTODY_RECORDS.topicName(), Topic.TRIAL_ALLOCATIONS.topicName());
        Map<TopicPartition, Long> inputEnds = BenchMetricsCommand.endOffsets(admin, inputs);
        out.printf("Replaying as %s %s%n", applicationId, tuning);
        out.flush();
        long start = System.nanoTime();
        JvmCpu cpuAtStart = JvmCpu.now();
        try (StreamsApp app = MetricsApp.create(StreamsAppConfig.from(source, applicationId, 0), MetricsApp.settings(source), 4042,
                Clock.systemUTC()).start()) {
            long deadline = start + timeout.toNanos();
            long lastSum = -1;
            while (true) {
                if (System.nanoTime() > deadline || app.state() == KafkaStreams.State.ERROR) {
                    out.printf("Gave up on %s after %s (app %s)%n", applicationId, timeout, app.state());
                    return null;
                }
                Thread.sleep(1_000);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                boolean inputsDone = inputEnds.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() >= end.getValue());
                if (!inputsDone) {
                    continue;
                }
                Map<TopicPartition, Long> ends = BenchMetricsCommand.endOffsets(admin,
                        committed.keySet().stream().map(TopicPartition::topic).distinct().toList());
                // Repartition topics end with a transaction marker after the last record.
                boolean internalDone = committed.entrySet().stream().allMatch(c -> c.getValue().offset() >= ends.get(c.getKey()) - 1);
                long sum = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                if (internalDone && sum == lastSum) {
                    break;
                }
                lastSum = internalDone ? sum : -1;
            }
            // The check above waits for one unchanged second: that second is not the replay's.
            double seconds = (System.nanoTime() - start) / 1e9 - 1;
            double cpuSeconds = StreamThreadCpu.nanos() / 1e9;
            String load = MachineLoad.describe();
            out.printf(Locale.ROOT, "  %s caught up in %.1f s, %.1f s CPU (%s)%n", applicationId, seconds, cpuSeconds, load);
            out.printf("  where the wall clock went: %s%n", JvmCpu.now().since(cpuAtStart, seconds, 8));
            out.flush();
            // The FSU lists are ranked on a wall-clock schedule: wait for a ranking after the last update.
            Thread.sleep(RANKING_INTERVAL.multipliedBy(2).plusSeconds(1).toMillis());
            // A hot-spot-day's updatedAt is when its last change was processed: it differs between replays by design.
            Map<String, Object> trialCounts = new HashMap<>();
            store(app, MetricsTopology.HOTSPOT_DAYS_STORE).forEach((key, day) -> {
                HotSpotDayState state = (HotSpotDayState) day;
                // A day whose only incident was then taken over by its crime record (counted elsewhere or nowhere) holds
                // nothing, as a day never touched: whether it is kept depends on which of the two came first.
                boolean empty = state.arm() == null && state.counts().values().stream().allMatch(count -> count == 0)
                        && state.patrolMinutes() == 0 && state.patrolVisits() == 0;
                if (empty) {
                    return;
                }
                trialCounts.put(key, List.of(String.valueOf(state.arm()), state.counts(), state.patrolMinutes(), state.patrolVisits()));
            });
            double late = app.meterRegistry().counter("bluelight.metrics.response.late").count();
            out.printf(Locale.ROOT, "  response samples refused as past their window's grace: %,.0f%n", late);
            ReplayFigures figures = new ReplayFigures(fsuTop(app), store(app, MetricsTopology.FSU_ACTIVITIES_STORE),
                    trialCounts, kpis(config, serdes, admin, kpiStart));
            return new Replay(seconds, workload.records() / seconds, cpuSeconds, load, figures);
        }
    }


    private static List<JsonNode> fsuTop(StreamsApp app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<JsonNode> lists = new ArrayList<>();
        for (int metric = 1; metric <= 4; metric++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.httpPort() + "/fsu/top?metric=" + metric)).build(), HttpResponse.BodyHandlers.ofString());
            lists.add(JSON.readTree(response.body()));
        }
        return lists;
    }

    private static Map<String, Object> store(StreamsApp app, String name) {
        ReadOnlyKeyValueStore<String, Object> store = app.streams().store(
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        Map<String, Object> entries = new HashMap<>();
        try (KeyValueIterator<String, Object> all = store.all()) {
            all.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
        return entries;
    }

    /** The latest KPI of every window published since {@code from}. */
    private static Map<String, ResponseKpi> kpis(LocalStackConfig config, AppSerdes serdes, Admin admin, Map<TopicPartition, Long> from)
            throws Exception {
        Map<TopicPartition, Long> to = BenchMetricsCommand.endOffsets(admin, List.of(Topic.RESPONSE_KPIS.topicName()));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Function<byte[], ResponseKpiKey> keys = bytes -> serdes.keySerde(Topic.RESPONSE_KPIS).deserializer()
                .deserialize(Topic.RESPONSE_KPIS.topicName(), bytes);
        Map<String, ResponseKpi> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            while (from.keySet().stream().anyMatch(partition -> consumer.position(partition) < to.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.put(keys.apply(record.key()).toString(), serdes.valueSerde(Topic.RESPONSE_KPIS).deserializer()
                            .deserialize(Topic.RESPONSE_KPIS.topicName(), record.value()));
                }
            }
        }
        return latest;
    }

    /** A year-old record would be past the inputs' time retention at once. */
    private static void keepForever(Admin admin) throws Exception {
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
        for (Topic<?, ?> topic : List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.RESPONSE_KPIS)) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()),
                    List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET)));
        }
        admin.incrementalAlterConfigs(changes).all().get();
    }
}
