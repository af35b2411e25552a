package org.bluelight.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.PoisonRecords.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard around a topology's processors, without Kafka: what it notes and what it gives up on. */
class PoisonRecordGuardTest {

    private static final String INPUT = "calls";
    private static final String OUTPUT = "answered";

    @TempDir
    Path stateDir;

    private final List<String> processed = new ArrayList<>();
    private PoisonRecords ledger;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> input;
    private TestOutputTopic<String, String> output;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aRecordThatFailedItsTaskTooOftenIsDeadLetteredUnprocessedAndTheNextOnesAreProcessed() {
        start(Duration.ZERO);
        Position second = new Position(INPUT, 0, 1);
        for (int attempt = 0; attempt < 3; attempt++) {
            ledger.failed(second, "java.lang.StackOverflowError");
        }

        input.pipeInput("PC-1", "first");
        input.pipeInput("PC-2", "deep");
        input.pipeInput("PC-3", "third");

        assertThat(output.readValuesToList()).containsExactly("first", "third");
        assertThat(processed).containsExactly("first", "third");
        List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        TestRecord<byte[], byte[]> letter = letters.get(0);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("deep");
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(PoisonRecords.REASON);
        assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("processing");
        assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(header(letter, DeadLetterHeaders.MESSAGE))
                .isEqualTo("The record at calls-0@1 failed its task 3 times (last: java.lang.StackOverflowError); "
                        + "skipped so that its partition moves on");
    }

    @Test
    void anErrorIsNotedOnceForItsRecordHoweverManyProcessorsItPassesThrough() {
        start(Duration.ZERO);

        assertThatThrownBy(() -> input.pipeInput("PC-1", "deep")).isInstanceOf(StackOverflowError.class);

        assertThat(ledger.failures(new Position(INPUT, 0, 0))).hasValueSatisfying(failures -> {
            assertThat(failures.attempts()).isEqualTo(1);
            assertThat(failures.lastFailure()).isEqualTo("java.lang.StackOverflowError: too deep");
        });
        assertThat(ledger.givenUp(new Position(INPUT, 0, 0))).isFalse();
    }

    @Test
    void aRecordWhoseProcessingOutlastsTheTransactionTimeoutHasFailedItsTask() {
        start(Duration.ofMillis(20));

        input.pipeInput("PC-1", "slow");
        input.pipeInput("PC-2", "quick");

        assertThat(output.readValuesToList()).containsExactly("slow", "quick");
        assertThat(ledger.failures(new Position(INPUT, 0, 0)).orElseThrow().lastFailure())
                .startsWith("its processing took").endsWith("longer than the transaction timeout (20 ms)");
        assertThat(ledger.failures(new Position(INPUT, 0, 1))).isEmpty();
    }

    private void start(Duration slowRecord) {
        StreamsBuilder builder = PoisonRecordGuard.streamsBuilder();
        builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()))
                .peek((key, value) -> processed.add(value))
                .mapValues(value -> {
                    if (value.equals("deep")) {
                        throw new StackOverflowError("too deep");
                    }
                    if (value.equals("slow")) {
                        sleep(Duration.ofMillis(60));
                    }
                    return value;
                })
                .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()));
        // at_least_once: see DeadLetterHandlersTest.
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "state.dir", stateDir.toString(), "processing.guarantee", "at_least_once")), "guard-test", 0);
        ledger = new PoisonRecords(stateDir, config.applicationId(), 3, slowRecord, Clock.systemUTC());
        Properties props = ledger.addTo(new DeadLetterQueue(config.applicationId(), true, new SimpleMeterRegistry())
                .addTo(config.streamsProperties()));
        driver = new TopologyTestDriver(builder.build(), props);
        input = driver.createInputTopic(INPUT, new StringSerializer(), new StringSerializer());
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(INPUT + ".dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
