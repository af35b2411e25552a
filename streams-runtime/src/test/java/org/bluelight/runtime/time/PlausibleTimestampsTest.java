package org.bluelight.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlausibleTimestampsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final long YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z").toEpochMilli();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PlausibleTimestamps timestamps =
            new PlausibleTimestamps("app", Duration.ofHours(6), meters, Clock.fixed(NOW, ZoneOffset.UTC));

    private double counted() {
        var counter = meters.find(PlausibleTimestamps.COUNTER).tag("topic", "t").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTimestampInYear9999DoesNotMoveTheStreamTime() {
        long partitionTime = NOW.minusSeconds(60).toEpochMilli();

        assertThat(timestamps.timestampOf("t", YEAR_9999, partitionTime)).isEqualTo(partitionTime);
        assertThat(counted()).isEqualTo(1);
    }

    @Test
    void theFirstRecordOfAPartitionIsHeldToTheWallClock() {
        assertThat(timestamps.timestampOf("t", YEAR_9999, -1)).isEqualTo(NOW.toEpochMilli());
        assertThat(timestamps.timestampOf("t", -5, -1)).isEqualTo(NOW.toEpochMilli());
        assertThat(counted()).isEqualTo(2);
    }

    @Test
    void oldAndPresentTimestampsPassAsTheyAre() {
        long partitionTime = NOW.toEpochMilli();

        assertThat(timestamps.timestampOf("t", 0, partitionTime)).isZero();
        assertThat(timestamps.timestampOf("t", NOW.plusSeconds(3600).toEpochMilli(), partitionTime))
                .isEqualTo(NOW.plusSeconds(3600).toEpochMilli());
        assertThat(counted()).isZero();
    }

    @Test
    void anAcceleratedSimulationAheadOfTheWallClockAdvancesStepByStep() {
        long simulated = NOW.plus(Duration.ofDays(3)).toEpochMilli();
        long partitionTime = simulated - Duration.ofMinutes(5).toMillis();

        assertThat(timestamps.timestampOf("t", simulated, partitionTime)).isEqualTo(simulated);
        assertThat(counted()).isZero();
    }
}
