package org.bluelight.ops.bench.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.RecordMetadata;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.ops.bench.Rerun;
import org.bluelight.ops.cli.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench metrics}: end-to-end throughput of the metrics app on a running cluster (e.g.
 * {@code ./bluelight local}). Writes {@code --incidents} incidents, each with an officer's arrival
 * and return to availability, then starts the metrics app (exactly-once, registry serdes, as
 * {@code MetricsApp.main}) under a fresh application id whose input offsets start at these
 * records, and times it until every measured response is in the published hourly KPIs.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Throughput of the metrics app: N incidents (plus 2 statuses each) in, response KPIs out; prints records/s.")
public final class BenchMetricsCommand implements Callable<Integer> {

    /** The app's input topics: their offsets for the bench's application id start at the bench's own records. */
    private static final List<Topic> INPUTS = List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.CRIME_RECORDS,
            Topic.CUSTODY_RECORDS, Topic.TELEMATICS, Topic.ASSIGNMENTS, Topic.TRIAL_ALLOCATIONS);

    @Spec
    CommandSpec spec;

    @Option(names = "--incidents", defaultValue = "100000", description = "Incidents to write (default: ${DEFAULT-VALUE}).")
    int incidents;

    @Option(names = "--groups", defaultValue = "8", description = "Dispatch groups they are spread over (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--officers-per-group", defaultValue = "40", description = "Officers per group (default: ${DEFAULT-VALUE}).")
    int officersPerGroup;

    @Option(names = "--timeout", defaultValue = "PT20M", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--state-dir", defaultValue = "target/bench-metrics-state", description = "Kafka Streams state (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Mixin
    KafkaOptions kafka;

    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    @Override
    public Integer call() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String applicationId = "bench-metrics-" + run;
        AppSerdes serdes = AppSerdes.connect(RegistryClientConfig.of(kafka.registryUrl()));
        // Event time ends before now: brokers refuse timestamps more than an hour ahead (log.message.timestamp.after.max.ms).
        Instant start = Instant.now().minusSeconds(2L * incidents + 7200).truncatedTo(ChronoUnit.HOURS);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, Long> inputEnds = endOffsets(admin, INPUTS.stream().map(Topic::topicName).toList());
            admin.alterConsumerGroupOffsets(applicationId, inputEnds.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
            Map<TopicPartition, Long> kpiStart = endOffsets(admin, List.of(Topic.RESPONSE_KPIS.topicName()));

            long produceStart = System.nanoTime();
            Map<String, Long> expected = produce(serdes, run, start);
            if (failedSends.get() > 0) {
                System.err.printf("%,d records could not be written: %s%n", failedSends.get(), firstFailure.get());
                return 1;
            }
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            long records = incidents * 3L;
            System.out.printf("Wrote %,d records (%,d incidents, %,d statuses) in %.1f s (%,.0f records/s)%n",
                    records, incidents, incidents * 2L, produceSeconds, records / produceSeconds);

            Path state = Files.createDirectories(stateDir.resolve(applicationId));
            ConfigSource source = ConfigSource.of(Map.of(
                    "application.id", applicationId,
                    "bootstrap.servers", kafka.bootstrapServers(),
                    "schema.registry.url", kafka.registryUrl(),
                    "processing.guarantee", "exactly_once_v2",
                    // The bench replays days of event time in one burst; while catching up, partitions
                    // interleave hours apart, so KPI windows stay open for the whole replay.
                    "response.window.grace.ms", String.valueOf(java.time.Duration.ofDays(7).toMillis()),
                    "state.dir", state.toString(),
                    "http.port", "0"));
            long appStart = System.nanoTime();
            try (StreamsApp app = MetricsApp.create(StreamsAppConfig.from(source, applicationId, 0),
                    MetricsApp.settings(source), 4042, Clock.systemUTC()).start();
                 KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                consumer.assign(kpiStart.keySet());
                kpiStart.forEach(consumer::seek);
                Map<String, Long> seen = new HashMap<>();
                Instant deadline = Instant.now().plus(timeout);
                while (!seen.equals(expected)) {
                    if (Instant.now().isAfter(deadline) || app.state() == KafkaStreams.State.ERROR) {
                        System.err.printf("Gave up after %s (app %s): %,d of %,d measured responses in the KPIs%n", timeout,
                                app.state(), seen.values().stream().mapToLong(Long::longValue).sum(), incidents);
                        return 1;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        ResponseKpi kpi = serdes.valueSerde(Topic.RESPONSE_KPIS)
                                .deserializer().deserialize(Topic.RESPONSE_KPIS.topicName(), record.value());
                        if (kpi.getWindowSize() == KpiWindow.HOUR && kpi.getDispatchGroup().startsWith(run)) {
                            seen.put(hourKey(kpi.getDispatchGroup(), kpi.getGrade(), kpi.getWindowStart()), kpi.getCount());
                        }
                    }
                }
                double seconds = (System.nanoTime() - appStart) / 1e9;
                System.out.printf("Metrics app (%s, exactly_once_v2): %,d records in %.1f s end to end = %,.0f records/s (%,.0f incidents/s)%n",
                        applicationId, records, seconds, records / seconds, incidents / seconds);
                System.out.printf("rerun: %s%n", Rerun.line(spec));
            }
        }
        return 0;
    }

    /** Writes the incidents and statuses; returns the count of responses expected per group, grade and hour. */
    private Map<String, Long> produce(AppSerdes serdes, String run, Instant start) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Map<String, Long> expected = new HashMap<>();
        try (KafkaProducer<String, IncidentEvent> incidentProducer = new KafkaProducer<>(props, new StringSerializer(),
                     serdes.valueSerde(Topic.INCIDENTS).serializer());
             KafkaProducer<String, OfficerStatus> statusProducer = new KafkaProducer<>(props, new StringSerializer(),
                     serdes.valueSerde(Topic.OFFICER_STATUS).serializer())) {
            for (int i = 0; i < incidents; i++) {
                // One incident every 2 s across the force; an officer arrives 4 to 20 minutes later.
                Instant reported = start.plusSeconds(2L * i);
                String group = run + "-G" + (i % groups);
                int grade = 1 + (i % 3 == 0 ? 1 : 0);
                String incidentId = run + "-I" + i;
                String officerId = group + "-O" + ((i / groups) % officersPerGroup);
                Instant arrived = reported.plusSeconds(240 + (i * 7919L) % 960);
                incidentProducer.send(new ProducerRecord<>(Topic.INCIDENTS.topicName(), null, reported.toEpochMilli(), incidentId,
                        IncidentEvent.newBuilder().setIncidentId(incidentId).setEventType(IncidentEventType.REPORTED)
                                .setOccurredAt(reported).setReportedAt(reported).setGrade(grade)
                                .setCategory(i % 2 == 0 ? IncidentCategory.THEFT : IncidentCategory.VIOLENCE_WITH_INJURY)
                                .setRecordedCrime(true).setLocation(new GeoPoint(51.70 + (i % 100) * 0.001, -1.30 + (i % 97) * 0.001))
                                .setDispatchGroup(group).setOriginatorPersonId(run + "-P" + (i % 5000)).build()), this::sent);
                statusProducer.send(new ProducerRecord<>(Topic.OFFICER_STATUS.topicName(), null, arrived.toEpochMilli(), officerId,
                        status(officerId, group, OfficerState.ON_SCENE, incidentId, arrived)), this::sent);
                Instant free = arrived.plusSeconds(1800);
                statusProducer.send(new ProducerRecord<>(Topic.OFFICER_STATUS.topicName(), null, free.toEpochMilli(), officerId,
                        status(officerId, group, OfficerState.AVAILABLE, null, free)), this::sent);
                Instant hour = arrived.truncatedTo(ChronoUnit.HOURS);
                expected.merge(hourKey(group, grade, hour), 1L, Long::sum);
            }
        }
        return expected;
    }

    private void sent(RecordMetadata metadata, Exception failure) {
        if (failure != null && failedSends.getAndIncrement() == 0) {
            firstFailure.set(failure.toString());
        }
    }

    private static OfficerStatus status(String officerId, String group, OfficerState state, String incidentId, Instant at) {
        return OfficerStatus.newBuilder().setOfficerId(officerId).setCallSign(officerId).setState(state).setChangedAt(at)
                .setDispatchGroup(group).setIncidentId(incidentId).build();
    }

    /** KPI hours are local hours; Europe/London hours start on the UTC hour. */
    private static String hourKey(String group, int grade, Instant hourStart) {
        return group + "|" + grade + "|" + hourStart;
    }

    /** The end offset of every partition of {@code topics}. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
