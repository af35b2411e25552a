package org.bluelight.coverage.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandEstimatorTest {

    /** Two weeks' window and a one-week half-life: this week's hour weighs 1, last week's 1/2. */
    private final DemandEstimator estimator =
            new DemandEstimator(new DemandSettings(Duration.ofDays(7), 2, ZoneId.of("UTC")));
    private final Instant monday10 = Instant.parse("2025-03-03T10:00:00Z");
    private final Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void anIncidentInThisHourOfTheWeekIsWeighedAgainstTheDecayedHoursLookedAt() {
        double rate = estimator.ratePerHour(List.of(monday10), monday10, 0, longAgo);
        assertThat(rate).isCloseTo(1 / 1.5, within(1e-9));
    }

    @Test
    void anIncidentAWeekAgoCountsHalf() {
        double rate = estimator.ratePerHour(List.of(monday10.minus(Duration.ofDays(7))), monday10, 0, longAgo);
        assertThat(rate).isCloseTo(0.5 / 1.5, within(1e-9));
    }

    @Test
    void incidentsInOtherHoursOrBeforeTheWindowDoNotCount() {
        List<Instant> elsewhere = List.of(monday10.minus(Duration.ofHours(1)), monday10.plus(Duration.ofHours(1)),
                monday10.minus(Duration.ofDays(14)));
        assertThat(estimator.ratePerHour(elsewhere, monday10, 0, longAgo)).isZero();
        assertThat(estimator.windowStart(monday10.plus(Duration.ofMinutes(30))))
                .isEqualTo(monday10.minus(Duration.ofDays(7)));
    }

    @Test
    void theSeedFillsTheWeeksNotYetObservedAndFadesOutOnceHistoryCoversTheWindow() {
        double coldStart = estimator.ratePerHour(List.of(), monday10, 3.0, monday10);
        assertThat(coldStart).isCloseTo(3.0 * 0.5 / 1.5, within(1e-9));
        assertThat(estimator.ratePerHour(List.of(), monday10, 3.0, longAgo)).isZero();
    }

    @Test
    void theHourOfTheWeekIsLocalTime() {
        // 23:30 UTC on a Sunday in British summer time is 00:30 on Monday.
        assertThat(HourOfWeek.of(Instant.parse("2025-06-29T23:30:00Z"), ZoneId.of("Europe/London")).value()).isZero();
        assertThat(HourOfWeek.of(Instant.parse("2025-01-05T23:30:00Z"), ZoneId.of("Europe/London")).value())
                .isEqualTo(167);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new DemandSettings(Duration.ZERO, 2, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandSettings(Duration.ofDays(1), 0, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
