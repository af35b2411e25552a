package org.bluelight.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
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
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.Validate;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter path against a real broker that never creates a topic on its own, under
 * exactly-once: letters reach the source topic's {@code .dlq} (or the app's fallback) even after a
 * repartition or from a punctuation, big ones are cut to fit, none is ever written to a
 * dead-letter topic of a dead-letter or internal topic, and the counter follows committed letters.
 */
class DeadLetterPathIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    private static final Duration WAIT = Duration.ofSeconds(45);
    /** Set by a test to make its topology fail once, transiently, on a record. */
    private static final AtomicBoolean FAIL_ONCE = new AtomicBoolean();

    private static SchemaRegistryServer registry;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
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
        try (StreamsApp app = new StreamsApp(config("it-abort", "commit.interval.ms", "3000"), context -> {
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

            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>(input, "PC-1", "bad first"));
                producer.send(new ProducerRecord<>(input, "PC-2", "fails once"));
                producer.flush();
            }

            assertThat(readCommitted("tx.out", 1)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("fails once");
            assertThat(readCommitted(input + ".dlq", 1)).hasSize(1);
            await(() -> deadLetterCount(app, input) >= 1.0, "the committed letter counted");
            assertThat(FAIL_ONCE).isFalse();
            assertThat(deadLetterCount(app, input)).isEqualTo(1.0);
        }
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

    private static Validate<String, String, String> badValuesRefused() {
        return Validate.with(value -> value.startsWith("bad")
                ? Result.invalid("bad-value", "the value starts with bad") : Result.valid(value));
    }

    private StreamsAppConfig config(String applicationId, String... more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "application.id", applicationId,
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "state.dir", stateDir.toString(),
                "shutdown.timeout.ms", "10000",
                // A replaced stream thread waits for the dead one's session to expire (45 s by default).
                "kafka.session.timeout.ms", "6000",
                "kafka.consumer.max.partition.fetch.bytes", Integer.toString(4 * 1024 * 1024)));
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

    private static double deadLetterCount(StreamsApp app, String topic) {
        return app.meterRegistry().find(DeadLetterQueue.COUNTER).tags("topic", topic).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
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
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
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
