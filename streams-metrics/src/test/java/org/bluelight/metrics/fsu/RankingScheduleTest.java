package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RankingScheduleTest {

    private final RankingSchedule schedule =
            new RankingSchedule(Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void nothingIsRankedBeforeTheFirstUpdate() {
        assertThat(schedule.due(100_000)).isFalse();
    }

    @Test
    void theFirstRankingComesOnceTheInputsGoQuietThenEveryInterval() {
        schedule.updated(1_000);
        schedule.updated(2_000);
        assertThat(schedule.due(3_000)).as("an update 1 s ago").isFalse();
        assertThat(schedule.due(4_000)).as("quiet for 2 s").isTrue();
        schedule.updated(5_000);
        assertThat(schedule.due(60_000)).as("then the interval rules").isFalse();
        assertThat(schedule.due(4_000 + 3_600_000)).isTrue();
    }

    @Test
    void aReplayThatNeverGoesQuietIsRankedThirtySecondsAfterItsFirstUpdate() {
        for (long t = 0; t < 29_000; t += 500) {
            schedule.updated(t);
            assertThat(schedule.due(t)).isFalse();
        }
        schedule.updated(30_000);
        assertThat(schedule.due(30_000)).isTrue();
    }
}
