package org.bluelight.ops.bench.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.dispatch.RecommendationWatch;
import org.bluelight.ops.bench.fuzz.FuzzCampaign;
import org.bluelight.ops.bench.fuzz.FuzzRecord;
import org.bluelight.ops.bench.fuzz.GoodWorkload;
import org.bluelight.ops.bench.fuzz.TopicReader;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalService;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.local.RoadNetworkService;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;

/**
 * One run of the crash audit: a fresh broker and registry in this JVM, two dispatch and two metrics
 * instances as processes of their own (one of each in the uninterrupted run), the fuzz campaign's
 * good workload fed at a steady rate, and in a crash run instances hard-killed ({@code kill -9}) and
 * restarted on their state directories while it flows. Each kill but the last kills one instance while its partner runs (a failover); the last
 * kills both dispatch instances at once and restarts them (a restart). With one instance of each app
 * ({@link CrashSettings#instances()}) every kill is a restart of the app's only instance. Afterwards it waits until both
 * apps have read everything and reads every output read_committed.
 */
public final class CrashAudit {

    /** The outputs of the apps that run (coverage does not). */
    static final List<Topic<?, ?>> OUTPUTS = List.of(Topic.RECOMMENDATIONS, Topic.BACKLOG, Topic.RESPONSE_KPIS,
            Topic.HOTSPOT_TRIAL, Topic.FSU);
    /** Failover goals: recommendations within 10 s, and an app within 2 s of its input again within 10 s. */
    static final Duration FAILOVER_WINDOW = Duration.ofSeconds(10);
    static final Duration LAG_GOAL = Duration.ofSeconds(2);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    /** The frequent-service-user lists are ranked this often; outputs are read after two rankings. */
    private static final Duration FSU_RANKING = Duration.ofSeconds(5);
    private static final String CLASS_DATA = "class-data";

    /** Everything one run gives. */
    record Run(CrashOutputs outputs, List<KillFigures> kills, List<Long> latenciesMillis, int incidents, int records,
               double loadSeconds) {
    }

    private final CrashSettings settings;
    private final Instant eventStart;
    private final PrintStream progress;

    /** @param eventStart the first record's time, the same for both runs so both get the same input */
    public CrashAudit(CrashSettings settings, Instant eventStart, PrintStream progress) {
        this.settings = settings;
        this.eventStart = eventStart.truncatedTo(ChronoUnit.SECONDS);
        this.progress = progress;
    }

    /** Where the first record's time should be for a load of {@code rounds}: all of it in the past. */
    public static Instant eventStartFor(CrashSettings settings) {
        return Instant.now().minus(Duration.ofSeconds(30L * settings.rounds())).minus(Duration.ofHours(1));
    }

