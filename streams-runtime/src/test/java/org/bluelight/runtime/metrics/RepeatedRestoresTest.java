package org.bluelight.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatedRestoresTest {

    static final Instant T0 = Instant.parse("2026-12-03T19:42:00Z");

    @Test
    void aStorePartitionRestoredThreeTimesWithinTheWindowIsAlarmingButEachAtStartUpIsNot() {
        RepeatedRestores restores = new RepeatedRestores(3, Duration.ofMinutes(10));

        assertThat(restores.restoreStarted("group-officers", 2, T0)).isEqualTo(1);
        assertThat(restores.restoreStarted("cases", 2, T0)).isEqualTo(1);
        assertThat(restores.restoreStarted("group-officers", 1, T0)).isEqualTo(1);
        assertThat(restores.restoreStarted("group-officers", 2, T0.plusSeconds(13))).isEqualTo(2);
        int third = restores.restoreStarted("group-officers", 2, T0.plusSeconds(27));

        assertThat(restores.alarming(2)).isFalse();
        assertThat(third).isEqualTo(3);
        assertThat(restores.alarming(third)).isTrue();
    }

    @Test
    void restoresOlderThanTheWindowNoLongerCount() {
        RepeatedRestores restores = new RepeatedRestores(3, Duration.ofMinutes(10));
        restores.restoreStarted("cases", 0, T0);
        restores.restoreStarted("cases", 0, T0.plus(Duration.ofMinutes(6)));

        assertThat(restores.restoreStarted("cases", 0, T0.plus(Duration.ofMinutes(11)))).isEqualTo(2);
        assertThat(restores.restoreStarted("cases", 0, T0.plus(Duration.ofMinutes(12)))).isEqualTo(3);
    }

    @Test
    void aTaskThatKeepsFailingIsReportedOnceAWindowHoweverManyOfItsStoresAreRestored() {
        RepeatedRestores restores = new RepeatedRestores(3, Duration.ofMinutes(10));

        assertThat(restores.firstAlarm("1_2", T0)).isTrue();
        assertThat(restores.firstAlarm("1_2", T0)).as("its next store").isFalse();
        assertThat(restores.firstAlarm("1_2", T0.plus(Duration.ofMinutes(9)))).as("its next failure").isFalse();
        assertThat(restores.firstAlarm("0_2", T0.plus(Duration.ofMinutes(9)))).as("another task").isTrue();
        assertThat(restores.firstAlarm("1_2", T0.plus(Duration.ofMinutes(11)))).as("a window later").isTrue();
    }

    @Test
    void refusesAThresholdBelowTwoAndAnEmptyWindow() {
        assertThatThrownBy(() -> new RepeatedRestores(1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatedRestores(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
