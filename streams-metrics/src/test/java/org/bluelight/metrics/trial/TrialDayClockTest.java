package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialDayClockTest {

    private final TrialDayClock clock = TrialDayClock.thamesValley();

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    @ParameterizedTest(name = "{0} local is on trial day {1}")
    @CsvSource({
            // an ordinary winter night
            "2024-01-10T05:59:59, 2024-01-09",
            "2024-01-10T06:00:00, 2024-01-10",
            // summer (BST)
            "2024-07-10T05:59:59, 2024-07-09",
            "2024-07-10T06:00:00, 2024-07-10",
            // spring forward: 2024-03-31 01:00 GMT becomes 02:00 BST
            "2024-03-31T05:59:59, 2024-03-30",
            "2024-03-31T06:00:00, 2024-03-31",
            // autumn back: 2024-10-27 02:00 BST becomes 01:00 GMT
            "2024-10-27T05:59:59, 2024-10-26",
            "2024-10-27T06:00:00, 2024-10-27"
    })
    void boundaryIsSixOClockLocalTime(String local, String trialDay) {
        assertThat(clock.trialDayOf(london(local))).isEqualTo(LocalDate.parse(trialDay));
    }

    @Test
    void sixOClockOnClockChangeMorningsIsTheRightUtcInstant() {
        // After spring forward 06:00 BST is 05:00 UTC; after autumn back 06:00 GMT is 06:00 UTC.
        Instant springBoundary = Instant.parse("2024-03-31T05:00:00Z");
        assertThat(clock.trialDayOf(springBoundary.minusSeconds(1))).isEqualTo(LocalDate.parse("2024-03-30"));
        assertThat(clock.trialDayOf(springBoundary)).isEqualTo(LocalDate.parse("2024-03-31"));
        Instant autumnBoundary = Instant.parse("2024-10-27T06:00:00Z");
        assertThat(clock.trialDayOf(autumnBoundary.minusSeconds(1))).isEqualTo(LocalDate.parse("2024-10-26"));
        assertThat(clock.trialDayOf(autumnBoundary)).isEqualTo(LocalDate.parse("2024-10-27"));
        // 05:30 UTC on the autumn morning is 05:30 GMT: still the previous trial day
        assertThat(clock.trialDayOf(Instant.parse("2024-10-27T05:30:00Z"))).isEqualTo(LocalDate.parse("2024-10-26"));
    }

    @Test
    void trialDaysSpanningAClockChangeAreTwentyThreeAndTwentyFiveHours() {
        assertThat(Duration.between(clock.startOf(LocalDate.parse("2024-03-30")), clock.endOf(LocalDate.parse("2024-03-30"))))
                .isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(clock.startOf(LocalDate.parse("2024-10-26")), clock.endOf(LocalDate.parse("2024-10-26"))))
                .isEqualTo(Duration.ofHours(25));
        assertThat(Duration.between(clock.startOf(LocalDate.parse("2024-06-01")), clock.endOf(LocalDate.parse("2024-06-01"))))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void startOfIsTheFirstInstantOfTheDay() {
        LocalDate day = LocalDate.parse("2024-03-31");
        Instant start = clock.startOf(day);
        assertThat(clock.trialDayOf(start)).isEqualTo(day);
        assertThat(clock.trialDayOf(start.minusMillis(1))).isEqualTo(day.minusDays(1));
    }

    @Test
    void zoneAndStartAreConfigurable() {
        TrialDayClock utcMidnight = new TrialDayClock(ZoneOffset.UTC, LocalTime.MIDNIGHT);
        assertThat(utcMidnight.trialDayOf(Instant.parse("2024-03-31T00:00:00Z"))).isEqualTo(LocalDate.parse("2024-03-31"));
        assertThat(utcMidnight.trialDayOf(Instant.parse("2024-03-30T23:59:59Z"))).isEqualTo(LocalDate.parse("2024-03-30"));
    }
}
