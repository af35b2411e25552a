package org.bluelight.ops.bench.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.bench.crash.CrashOutputs;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.DemoSettings;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.runtime.deadletter.DeadLetterTopics;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.BacklogEntry;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClientConfig;

/**
 * One fuzz run: the local stack's three apps (no simulator) on a fresh broker, the good workload,
 * and, in a hostile run, hostile records of every kind interleaved with it on every input topic.
 * It waits until every app has read everything, then reads every output and dead-letter topic.
 */
public final class FuzzCampaign {

    /** Every topic a source outside Bluelight writes. */
    public static final List<Topic<?, ?>> INPUTS = List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS,
            Topic.ASSIGNMENTS, Topic.CRIME_RECORDS, Topic.CUSTODY_RECORDS, Topic.HOTSPOTS, Topic.TRIAL_ALLOCATIONS);
    /** Every topic the apps write for others. */
    public static final List<Topic<?, ?>> OUTPUTS = List.of(Topic.RECOMMENDATIONS, Topic.BACKLOG, Topic.COVERAGE_CELLS,
            Topic.OFFICER_IMPACT, Topic.RESPONSE_KPIS, Topic.HOTSPOT_TRIAL, Topic.FSU);
    /** Which input topics each app reads through its consumer group (the metrics app's hot spots are a global store). */
    public static final Map<String, List<Topic<?, ?>>> READERS = Map.of(
            DispatchApp.APPLICATION_ID, List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.ASSIGNMENTS),
            CoverageApp.APPLICATION_ID, List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS),
            MetricsApp.APPLICATION_ID, List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.ASSIGNMENTS,
                    Topic.CRIME_RECORDS, Topic.CUSTODY_RECORDS, Topic.TRIAL_ALLOCATIONS));
    /** The global store's reader dead-letters under its app's id too. */
    private static final Map<Topic<?, ?>, List<String>> GLOBAL_READERS = Map.of(Topic.HOTSPOTS, List.of(MetricsApp.APPLICATION_ID));

    /** Good records a hostile run sends twice, the copy a round later: none of them may change an output. */
    private static final Set<Topic<?, ?>> DUPLICATED = Set.of(Topic.INCIDENTS, Topic.TELEMATICS, Topic.ASSIGNMENTS,
            Topic.CRIME_RECORDS, Topic.CUSTODY_RECORDS);
    /**
     * Punctuated outputs (coverage cells, KPIs, rankings every 30 s) follow the input: a clean run
     * waits until every output topic has records and no new key has come for this long.
     */
    private static final Duration OUTPUT_SETTLE = Duration.ofSeconds(15);
    private static final Duration CLEAN_OUTPUT_LIMIT = Duration.ofMinutes(2);
    /** The metrics app reads hot spots on its global thread, apart from the records that count in them: give it a head start. */
    private static final Duration REFERENCE_HEAD_START = Duration.ofSeconds(10);
    private static final int MAX_KEY_LENGTH = 1024;
    /**
     * Fields of a good output that may rightly differ from the clean run: a recommendation's id and
     * revision (an incident read before the status of the officer who takes it gets one revision
     * more, see {@link GoodWorkload#ORDER_DEPENDENT}); a frequent-service user's ranks and metrics,
     * which weigh them against every person, hostile ones too, and resource hours, which start at the
     * assignment or at the en-route status, whichever is read first (a second apart); a KPI's mean
     * available and busy officers, sampled as the group's statuses and incidents are read, in an
     * order two runs need not share. Stamps of the moment of writing are never compared.
     * Coverage cells are not compared at all (see {@link #VALUES_NOT_COMPARED}).
     */
    /**
     * A coverage cell counts every officer in reach and the demand of every incident in it, hostile
     * ones rightly accepted too, and on the Andorra map every officer reaches nearly every cell.
     */
    static final Set<String> VALUES_NOT_COMPARED = Set.of(Topic.COVERAGE_CELLS.topicName());
    private static final Map<Topic<?, ?>, Set<String>> NOT_COMPARED = Map.of(
            Topic.RECOMMENDATIONS, Set.of("recommendationId", "revision"),
            Topic.FSU, Set.of("rank1", "rank2", "rank3", "rank4", "metric1", "metric2", "metric3", "metric4",
                    "originatorResourceHours", "subjectResourceHours"),
            Topic.RESPONSE_KPIS, Set.of("availableOfficersMean", "busyOfficersMean"));

    private final FuzzSettings settings;
    private final PrintStream progress;
    /** The good workload's first record time, the same in both runs so that their outputs can be compared value by value. */
    private Instant goodStart;

    public FuzzCampaign(FuzzSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs the stack and feeds it.
     *
     * @param hostile        false for the clean run
     * @param expectedKeys   outputs the good records gave in the clean run: a hostile run waits for them
     * @param expectedValues their last values (good keys only), which a hostile run waits for too
     */
    public FuzzReport run(boolean hostile, Map<String, Set<String>> expectedKeys,
                          Map<String, Map<String, String>> expectedValues) throws Exception {
        Path dataDir = settings.workDir().resolve(hostile ? "hostile" : "clean");
        BenchWorkspace.deleteRecursively(dataDir);
        int[] ports = BenchWorkspace.freePorts(3);
        LocalStackConfig config = new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]),
                ports[2], ProvisioningSettings.local());
        // The apps and the console take the ports after the base.
        int httpPortBase = BenchWorkspace.freePortRange(4);
        DemoSettings demo = new DemoSettings(settings.osm(), "andorra", 1.0, null, false, false, httpPortBase);
        try (LocalStack stack = new LocalStack(LocalServices.demo(config, demo, progress), line -> progress.println("  " + line))) {
            stack.start();
            AppSerdes serdes = AppSerdes.connect(RegistryClientConfig.of(config.registryUrl().toString()));
            if (goodStart == null) {
                goodStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            }
            GoodWorkload good = new GoodWorkload(serdes, goodStart);
            Sent reference = send(config.bootstrapServers(), good.reference());
            Thread.sleep(REFERENCE_HEAD_START.toMillis());
            List<FuzzRecord> records = records(good, serdes, hostile);
            Instant started = Instant.now();
            Sent sent = reference.and(send(config.bootstrapServers(), records));
            SortedMap<String, Long> lag = awaitCaughtUp(config.bootstrapServers());
            double elapsed = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            Outputs outputs = awaitOutputs(config.bootstrapServers(), serdes, expectedKeys, expectedValues);
            DeadLetters deadLetters = DeadLetters.read(config.bootstrapServers());
            Fates fates = fates(sent, deadLetters, serdes, outputs);
            return new FuzzReport(hostile, sent.counts, sent.refused, deadLetters.byTopicAndReason(),
                    notDeadLettered(sent, deadLetters), fates.counts, fates.unprocessed, outputs.keys, outputs.values,
                    outputs.trialDays, outputs.impossible, unexpectedTopics(config.bootstrapServers()), unhealthy(httpPortBase), lag,
                    elapsed);
        }
    }

    /** The good workload's rounds, and in a hostile run the hostile records spread between them. */
    private List<FuzzRecord> records(GoodWorkload good, AppSerdes serdes, boolean hostile) {
        List<FuzzRecord> hostileRecords = new ArrayList<>();
        if (hostile) {
            HostileRecords maker = new HostileRecords(serdes, settings.seed(), good.start().plus(Duration.ofMinutes(30)));
            for (Topic<?, ?> topic : INPUTS) {
                List<HostileKind> kinds = HostileRecords.kindsFor(topic);
                for (int i = 0; i < settings.hostilePerTopic(); i++) {
                    hostileRecords.add(maker.next(topic, kinds.get(i % kinds.size())));
                }
            }
            Collections.shuffle(hostileRecords, new java.util.Random(settings.seed()));
        }
        List<FuzzRecord> records = new ArrayList<>();
        int rounds = settings.goodRounds();
        int perRound = (hostileRecords.size() + rounds - 1) / rounds;
        List<FuzzRecord> previous = List.of();
        for (int round = 0; round < rounds; round++) {
            List<FuzzRecord> current = good.round(round);
            records.addAll(current);
            if (hostile) {
                previous.stream().filter(record -> DUPLICATED.contains(record.topic()))
                        .map(record -> new FuzzRecord(record.topic(), record.key(), record.value(), record.timestamp(),
                                HostileKind.DUPLICATE))
                        .forEach(records::add);
            }
            previous = current;
            int from = Math.min(round * perRound, hostileRecords.size());
            records.addAll(hostileRecords.subList(from, Math.min(from + perRound, hostileRecords.size())));
        }
        return records;
    }

    /** What was sent, and where each hostile record landed. */
    private record Sent(SortedMap<String, SortedMap<String, Integer>> counts, SortedMap<String, SortedMap<String, Integer>> refused,
                        List<Landed> hostile) {

        Sent and(Sent more) {
            SortedMap<String, SortedMap<String, Integer>> allCounts = merged(counts, more.counts);
            List<Landed> allHostile = new ArrayList<>(hostile);
            allHostile.addAll(more.hostile);
            return new Sent(allCounts, merged(refused, more.refused), allHostile);
        }

        private static SortedMap<String, SortedMap<String, Integer>> merged(SortedMap<String, SortedMap<String, Integer>> a,
                                                                            SortedMap<String, SortedMap<String, Integer>> b) {
            SortedMap<String, SortedMap<String, Integer>> sum = new TreeMap<>();
            for (var counts : List.of(a, b)) {
                counts.forEach((topic, kinds) -> kinds.forEach((kind, n) ->
                        sum.computeIfAbsent(topic, t -> new TreeMap<>()).merge(kind, n, Integer::sum)));
            }
            return sum;
        }
    }

    private record Landed(FuzzRecord record, int partition, long offset) {
    }

    private Sent send(String bootstrapServers, List<FuzzRecord> records) throws InterruptedException {
        SortedMap<String, SortedMap<String, Integer>> counts = new TreeMap<>();
        SortedMap<String, SortedMap<String, Integer>> refused = new TreeMap<>();
        List<Landed> hostile = new ArrayList<>();
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        // The broker refuses a whole batch for one invalid record (a null key on a compacted topic, a
        // timestamp it does not accept): hostile records go in batches of their own, from a producer of their own.
        try (KafkaProducer<byte[], byte[]> good = producer(bootstrapServers, false);
             KafkaProducer<byte[], byte[]> bad = producer(bootstrapServers, true)) {
            for (FuzzRecord record : records) {
                pending.add((record.good() ? good : bad).send(new ProducerRecord<>(record.topic().topicName(), null,
                        record.timestamp(), record.key(), record.value())));
            }
            good.flush();
            bad.flush();
        }
        for (int i = 0; i < records.size(); i++) {
            FuzzRecord record = records.get(i);
            String kind = record.good() ? "good" : record.kind().name();
            try {
                RecordMetadata metadata = pending.get(i).get();
                counts.computeIfAbsent(record.topic().topicName(), t -> new TreeMap<>()).merge(kind, 1, Integer::sum);
                if (!record.good()) {
                    hostile.add(new Landed(record, metadata.partition(), metadata.offset()));
                }
            } catch (ExecutionException e) {
                if (record.good()) {
                    throw new IllegalStateException("The broker refused a good record on " + record.topic(), e.getCause());
                }
                refused.computeIfAbsent(record.topic().topicName(), t -> new TreeMap<>()).merge(kind, 1, Integer::sum);
            }
        }
        progress.printf("  sent %d records (%d hostile landed)%n", records.size(), hostile.size());
        return new Sent(counts, refused, hostile);
    }

    /** Waits until every app's group has committed the end of every input partition; the remaining lag per app. */
    private SortedMap<String, Long> awaitCaughtUp(String bootstrapServers) throws Exception {
        Instant deadline = Instant.now().plus(settings.catchUpLimit());
        SortedMap<String, Long> lag = new TreeMap<>();
        try (Admin admin = admin(bootstrapServers)) {
            while (true) {
                lag.clear();
                for (Map.Entry<String, List<Topic<?, ?>>> app : READERS.entrySet()) {
                    lag.put(app.getKey(), lagOf(admin, app.getKey(), app.getValue()));
                }
                if (lag.values().stream().allMatch(behind -> behind == 0) || Instant.now().isAfter(deadline)) {
                    return lag;
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Records the app's consumer group has still to read of {@code topics} and of its own
     * repartition topics: an app is caught up only when the work it handed itself is done too (a
     * dispatch desk can be minutes behind the router that fed it).
     */
    public static long lagOf(Admin admin, String group, List<Topic<?, ?>> topics) throws Exception {
        List<String> names = new ArrayList<>(topics.stream().map(Topic::topicName).toList());
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(group + "-") && name.endsWith("-repartition"))
                .forEach(names::add);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (var description : admin.describeTopics(names).allTopicNames().get().values()) {
            description.partitions().forEach(p -> ends.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long behind = 0;
        for (var end : admin.listOffsets(ends).all().get().entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long remaining = end.getValue().offset() - (offset == null ? 0 : offset.offset());
            // A repartition topic is written in transactions: its last offset is a commit marker,
            // which the app's committed position may stop short of once it has read every record.
            boolean transactional = end.getKey().topic().endsWith("-repartition");
            behind += transactional ? Math.max(0, remaining - 1) : remaining;
        }
        return behind;
    }

    /**
     * The output topics' keys, the good hot spot's trial days as last published, and any impossible
     * values, once the expected keys are there or the settle time is up.
     */
    private record Outputs(Map<String, Set<String>> keys, Map<String, Map<String, String>> values, Map<String, String> trialDays,
                           List<String> impossible) {
    }

    /**
     * A clean run ({@code expected} empty) waits until every output topic has keys and none new came
     * for {@link #OUTPUT_SETTLE}; a hostile run until every expected key is there with its expected
     * last value. Either gives up at its limit and returns what it has, for the verdict to judge.
     */
    private Outputs awaitOutputs(String bootstrapServers, AppSerdes serdes, Map<String, Set<String>> expected,
                                 Map<String, Map<String, String>> expectedValues) throws Exception {
        Instant deadline = Instant.now().plus(expected.isEmpty() ? CLEAN_OUTPUT_LIMIT : OUTPUT_SETTLE.multipliedBy(4));
        Map<String, Set<String>> previous = Map.of();
        Instant unchangedSince = Instant.now();
        while (true) {
            Outputs outputs = readOutputs(bootstrapServers, serdes);
            if (!outputs.keys.equals(previous)) {
                previous = outputs.keys;
                unchangedSince = Instant.now();
            }
            boolean done = expected.isEmpty()
                    ? OUTPUTS.stream().allMatch(topic -> !outputs.keys.getOrDefault(topic.topicName(), Set.of()).isEmpty())
                            && Instant.now().isAfter(unchangedSince.plus(OUTPUT_SETTLE))
                    : expected.entrySet().stream()
                            .allMatch(e -> outputs.keys.getOrDefault(e.getKey(), Set.of()).containsAll(e.getValue()))
                            && FuzzVerdict.differentValues(expectedValues, outputs.values).isEmpty();
            if (done || Instant.now().isAfter(deadline)) {
                return outputs;
            }
            Thread.sleep(2000);
        }
    }

    private Outputs readOutputs(String bootstrapServers, AppSerdes serdes) {
        Map<String, Set<String>> keys = new TreeMap<>();
        Map<String, Map<String, String>> values = new TreeMap<>();
        Map<String, String> trialDays = new TreeMap<>();
        List<String> impossible = new ArrayList<>();
        for (Topic<?, ?> topic : OUTPUTS) {
            Set<String> seen = new HashSet<>();
            Map<String, String> last = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, topic.topicName())) {
                String key = keyText(serdes, topic, record.key());
                if (key.length() > MAX_KEY_LENGTH) {
                    impossible.add(topic.topicName() + ": a key of " + key.length() + " characters");
                    continue;
                }
                seen.add(key);
                if (!HostileRecords.hostileKey(key) && !VALUES_NOT_COMPARED.contains(topic.topicName())) {
                    last.put(key, valueText(serdes, topic, record.value()));
                }
                impossibleValues(serdes, topic, key, record.value(), impossible);
                if (topic == Topic.HOTSPOT_TRIAL && record.value() != null && !HostileRecords.hostileKey(key)) {
                    trialDays.put(key, trialDay(serdes, record.value()));
                }
            }
            keys.put(topic.topicName(), seen);
            values.put(topic.topicName(), last);
        }
        return new Outputs(keys, values, trialDays, impossible);
    }

    /** A good output's value as the verdict compares it: without the fields two faithful runs may differ in. */
    private static <V extends SpecificRecord> String valueText(AppSerdes serdes, Topic<?, V> topic, byte[] value) {
        if (value == null) {
            return "<tombstone>";
        }
        V decoded = serdes.valueSerde(topic).deserializer().deserialize(topic.topicName(), value);
        return CrashOutputs.canonical(decoded, NOT_COMPARED.getOrDefault(topic, Set.of()));
    }

    /** A trial day's counts and dosage: what the good records alone decide (not when it was last updated). */
    private static String trialDay(AppSerdes serdes, byte[] value) {
        HotSpotDay day = serdes.valueSerde(Topic.HOTSPOT_TRIAL).deserializer().deserialize(Topic.HOTSPOT_TRIAL.topicName(), value);
        return day.getArm() + " counts " + day.getCounts() + ", patrol " + day.getPatrolMinutes() + " min in "
                + day.getPatrolVisits() + " visits";
    }

    private static <K> String keyText(AppSerdes serdes, Topic<K, ?> topic, byte[] key) {
        if (key == null) {
            return "<null>";
        }
        return String.valueOf(serdes.keySerde(topic).deserializer().deserialize(topic.topicName(), key));
    }

    private static void impossibleValues(AppSerdes serdes, Topic<?, ?> topic, String key, byte[] value, List<String> impossible) {
        if (value == null) {
            return;
        }
        if (topic == Topic.RECOMMENDATIONS) {
            Recommendation recommendation = serdes.valueSerde(Topic.RECOMMENDATIONS).deserializer().deserialize(topic.topicName(), value);
            for (Candidate candidate : recommendation.getCandidates()) {
                if (candidate.getPositionAgeSeconds() < 0) {
                    impossible.add(topic + " " + key + ": positionAgeSeconds " + candidate.getPositionAgeSeconds());
                }
                if (!(candidate.getEtaSeconds() >= 0) || Double.isInfinite(candidate.getEtaSeconds())) {
                    impossible.add(topic + " " + key + ": etaSeconds " + candidate.getEtaSeconds());
                }
            }
        } else if (topic == Topic.BACKLOG) {
            BacklogSnapshot snapshot = serdes.valueSerde(Topic.BACKLOG).deserializer().deserialize(topic.topicName(), value);
            for (BacklogEntry entry : snapshot.getEntries()) {
                if (entry.getExpectedServiceMinutes() != null && entry.getExpectedServiceMinutes() < 0) {
                    impossible.add(topic + " " + key + ": expectedServiceMinutes " + entry.getExpectedServiceMinutes());
                }
            }
        } else if (topic == Topic.RESPONSE_KPIS) {
            ResponseKpi kpi = serdes.valueSerde(Topic.RESPONSE_KPIS).deserializer().deserialize(topic.topicName(), value);
            if (kpi.getMedianSeconds() != null && !(kpi.getMedianSeconds() >= 0)) {
                impossible.add(topic + " " + key + ": medianSeconds " + kpi.getMedianSeconds());
            }
        }
    }

    /** What became of the decodable hostile records: counts per topic and fate, and those that should have had an output. */
    private record Fates(SortedMap<String, SortedMap<String, Integer>> counts, List<String> unprocessed) {
    }

    /**
     * Each decodable hostile record (a hostile value or timestamp, a duplicate) is processed or
     * dead-lettered by each app that reads its topic; counted per topic as {@code KIND processed},
     * {@code KIND dead-lettered} (by every reader) or {@code KIND dead-lettered by APP} (by some,
     * the others processed it). Where one record has an output of its own, it must be there: a
     * reported incident of a recommended grade that dispatch took is recommended (or told there is
     * no candidate) under its own id.
     */
    private static Fates fates(Sent sent, DeadLetters deadLetters, AppSerdes serdes, Outputs outputs) {
        SortedMap<String, SortedMap<String, Integer>> counts = new TreeMap<>();
        List<String> unprocessed = new ArrayList<>();
        Set<String> recommended = outputs.keys.getOrDefault(Topic.RECOMMENDATIONS.topicName(), Set.of());
        for (Landed landed : sent.hostile) {
            if (landed.record.kind().undecodable()) {
                continue;
            }
            Topic<?, ?> topic = landed.record.topic();
            List<String> readers = readersOf(topic);
            List<String> deadLettering = readers.stream()
                    .filter(app -> deadLetters.contains(app, topic.topicName(), landed.partition, landed.offset)).toList();
            String fate = deadLettering.isEmpty() ? "processed"
                    : deadLettering.size() == readers.size() ? "dead-lettered"
                    : "dead-lettered by " + String.join(", ", deadLettering);
            counts.computeIfAbsent(topic.topicName(), t -> new TreeMap<>()).merge(landed.record.kind() + " " + fate, 1, Integer::sum);
            if (topic == Topic.INCIDENTS && !deadLettering.contains(DispatchApp.APPLICATION_ID)) {
                IncidentEvent incident = serdes.valueSerde(Topic.INCIDENTS).deserializer()
                        .deserialize(topic.topicName(), landed.record.value());
                if (incident.getEventType() == IncidentEventType.REPORTED && incident.getGrade() >= 1 && incident.getGrade() <= 2
                        && !recommended.contains(incident.getIncidentId())) {
                    unprocessed.add(topic + "-" + landed.partition + "@" + landed.offset + " " + landed.record.kind()
                            + ": incident " + abbreviated(incident.getIncidentId()) + " neither recommended nor dead-lettered by dispatch");
                }
            }
        }
        return new Fates(counts, unprocessed);
    }

    private static List<String> readersOf(Topic<?, ?> topic) {
        List<String> readers = new ArrayList<>(GLOBAL_READERS.getOrDefault(topic, List.of()));
        READERS.forEach((app, topics) -> {
            if (topics.contains(topic)) {
                readers.add(app);
            }
        });
        return readers;
    }

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }

    /** Undecodable hostile records that an app reading their topic did not dead-letter. */
    private static List<String> notDeadLettered(Sent sent, DeadLetters deadLetters) {
        List<String> missing = new ArrayList<>();
        for (Landed landed : sent.hostile) {
            if (!landed.record.kind().undecodable()) {
                continue;
            }
            Topic<?, ?> topic = landed.record.topic();
            for (String app : readersOf(topic)) {
                if (!deadLetters.contains(app, topic.topicName(), landed.partition, landed.offset)) {
                    missing.add(app + " " + topic + "-" + landed.partition + "@" + landed.offset + " " + landed.record.kind());
                }
            }
        }
        return missing;
    }

    /**
     * Topics that are neither provisioned (a topic or its dead-letter topic) nor an app's own (its
     * internal topics, its fallback dead-letter topic).
     */
    private static List<String> unexpectedTopics(String bootstrapServers) throws Exception {
        Set<String> provisioned = new HashSet<>();
        Topic.all().forEach(topic -> {
            provisioned.add(topic.topicName());
            provisioned.add(topic.dlqName());
        });
        READERS.keySet().forEach(app -> provisioned.add(DeadLetterTopics.fallback(app)));
        provisioned.add(LocalStackConfig.SCHEMAS_TOPIC);
        List<String> unexpected = new ArrayList<>();
        try (Admin admin = admin(bootstrapServers)) {
            for (String name : admin.listTopics().names().get()) {
                boolean internal = name.startsWith("bluelight-") && (name.endsWith("-changelog") || name.endsWith("-repartition"));
                if (!provisioned.contains(name) && !internal) {
                    unexpected.add(name);
                }
            }
        }
        Collections.sort(unexpected);
        return unexpected;
    }

    private static List<String> unhealthy(int httpPortBase) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> unhealthy = new ArrayList<>();
        String[] apps = {DispatchApp.APPLICATION_ID, CoverageApp.APPLICATION_ID, MetricsApp.APPLICATION_ID};
        for (int i = 0; i < apps.length; i++) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (httpPortBase + i) + "/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() != 200) {
                    unhealthy.add(apps[i] + " " + health.statusCode() + " " + health.body());
                }
            } catch (IOException e) {
                unhealthy.add(apps[i] + " " + e);
            }
        }
        return unhealthy;
    }

    /** A producer of raw records with acks=all (idempotent); with {@code oneRecordPerBatch}, no record shares a batch. */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, boolean oneRecordPerBatch) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "2000000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, oneRecordPerBatch ? "0" : "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, oneRecordPerBatch ? "0" : "16384");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static Admin admin(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }
}
