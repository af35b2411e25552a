package org.bluelight.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter path on hostile input, run by {@link TopologyTestDriver} with the app's streams
 * configuration: it never throws, never names a dead-letter topic of a dead-letter or internal
 * topic, says what is wrong with a record with no key or no value, and fits big records into a
 * Kafka request.
 */
class DeadLetterPathTest {

    private static final String APP = "path-test";
    private static final String INPUT = "readings";
    private static final String OUTPUT = "out";

    @TempDir
    Path stateDir;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetterQueue queue = new DeadLetterQueue(APP, true, meters);
    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void aTombstoneAndARecordWithNoKeyAreDeadLetteredSayingSo() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues((key, value) -> key.trim() + value.trim())
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        start(builder.build());
        TestInputTopic<String, String> input = driver.createInputTopic(INPUT, Serdes.String().serializer(),
                Serdes.String().serializer());

        input.pipeInput("PC-1", (String) null);
        input.pipeInput(null, "on patrol");
        input.pipeInput("PC-2", "on patrol");

        assertThat(output().readKeyValuesToList()).hasSize(1);
        assertThat(deadLetters(INPUT + ".dlq")).extracting(letter -> header(letter, DeadLetterHeaders.REASON))
                .containsExactly("tombstone", "null-key");
        assertThat(count(INPUT, "tombstone")).isEqualTo(1.0);
        assertThat(count(INPUT, "null-key")).isEqualTo(1.0);
    }

    @Test
    void aPunctuationThatFailsIsCountedAndLoggedAndTheAppGoesOn() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, String, String>() {
                    private ProcessorContext<String, String> context;

                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        this.context = context;
                        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> {
                            throw new IllegalStateException("timed check broke on poisoned state");
                        });
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        context.forward(record);
                    }
                })
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        start(builder.build());
        TestInputTopic<String, String> input = driver.createInputTopic(INPUT, Serdes.String().serializer(),
                Serdes.String().serializer());

        input.pipeInput("PC-1", "before");
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        input.pipeInput("PC-2", "after");

        assertThat(output().readValuesToList()).containsExactly("before", "after");
        assertThat(count(DeadLetter.UNKNOWN_SOURCE, "IllegalStateException")).isEqualTo(1.0);
    }

    @Test
    void aRecordOfAnInternalTopicWithNoSourceStampGoesToTheAppsFallbackNotToAnInternalDlq() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .repartition(Repartitioned.<String, String>as("by-officer").withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.String()))
                .processValues(badValuesRefused())
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        start(builder.build());
        TestInputTopic<String, String> input = driver.createInputTopic(INPUT, Serdes.String().serializer(),
                Serdes.String().serializer());

        // The test driver runs no consumer interceptor, so no SourceStamp: the source cannot be known.
        input.pipeInput("PC-1", "bad reading");

        List<TestRecord<byte[], byte[]>> letters = deadLetters(APP + ".dlq");
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), DeadLetterHeaders.BYTES_FROM)).isEqualTo(APP + "-by-officer-repartition");
        assertThat(header(letters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(DeadLetter.UNKNOWN_SOURCE);
        assertThat(deadLetters(APP + "-by-officer-repartition.dlq")).isEmpty();
    }

    @Test
    void aStampedRecordOfARepartitionTopicIsTracedToItsSourceTopic() {
        Headers headers = new RecordHeaders();
        SourceStamp.stamp(headers, "officer.status", 2, 41);
        String repartition = APP + "-by-group-repartition";

        DeadLetter letter = DeadLetter.of(APP, repartition, 0, 7, 5L, bytes("G-1"), bytes("{}"), headers,
                Stage.PROCESSING, new IllegalStateException("broken"), "IllegalStateException", Optional.empty());
        ProducerRecord<byte[], byte[]> record = letter.toProducerRecord(APP);

        assertThat(record.topic()).isEqualTo("officer.status.dlq");
        assertThat(header(record, DeadLetterHeaders.TOPIC)).isEqualTo("officer.status");
        assertThat(header(record, DeadLetterHeaders.PARTITION)).isEqualTo("2");
        assertThat(header(record, DeadLetterHeaders.OFFSET)).isEqualTo("41");
        assertThat(header(record, DeadLetterHeaders.BYTES_FROM)).isEqualTo(repartition);
        assertThat(record.headers().lastHeader(SourceStamp.TOPIC)).isNull();
    }

    @Test
    void theInterceptorStampsRecordsFromOutsideReplacingForgedStampsAndKeepsThoseOfInternalTopics() {
        SourceStamp interceptor = new SourceStamp();
        interceptor.configure(Map.of("group.id", APP));
        ConsumerRecord<byte[], byte[]> outside = new ConsumerRecord<>("cad.incidents", 1, 99, bytes("I-1"), bytes("x"));
        SourceStamp.stamp(outside.headers(), "forged.topic", 0, 0);
        ConsumerRecord<byte[], byte[]> internal = new ConsumerRecord<>(APP + "-by-group-repartition", 0, 5, bytes("G"), bytes("y"));
        SourceStamp.stamp(internal.headers(), "cad.incidents", 1, 98);

        interceptor.onConsume(new ConsumerRecords<>(Map.of(
                new TopicPartition("cad.incidents", 1), List.of(outside),
                new TopicPartition(APP + "-by-group-repartition", 0), List.of(internal)), Map.of()));

        assertThat(SourceStamp.read(outside.headers())).contains(new SourceStamp.Stamp("cad.incidents", 1, 99));
        assertThat(outside.headers().headers(SourceStamp.TOPIC)).hasSize(1);
        assertThat(SourceStamp.read(internal.headers())).contains(new SourceStamp.Stamp("cad.incidents", 1, 98));
        interceptor.onCommit(Map.of(new TopicPartition("cad.incidents", 1), new OffsetAndMetadata(100)));
        interceptor.close();
    }

    @Test
    void anOversizedBadRecordIsCutToFitARequestSayingWhatWasCut() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(badValuesRefused())
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        start(builder.build());
        TestInputTopic<String, String> input = driver.createInputTopic(INPUT, Serdes.String().serializer(),
                Serdes.String().serializer());
        String huge = "bad" + "x".repeat(2 * 1024 * 1024);
        String hugeKey = "k".repeat(100_000);

        input.pipeInput(hugeKey, huge);

        TestRecord<byte[], byte[]> letter = deadLetters(INPUT + ".dlq").get(0);
        int size = letter.key().length + letter.value().length;
        for (Header header : letter.headers()) {
            size += header.key().length() + header.value().length;
        }
        assertThat(size).isLessThan(1_048_576 - LetterSize.FRAMING_BYTES);
        assertThat(letter.value()).startsWith(bytes("badxxx"));
        assertThat(letter.key()).hasSize(LetterSize.MAX_KEY_BYTES);
        assertThat(header(letter, DeadLetterHeaders.TRUNCATED)).isEqualTo("key,value");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_VALUE_SIZE)).isEqualTo(Integer.toString(huge.length()));
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_KEY_SIZE)).isEqualTo("100000");
        assertThat(header(letter, DeadLetterHeaders.MESSAGE)).hasSizeLessThan(LetterSize.MAX_MESSAGE_CHARS + 100);
    }

    @Test
    void aDeadLetterThatCannotBeWrittenIsCountedNotDeadLetteredAgain() {
        DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(Map.of(DeadLetterQueue.CONFIG_KEY, queue));
        ProducerRecord<byte[], byte[]> letter = DeadLetter.of(INPUT, 0, 3, 1L, bytes("PC-1"), new byte[2_000_000],
                new RecordHeaders(), Stage.VALIDATION, new InvalidRecordException("bad-value", "bad"), Optional.empty())
                .toProducerRecord(APP);

        ProductionExceptionHandler.Response response = handler.handleError(
                new Context(INPUT, null), letter, new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(count(INPUT, "dead-letter-not-written")).isEqualTo(1.0);
    }

    @Test
    void aFailureInsideAHandlerIsCaughtCountedAndTheRecordSkipped() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(DeadLetterQueue.CONFIG_KEY, queue));
        Context broken = new Context(INPUT, new IllegalStateException("headers unreadable"));

        ProcessingExceptionHandler.Response response = handler.handleError(broken,
                new Record<>("PC-1", "x", 1L), new IllegalArgumentException("bad"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(count(INPUT, "dead-letter-failed")).isEqualTo(1.0);
    }

    @Test
    void noLetterEverNamesADeadLetterTopicOfADeadLetterOrInternalTopic() {
        DeadLetter ofDeadLetter = DeadLetter.of("readings.dlq", 0, 1, 1L, null, null, null, Stage.PRODUCTION,
                new RecordTooLargeException("x"), Optional.empty());
        DeadLetter ofChangelog = DeadLetter.of(APP + "-totals-changelog", 0, 1, 1L, null, null, null, Stage.PRODUCTION,
                new RecordTooLargeException("x"), Optional.empty());

        assertThat(ofDeadLetter.deadLetterTopic(APP)).isEqualTo(APP + ".dlq");
        assertThat(ofChangelog.deadLetterTopic(APP)).isEqualTo(APP + ".dlq");
        assertThat(ofChangelog.reason()).isEqualTo("record-too-large");
    }

    private static RecordCheck<String, String, String> badValuesRefused() {
        return RecordCheck.with((key, value, time) -> value.startsWith("bad")
                ? Result.invalid("bad-value", "value " + value + " is bad") : Result.valid(value));
    }

    private void start(Topology topology) {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "state.dir", stateDir.toString(), "processing.guarantee", "at_least_once")), APP, 0);
        Properties props = queue.addTo(config.streamsProperties());
        driver = new TopologyTestDriver(topology, props);
    }

    private TestOutputTopic<String, String> output() {
        return driver.createOutputTopic(OUTPUT, Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    private List<TestRecord<byte[], byte[]>> deadLetters(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    private double count(String topic, String reason) {
        var counter = meters.find(DeadLetterQueue.COUNTER).tags("topic", topic, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return text(record.headers(), name);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return text(record.headers(), name);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A handler context for a record read from {@code topic}; its headers throw {@code failure} if given. */
    private record Context(String topic, RuntimeException failure) implements ErrorHandlerContext {

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 3;
        }

        @Override
        public Headers headers() {
            if (failure != null) {
                throw failure;
            }
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "node";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return 1L;
        }

        @Override
        public byte[] sourceRawKey() {
            return bytes("PC-1");
        }

        @Override
        public byte[] sourceRawValue() {
            return Arrays.copyOf(bytes("x"), 1);
        }
    }
}
