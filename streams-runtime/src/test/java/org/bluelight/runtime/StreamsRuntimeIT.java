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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.MissingDeadLetterTopicsException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.Validate;
import org.bluelight.runtime.http.JsonReply;
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
 * dead-letter topic, and writes the rest to {@value #ON_MAP}, under exactly-once.
 */
class StreamsRuntimeIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    private static final String INPUT = Topic.TELEMATICS.topicName();
    private static final String DLQ = Topic.TELEMATICS.dlqName();
    private static final String ON_MAP = "it.positions-on-map";
    private static final Duration WAIT = Duration.ofSeconds(30);

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
        builder.stream(INPUT, context.serdes().consumed(Topic.TELEMATICS, String.class, PositionFix.class))
                .processValues(Validate.<String, PositionFix, PositionFix>with(fix -> {
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

    private StreamsAppConfig config(String applicationId) {
        return StreamsAppConfig.from(ConfigSource.of(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registryUrl(),
                "state.dir", stateDir.toString(),
                "shutdown.timeout.ms", "10000")), applicationId, 0);
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
