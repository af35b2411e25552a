package org.bluelight.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.MissingDeadLetterTopicsException;
import org.bluelight.runtime.deadletter.PoisonRecordGuard;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.http.JsonReply;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small app on streams-runtime against a real broker and a real schema registry: it reads
 * {@code officer.telematics} (Avro {@link PositionFix}), drops fixes off the map into the
 * dead-letter topic, and writes the rest to {@value #ON_MAP}, under exactly-once. Then the
 * dead-letter path on hostile input, on a broker that never creates a topic on its own: letters
 * reach the source topic's {@code .dlq} (or the app's fallback) even after a repartition or for a
 * changelog write, big ones are cut to fit, none goes to a dead-letter topic of a dead-letter or
 * internal topic, and the counter follows committed letters.
 */
class StreamsRuntimeIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    private static final String INPUT = Topic.TELEMATICS.topicName();
    private static final String DLQ = Topic.TELEMATICS.dlqName();
    private static final String ON_MAP = "it.positions-on-map";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Set by a test to make its topology fail once, transiently, on a record. */
    private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

    private static SchemaRegistryServer registry;
    private static RegistryClient registryClient;

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startRegistry() throws Exception {
        KAFKA.createTopics(1, INPUT, DLQ, ON_MAP);
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        registryClient = new RegistryClient(RegistryClientConfig.of(registryUrl()));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** Fixes inside a box around Greater Manchester are on the map. */
    static Topology onMapTopology(AppContext context) {
        Serde<PositionFix> fixes = context.serdes().value(PositionFix.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, context.serdes().consumed(Topic.TELEMATICS))
                .processValues(RecordCheck.<String, PositionFix, PositionFix>with((key, fix, recordTime) -> {
                    GeoPoint p = fix.getPosition();
                    boolean onMap = p.getLat() > 53.3 && p.getLat() < 53.7 && p.getLon() > -2.8 && p.getLon() < -1.9;
                    return onMap ? Result.valid(fix)
                            : Result.invalid("position-outside-map", p.getLat() + "," + p.getLon() + " is off the map");
                }))
                .to(ON_MAP, Produced.with(Serdes.String(), fixes));
        return builder.build();
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndTheNextGoodRecordIsProcessedExactlyOnce() throws Exception {
        StreamsAppConfig config = config("it-dead-letters");
        try (StreamsApp app = new StreamsApp(config, StreamsRuntimeIT::onMapTopology)) {
            app.start();
            await(() -> app.state() == KafkaStreams.State.RUNNING, "app RUNNING");

            byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
            byte[] offMap = avro(fix("PC-3", 51.5, -0.1));
            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(INPUT, "PC-1", garbage)).get();
                producer.send(new ProducerRecord<>(INPUT, "PC-2", avro(fix("PC-2", 53.48, -2.24)))).get();
                producer.send(new ProducerRecord<>(INPUT, "PC-3", offMap)).get();
                producer.send(new ProducerRecord<>(INPUT, "PC-4", avro(fix("PC-4", 53.41, -2.15)))).get();
            }

            List<ConsumerRecord<String, byte[]>> onMap = readCommitted(ON_MAP, 2);
            assertThat(onMap).extracting(ConsumerRecord::key).containsExactly("PC-2", "PC-4");
            PositionFix first = AvroSerdes.value(PositionFix.class, registryClient).deserializer()
                    .deserialize(ON_MAP, onMap.get(0).value());
            assertThat(first.getPosition().getLat()).isCloseTo(53.48, within(1e-9));

            List<ConsumerRecord<String, byte[]>> letters = readCommitted(DLQ, 2);
            ConsumerRecord<String, byte[]> unreadable = letters.get(0);
            assertThat(unreadable.key()).isEqualTo("PC-1");
            assertThat(unreadable.value()).isEqualTo(garbage);
            assertThat(header(unreadable, DeadLetterHeaders.REASON)).isEqualTo("wrong-magic-byte");
            assertThat(header(unreadable, DeadLetterHeaders.STAGE)).isEqualTo("deserialization");
            assertThat(header(unreadable, DeadLetterHeaders.TOPIC)).isEqualTo(INPUT);
            assertThat(header(unreadable, DeadLetterHeaders.OFFSET)).isEqualTo("0");
            assertThat(header(unreadable, DeadLetterHeaders.APPLICATION_ID)).isEqualTo("it-dead-letters");
            assertThat(header(unreadable, DeadLetterHeaders.MESSAGE)).contains(INPUT);
            ConsumerRecord<String, byte[]> offTheMap = letters.get(1);
            assertThat(offTheMap.key()).isEqualTo("PC-3");
            assertThat(offTheMap.value()).isEqualTo(offMap);
            assertThat(header(offTheMap, DeadLetterHeaders.REASON)).isEqualTo("position-outside-map");
            assertThat(header(offTheMap, DeadLetterHeaders.MESSAGE)).isEqualTo("51.5,-0.1 is off the map");

            // Counted once their transaction has committed, which a reader may see a moment before.
            await(() -> deadLetterCount(app, "position-outside-map") > 0, "dead letters counted");
            assertThat(deadLetterCount(app, "wrong-magic-byte")).isEqualTo(1.0);
            assertThat(deadLetterCount(app, "position-outside-map")).isEqualTo(1.0);

            HttpResponse<String> health = get(app, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"state\":\"RUNNING\"");
            HttpResponse<String> metrics = get(app, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("kafka_stream_")
                    .contains("jvm_memory_used_bytes")
                    .containsPattern("bluelight_dead_letters_total\\{[^}]*reason=\"wrong-magic-byte\"[^}]*topic=\""
                            + INPUT.replace(".", "\\.") + "\"[^}]*} 1\\.0");
        }
    }

    @Test
    void closingStopsStreamsThenHttpAndRunReturns() throws Exception {
        KAFKA.createTopics(1, "it.lifecycle-in", "it.lifecycle-in.dlq", "it.lifecycle-out");
        StreamsApp app = new StreamsApp(config("it-lifecycle"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("it.lifecycle-in", Consumed.with(Serdes.String(), Serdes.String())).to("it.lifecycle-out");
            return builder.build();
        });
        CompletableFuture<KafkaStreams.State> run = CompletableFuture.supplyAsync(() -> {
            try {
                return app.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> app.state() == KafkaStreams.State.RUNNING, "app RUNNING");
        int port = app.httpPort();
        assertThat(get(app, "/health").statusCode()).isEqualTo(200);

        app.close();

        assertThat(run.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(app.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void aBadRecordInAGlobalStoreIsCountedAndSkippedAndTheStoreIsQueryableOverHttp() throws Exception {
        KAFKA.createTopics(1, "it.limits");
        try (StreamsApp app = new StreamsApp(config("it-global"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.globalTable("it.limits", Consumed.with(Serdes.String(), Serdes.Long()), Materialized.as("limits"));
            return builder.build();
        })) {
            app.route("/limits", query -> {
                ReadOnlyKeyValueStore<String, Long> limits = app.streams().store(
                        StoreQueryParameters.fromNameAndType("limits", QueryableStoreTypes.keyValueStore()));
                String area = query.subPath().orElse("");
                Long limit = limits.get(area);
                return limit == null ? JsonReply.notFound("no limit for " + area)
                        : JsonReply.ok(Map.of("area", area, "limit", limit));
            });
            app.start();
            await(() -> app.state() == KafkaStreams.State.RUNNING, "app RUNNING");

            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>("it.limits", "north", "junk".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>("it.limits", "south",
                        Serdes.Long().serializer().serialize("it.limits", 40L))).get();
            }

            await(() -> {
                try {
                    return get(app, "/limits/south").statusCode() == 200;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }, "south limit queryable");
            assertThat(get(app, "/limits/south").body()).contains("\"limit\":40");
            assertThat(get(app, "/limits/north").statusCode()).isEqualTo(404);
            assertThat(app.meterRegistry().find(DeadLetterQueue.COUNTER)
                    .tags("topic", "it.limits", "reason", "SerializationException", "stage", "deserialization")
                    .counter().count()).isEqualTo(1.0);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void startingWithoutTheDeadLetterTopicIsAClearError() {
        String input = "it.no-dead-letter-topic";
        KAFKA.createTopics(1, input);
        try (StreamsApp app = new StreamsApp(config("it-missing-dlq"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input).to(ON_MAP);
            return builder.build();
        })) {
            assertThatThrownBy(app::start)
                    .isInstanceOf(MissingDeadLetterTopicsException.class)
                    .hasMessageContaining(input + ".dlq");
            assertThat(app.state()).isEqualTo(KafkaStreams.State.CREATED);
        }
    }

    @Test
    void aBadRecordOverTheRequestSizeIsDeadLetteredCutToFitAndTheAppGoesOn() throws Exception {
        String input = "big.in";
        KAFKA.adminClient().createTopics(List.of(new NewTopic(input, 1, (short) 1)
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024)))))
                .all().get(30, TimeUnit.SECONDS);
        KAFKA.createTopics(1, input + ".dlq", "big.out");
        String huge = "bad" + "x".repeat(1_500_000);
        try (StreamsApp app = new StreamsApp(config("it-big"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                    .processValues(badValuesRefused())
                    .to("big.out", Produced.with(Serdes.String(), Serdes.String()));
            return builder.build();
        })) {
            start(app);

            send(input, "PC-1", huge);
            send(input, "PC-2", "good");

            assertThat(readCommitted("big.out", 1)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("good");
            ConsumerRecord<String, byte[]> letter = readCommitted(input + ".dlq", 1).get(0);
            assertThat(letter.value().length).isLessThan(1_048_576).isGreaterThan(1_000_000);
            assertThat(header(letter, DeadLetterHeaders.TRUNCATED)).isEqualTo("value");
            assertThat(header(letter, DeadLetterHeaders.ORIGINAL_VALUE_SIZE)).isEqualTo(Integer.toString(huge.length()));
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("bad-value");
            assertNoDeadLetterTopicOfADeadLetterOrInternalTopic();
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void aRecordThatFailsAfterARepartitionIsDeadLetteredToItsSourceTopicSayingWhereItCameFrom() throws Exception {
        String input = "rp.in";
        KAFKA.createTopics(1, input, input + ".dlq", "rp.out");
        try (StreamsApp app = new StreamsApp(config("it-rekey"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                    .selectKey((key, value) -> value.substring(0, 1))
                    .repartition(Repartitioned.<String, String>as("by-first").withKeySerde(Serdes.String())
                            .withValueSerde(Serdes.String()))
                    .processValues(badValuesRefused())
                    .to("rp.out", Produced.with(Serdes.String(), Serdes.String()));
            return builder.build();
        })) {
            start(app);

            send(input, "PC-1", "good one");
            send(input, "PC-2", "bad two");
            send(input, "PC-3", "good three");

            assertThat(readCommitted("rp.out", 2)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("good one", "good three");
            ConsumerRecord<String, byte[]> letter = readCommitted(input + ".dlq", 1).get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("bad two");
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(input);
            assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
            assertThat(header(letter, DeadLetterHeaders.BYTES_FROM)).isEqualTo("it-rekey-by-first-repartition");
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("bad-value");
            assertNoDeadLetterTopicOfADeadLetterOrInternalTopic();
        }
    }

    @Test
    void aStoreUpdateTooLargeForItsChangelogFromAPunctuationGoesToTheFallbackWithAClearReason() throws Exception {
        String input = "cl.in";
        KAFKA.createTopics(1, input, input + ".dlq", "cl.out");
        try (StreamsApp app = new StreamsApp(config("it-timer"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("totals"),
                    Serdes.String(), Serdes.String()).withCachingDisabled());
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                    .process(GrowsOnTimer::new, "totals")
                    .to("cl.out", Produced.with(Serdes.String(), Serdes.String()));
            return builder.build();
        })) {
            start(app);
            assertThat(app.fallbackDeadLetterTopic()).isEqualTo("it-timer.dlq");

            send(input, "grow", "now");
            ConsumerRecord<String, byte[]> letter = readCommitted("it-timer.dlq", 1).get(0);
            send(input, "PC-1", "after");

            assertThat(readCommitted("cl.out", 2)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("now", "after");
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("record-too-large");
            assertThat(header(letter, DeadLetterHeaders.OUTPUT_TOPIC)).isEqualTo("it-timer-totals-changelog");
            assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("production");
            assertThat(header(letter, DeadLetterHeaders.TRUNCATED)).isEqualTo("value");
            assertNoDeadLetterTopicOfADeadLetterOrInternalTopic();
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void deadLettersOfAnAbortedTransactionAreNotCounted() throws Exception {
        String input = "tx.in";
        KAFKA.createTopics(1, input, input + ".dlq", "tx.out");
        FAIL_ONCE.set(true);
        try (StreamsApp app = new StreamsApp(config("it-abort", "commit.interval.ms", "3000",
                // A replaced stream thread waits for the dead one's session to expire (45 s by default).
                "kafka.session.timeout.ms", "6000"), context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                    .processValues(badValuesRefused())
                    .mapValues(value -> {
                        // The broker "briefly short of replicas" once: the thread fails and its transaction aborts.
                        if (value.equals("fails once") && FAIL_ONCE.getAndSet(false)) {
                            throw new NotEnoughReplicasException("transient, try again");
                        }
                        return value;
                    })
                    .to("tx.out", Produced.with(Serdes.String(), Serdes.String()));
            return builder.build();
        })) {
            start(app);

            try (KafkaProducer<String, String> producer = textProducer()) {
                producer.send(new ProducerRecord<>(input, "PC-1", "bad first"));
                producer.send(new ProducerRecord<>(input, "PC-2", "fails once"));
                producer.flush();
            }

            assertThat(readCommitted("tx.out", 1)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("fails once");
            assertThat(readCommitted(input + ".dlq", 1)).hasSize(1);
            await(() -> deadLettersCountedFor(app, input) >= 1.0, "the committed letter counted");
            assertThat(FAIL_ONCE).isFalse();
            assertThat(deadLettersCountedFor(app, input)).isEqualTo(1.0);
        }
    }

    @Test
    void aRecordThatKeepsKillingItsStreamThreadIsDeadLetteredAsPoisonAndTheRecordsAfterItAreProcessed() throws Exception {
        String input = "poison.in";
        KAFKA.createTopics(1, input, input + ".dlq", "poison.out");
        try (StreamsApp app = new StreamsApp(config("it-poison"), context -> {
            StreamsBuilder builder = PoisonRecordGuard.streamsBuilder();
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                    // A hostile value that recurses without end: a StackOverflowError, which no exception handler sees.
                    .mapValues(value -> value.equals("deep") ? Integer.toString(descend(0)) : value)
                    .to("poison.out", Produced.with(Serdes.String(), Serdes.String()));
            return builder.build();
        })) {
            start(app);
            long started = System.nanoTime();

            try (KafkaProducer<String, String> producer = textProducer()) {
                producer.send(new ProducerRecord<>(input, "PC-1", "before"));
                producer.send(new ProducerRecord<>(input, "PC-2", "deep"));
                producer.send(new ProducerRecord<>(input, "PC-3", "after"));
                producer.flush();
            }

            List<ConsumerRecord<String, byte[]>> letters = readCommitted(input + ".dlq", 1);
            ConsumerRecord<String, byte[]> poison = letters.get(0);
            assertThat(poison.key()).isEqualTo("PC-2");
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("deep");
            assertThat(header(poison, DeadLetterHeaders.REASON)).isEqualTo("poison-record");
            assertThat(header(poison, DeadLetterHeaders.STAGE)).isEqualTo("processing");
            assertThat(header(poison, DeadLetterHeaders.OFFSET)).isEqualTo("1");
            assertThat(header(poison, DeadLetterHeaders.MESSAGE)).contains("failed its task 3 times").contains("StackOverflowError");
            assertThat(readCommitted("poison.out", 2)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                    .containsExactly("before", "after");
            System.out.printf("Poison record dead-lettered %.1f s after it was sent%n", (System.nanoTime() - started) / 1e9);
            await(() -> app.state() == KafkaStreams.State.RUNNING, "app RUNNING after its threads were replaced");
            assertThat(Files.readString(stateDir.resolve("it-poison.attempts"))).contains(input + "\t0\t1\t3\t");
        }
    }

    private static int descend(int depth) {
        return descend(depth + 1) + 1;
    }

    /** Stores each record; a timer then grows the {@code grow} entry past what its changelog may hold. */
    private static final class GrowsOnTimer implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> totals;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            totals = context.getStateStore("totals");
            context.schedule(Duration.ofMillis(200), PunctuationType.WALL_CLOCK_TIME, now -> {
                if ("now".equals(totals.get("grow"))) {
                    totals.put("grow", "y".repeat(2_000_000));
                }
            });
        }

        @Override
        public void process(Record<String, String> record) {
            totals.put(record.key(), record.value());
            context.forward(record);
        }
    }

    private static RecordCheck<String, String, String> badValuesRefused() {
        return RecordCheck.with((key, value, time) -> value.startsWith("bad")
                ? Result.invalid("bad-value", "the value starts with bad") : Result.valid(value));
    }

    private StreamsAppConfig config(String applicationId, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registryUrl(),
                "state.dir", stateDir.toString(),
                "shutdown.timeout.ms", "10000"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return StreamsAppConfig.from(ConfigSource.of(settings), applicationId, 0);
    }

    private static void start(StreamsApp app) throws InterruptedException {
        app.start();
        await(() -> app.state() == KafkaStreams.State.RUNNING, "app RUNNING");
    }

    private static void assertNoDeadLetterTopicOfADeadLetterOrInternalTopic() throws Exception {
        Set<String> topics = KAFKA.adminClient().listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(topics).noneMatch(topic -> topic.endsWith(".dlq.dlq") || topic.endsWith("-repartition.dlq")
                || topic.endsWith("-changelog.dlq"));
    }

    private static double deadLettersCountedFor(StreamsApp app, String topic) {
        return app.meterRegistry().find(DeadLetterQueue.COUNTER).tags("topic", topic).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = textProducer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** A producer of text records up to 4 MiB. */
    private static KafkaProducer<String, String> textProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static String registryUrl() {
        return registry.uri().toString();
    }

    private static PositionFix fix(String officer, double lat, double lon) {
        return PositionFix.newBuilder()
                .setOfficerId(officer)
                .setFixedAt(Instant.parse("2024-05-01T10:00:00Z"))
                .setPosition(GeoPoint.newBuilder().setLat(lat).setLon(lon).build())
                .build();
    }

    private static byte[] avro(PositionFix fix) {
        return AvroSerdes.value(PositionFix.class, registryClient).serializer().serialize(INPUT, fix);
    }

    private static double deadLetterCount(StreamsApp app, String reason) {
        var counter = app.meterRegistry().find(DeadLetterQueue.COUNTER).tags("topic", INPUT, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> get(StreamsApp app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + topic + "-" + System.nanoTime());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // A little longer, so a duplicate would show.
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        }
        assertThat(records).as("committed records on " + topic).hasSize(expected);
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