    /**
     * @param crash false for the uninterrupted run. With more than one partition both runs send the
     *              same records on the same schedule: the desk reads its group's records in the order
     *              the input partitions' tasks wrote them, which follows the pace, so a reference sent
     *              at once would be another run, not the same one uninterrupted. With one partition
     *              one task reads every input in record-time order whatever the pace, and the
     *              uninterrupted run sends its input at once.
     */
    public Run run(boolean crash) throws Exception {
        Path dataDir = settings.workDir().resolve(crash ? "crash" : "uninterrupted");
        BenchWorkspace.deleteRecursively(dataDir);
        if (!crash) {
            // Archives of an earlier jar would be refused; the uninterrupted run, always first, writes new ones.
            BenchWorkspace.deleteRecursively(settings.workDir().resolve(CLASS_DATA));
        }
        int[] ports = BenchWorkspace.freePorts(7);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local().withPartitions(settings.partitions()));
        RoadNetworkService roads = new RoadNetworkService(settings.osm(), settings.workDir().resolve("graph-cache"));
        List<LocalService> services = new ArrayList<>(LocalServices.standard(config));
        services.add(roads);
        try (LocalStack stack = new LocalStack(services, line -> progress.println("  " + line))) {
            stack.start();
            Map<String, String> common = Map.of("bootstrap.servers", config.bootstrapServers(),
                    "schema.registry.url", config.registryUrl().toString());
            MapBounds bounds = roads.network().bounds();
            Map<String, String> dispatch = new HashMap<>(common);
            dispatch.put("routing.osm.file", settings.osm().toAbsolutePath().toString());
            dispatch.put("routing.graph.dir", settings.workDir().resolve("graph-cache").toAbsolutePath().toString());
            dispatch.put("dispatch.map.bounds", bounds.minLat() + "," + bounds.minLon() + "," + bounds.maxLat() + "," + bounds.maxLon());
            // The verdict replays the desk's input by the tree search: routed on contraction hierarchies, an ETA may take
            // another path of a near-equal time (a millisecond apart), and a restarted instance routes by the tree search
            // until its hierarchies are loaded, so its recommendations would depend on timing as well as on its input.
            dispatch.put(DispatchSettings.HIERARCHIES, "false");
            // The verdict reads the desk's whole input: Kafka Streams would delete what the desk has committed.
            dispatch.put(StreamsAppConfig.KAFKA_PREFIX + StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, String.valueOf(Long.MAX_VALUE));
            Map<String, String> metrics = new HashMap<>(common);
            metrics.put("fsu.ranking.interval.ms", String.valueOf(FSU_RANKING.toMillis()));
            // The first run's first instances write each app's class-data archive as they close; every later start maps it.
            // Nothing is killed in the uninterrupted run: one instance of each app gives its outputs (and two fewer JVMs to start).
            ClassDataArchive dispatchClasses = classData("dispatch");
            ClassDataArchive metricsClasses = classData("metrics");
            AppProcess dispatchA = new AppProcess("dispatch", "dispatch-a", dataDir, dispatch, ports[3], dispatchClasses, true);
            AppProcess metricsA = new AppProcess("metrics", "metrics-a", dataDir, metrics, ports[5], metricsClasses, true);
            List<AppProcess> apps = crash && settings.instances() == 2
                    ? List.of(dispatchA,
                            new AppProcess("dispatch", "dispatch-b", dataDir, dispatch, ports[4], dispatchClasses, false),
                            metricsA,
                            new AppProcess("metrics", "metrics-b", dataDir, metrics, ports[6], metricsClasses, false))
                    : List.of(dispatchA, metricsA);
            try {
                for (AppProcess app : apps) {
                    app.start();
                }
                for (AppProcess app : apps) {
                    app.awaitHealthy();
                }
                progress.println("  " + apps + " running, as processes of their own");
                return feed(config, apps, crash, DispatchSettings.from(ConfigSource.of(dispatch)),
                        new RoadNetworkTravelTimes(roads.network()), dataDir.resolve("desk-replay"));
            } finally {
                for (AppProcess app : apps) {
                    app.close();
                }
            }
        }
    }

    /** The app's class-data archive in the work directory, made from the app processes' class path (the bluelight jar). */
    private ClassDataArchive classData(String app) {
        return new ClassDataArchive(settings.workDir().resolve(CLASS_DATA).resolve(app + ".jsa"), ClassDataArchive.appClassPath());
    }

    /**
     * @param desk        the dispatch instances' settings: the replay of the desk's input uses their rules and desk limits
     * @param travelTimes on the dispatch instances' roads, for that replay
     */
    private Run feed(LocalStackConfig config, List<AppProcess> apps, boolean crash, DispatchSettings desk, TravelTimes travelTimes,
                     Path replayDir) throws Exception {
        AppSerdes serdes = AppSerdes.connect(RegistryClientConfig.of(config.registryUrl().toString()));
        GoodWorkload workload = new GoodWorkload(serdes, eventStart);
        int rounds = settings.rounds();
        Map<String, Long> published = new ConcurrentHashMap<>();
        List<KillFigures> kills = new ArrayList<>();
        int records = 0;
        long loadStart;
        long loadEnd;
        try (KafkaProducer<byte[], byte[]> producer = FuzzCampaign.producer(config.bootstrapServers(), false);
             RecommendationWatch watch = new RecommendationWatch(config.bootstrapServers(),
                     new RegistryClient(RegistryClientConfig.of(config.registryUrl().toString())));
             LagWatch dispatchLag = new LagWatch(config.bootstrapServers(), DispatchApp.APPLICATION_ID,
                     names(FuzzCampaign.READERS.get(DispatchApp.APPLICATION_ID)));
             LagWatch metricsLag = new LagWatch(config.bootstrapServers(), MetricsApp.APPLICATION_ID,
                     names(FuzzCampaign.READERS.get(MetricsApp.APPLICATION_ID)))) {
            List<FuzzRecord> input = inTimeOrder(workload, rounds);
            loadStart = System.currentTimeMillis();
            KillSchedule schedule = crash ? new KillSchedule(apps, settings, loadStart, progress) : null;
            if (schedule != null) {
                schedule.start();
            }
            double perRecordMillis = settings.load().toMillis() / (double) input.size();
            boolean paced = crash || settings.partitions() > 1;
            for (int i = 0; i < input.size(); i++) {
                if (paced) {
                    long due = loadStart + Math.round(i * perRecordMillis);
                    Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
                }
                records += send(producer, serdes, List.of(input.get(i)), published);
            }
            producer.flush();
            loadEnd = System.currentTimeMillis();
            progress.printf("  sent %,d records (%d rounds) in %.1f s%n", records, rounds, (loadEnd - loadStart) / 1000.0);
            if (schedule != null) {
                kills.addAll(schedule.finish());
            }
            awaitCaughtUp(config.bootstrapServers());
            List<KillFigures> figures = new ArrayList<>();
            for (KillFigures kill : kills) {
                figures.add(measured(kill, apps, published, watch, kill.app().equals("dispatch") ? dispatchLag : metricsLag));
            }
            kills = figures;
            List<Long> latencies = new ArrayList<>();
            published.forEach((incident, at) -> {
                Long seen = watch.firstSeen(incident);
                if (seen != null) {
                    latencies.add(seen - at);
                }
            });
            CrashOutputs outputs = settledOutputs(config.bootstrapServers(), serdes);
            long replayStart = System.currentTimeMillis();
            outputs = outputs.withReplayed(DeskReplay.recommendations(TopicReader.readAll(config.bootstrapServers(), CrashOutputs.DESK_INPUTS),
                    () -> DispatchTopology.desk(CrashOutputs.DESK_INPUTS, serdes, desk.rules(), desk.desk(), travelTimes), serdes, replayDir));
            progress.printf("  replayed the desk's %,d input records in %.1f s%n", outputs.deskInputCount(),
                    (System.currentTimeMillis() - replayStart) / 1000.0);
            return new Run(outputs, kills, latencies, published.size(), records, (loadEnd - loadStart) / 1000.0);
        }
    }

    /**
     * The whole input sorted by record time. A round's later records (a status 15 minutes on) are
     * written with it, ahead of other rounds' earlier ones; Kafka Streams orders records across
     * partitions by time only among those it has buffered, so a live run and a run restarted on a
     * backlog would interleave such input differently. Input in time order leaves no choice.
     */
    private static List<FuzzRecord> inTimeOrder(GoodWorkload workload, int rounds) {
        List<FuzzRecord> input = new ArrayList<>(workload.reference());
        for (int round = 0; round < rounds; round++) {
            input.addAll(workload.round(round));
        }
        input.sort(java.util.Comparator.comparingLong(FuzzRecord::timestamp));
        return input;
    }

    /** The kill's figures from what the watches saw. */
    private KillFigures measured(KillFigures kill, List<AppProcess> apps, Map<String, Long> published, RecommendationWatch watch,
                                 LagWatch lag) throws java.io.IOException {
        List<Long> latencies = new ArrayList<>();
        Duration firstRecommendation = null;
        if (kill.app().equals("dispatch")) {
            if (kill.failover()) {
                published.forEach((incident, at) -> {
                    Long seen = watch.firstSeen(incident);
                    // An incident never recommended (its group has no officers) is the verdict's business.
                    if (seen != null && at >= kill.atMillis() && at < kill.atMillis() + FAILOVER_WINDOW.toMillis()) {
                        latencies.add(seen - at);
                    }
                });
            } else {
                Long first = watch.firstIncidentFrom(kill.restartedAtMillis());
                firstRecommendation = first == null ? null : Duration.ofMillis(first - kill.restartedAtMillis());
            }
        }
        long lagFrom = kill.failover() ? kill.atMillis() : kill.restartedAtMillis();
        List<StartTimes> restarts = new ArrayList<>();
        for (AppProcess app : apps) {
            boolean restarted = !kill.failover() && kill.app().equals("dispatch") && kill.victims().contains(app.instance());
            StartTimes times = restarted ? app.startTimes(kill.restartedAtMillis()) : null;
            if (times != null) {
                restarts.add(times);
            }
        }
        return new KillFigures(kill.victims(), kill.app(), kill.failover(), kill.atMillis(), kill.restartedAtMillis(),
                latencies, firstRecommendation, lag.backWithin(lagFrom, LAG_GOAL), restarts);
    }

    private int send(KafkaProducer<byte[], byte[]> producer, AppSerdes serdes, List<FuzzRecord> records, Map<String, Long> published) {
        for (FuzzRecord record : records) {
            producer.send(new ProducerRecord<>(record.topic().topicName(), null, record.timestamp(), record.key(), record.value()));
            if (record.topic() == Topic.INCIDENTS) {
                String incident = serdes.keySerde(Topic.INCIDENTS).deserializer().deserialize(Topic.INCIDENTS.topicName(), record.key());
                published.put(incident, System.currentTimeMillis());
            }
        }
        return records.size();
    }

    private void awaitCaughtUp(String bootstrapServers) throws Exception {
        Instant deadline = Instant.now().plus(CATCH_UP_LIMIT);
        try (Admin admin = FuzzCampaign.admin(bootstrapServers)) {
            for (String app : List.of(DispatchApp.APPLICATION_ID, MetricsApp.APPLICATION_ID)) {
                while (FuzzCampaign.lagOf(admin, app, FuzzCampaign.READERS.get(app)) > 0) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(app + " did not catch up within " + CATCH_UP_LIMIT.toMinutes() + " min");
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    /** Reads the outputs until two reads a ranking apart agree (rankings and punctuated outputs have settled). */
    private static CrashOutputs settledOutputs(String bootstrapServers, AppSerdes serdes) throws InterruptedException {
        CrashOutputs last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Thread.sleep(FSU_RANKING.multipliedBy(2).toMillis());
            CrashOutputs now = CrashOutputs.read(bootstrapServers, serdes, OUTPUTS);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static List<String> names(List<Topic<?, ?>> topics) {
        return topics.stream().map(Topic::topicName).toList();
    }
}
