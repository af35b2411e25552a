package org.bluelight.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.bluelight.runtime.deadletter.PoisonRecords.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoisonRecordsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
    private static final Position DEEP = new Position("cad.incidents", 2, 41);

    @TempDir
    Path stateDir;

    @Test
    void aRecordIsGivenUpOnOnlyAfterFailingItsTaskTheGivenNumberOfTimes() {
        PoisonRecords records = new PoisonRecords(stateDir, "app", 3, Duration.ofSeconds(5), NOW);

        assertThat(records.failed(DEEP, "java.lang.StackOverflowError")).isEqualTo(1);
        assertThat(records.failed(DEEP, "java.lang.StackOverflowError")).isEqualTo(2);
        assertThat(records.givenUp(DEEP)).isFalse();
        assertThat(records.failed(DEEP, "java.lang.StackOverflowError")).isEqualTo(3);

        assertThat(records.givenUp(DEEP)).isTrue();
        assertThat(records.givenUp(new Position("cad.incidents", 2, 42))).isFalse();
        assertThat(records.givenUp(new Position("cad.incidents", 1, 41))).isFalse();
        assertThat(records.failures(DEEP).orElseThrow().lastFailure()).isEqualTo("java.lang.StackOverflowError");
    }

    @Test
    void theCountSurvivesARestartOnTheSameStateDirectory() {
        PoisonRecords before = new PoisonRecords(stateDir, "app", 2, Duration.ZERO, NOW);
        before.failed(DEEP, "java.lang.OutOfMemoryError: Java heap space\n\tat somewhere");

        PoisonRecords after = new PoisonRecords(stateDir, "app", 2, Duration.ZERO, NOW);
        assertThat(after.givenUp(DEEP)).isFalse();
        after.failed(DEEP, "java.lang.OutOfMemoryError: Java heap space");

        assertThat(new PoisonRecords(stateDir, "app", 2, Duration.ZERO, NOW).givenUp(DEEP)).isTrue();
        assertThat(new PoisonRecords(stateDir, "another-app", 2, Duration.ZERO, NOW).givenUp(DEEP)).isFalse();
        assertThat(before.failures(DEEP).orElseThrow().lastFailure()).doesNotContain("\n").doesNotContain("\t");
    }

    @Test
    void oldFailuresAreForgottenAndTheLedgerStaysSmall() throws Exception {
        PoisonRecords records = new PoisonRecords(stateDir, "app", 1, Duration.ZERO, NOW);
        records.failed(DEEP, "old");
        Clock later = Clock.offset(NOW, PoisonRecords.RETENTION.plusMinutes(1));
        assertThat(new PoisonRecords(stateDir, "app", 1, Duration.ZERO, later).givenUp(DEEP)).isFalse();

        for (int offset = 0; offset <= PoisonRecords.MAX_RECORDS; offset++) {
            records.failed(new Position("officer.status", 0, offset), "java.lang.StackOverflowError");
        }
        assertThat(records.givenUp(new Position("officer.status", 0, 0))).as("the oldest forgotten").isFalse();
        assertThat(records.givenUp(new Position("officer.status", 0, PoisonRecords.MAX_RECORDS))).isTrue();
        assertThat(Files.readAllLines(stateDir.resolve("app.attempts"))).hasSize(PoisonRecords.MAX_RECORDS);
    }

    @Test
    void anUnreadableLedgerIsCountedAfresh() throws Exception {
        Files.writeString(stateDir.resolve("app.attempts"), "garbage\ncad.incidents\tx\t41\t3\t0\tboom\n");

        PoisonRecords records = new PoisonRecords(stateDir, "app", 1, Duration.ZERO, NOW);

        assertThat(records.givenUp(DEEP)).isFalse();
        assertThat(records.failed(DEEP, "boom")).isEqualTo(1);
    }

    @Test
    void isFoundInTheStreamsConfigurationItWasAddedTo() {
        PoisonRecords records = new PoisonRecords(stateDir, "app", 3, Duration.ZERO, NOW);
        assertThat(PoisonRecords.from(Map.of())).isEmpty();
        Map<String, Object> configs = new HashMap<>();
        records.addTo(new Properties()).forEach((key, value) -> configs.put((String) key, value));
        assertThat(PoisonRecords.from(configs)).containsSame(records);
        assertThatThrownBy(() -> new PoisonRecords(stateDir, "app", 0, Duration.ZERO, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
