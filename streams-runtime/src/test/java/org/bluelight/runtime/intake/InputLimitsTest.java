package org.bluelight.runtime.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;
import org.bluelight.runtime.deadletter.Result;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

    static final Instant STAMP = Instant.parse("2025-03-03T10:00:00Z");
    final InputLimits limits = InputLimits.defaults();

    @Test
    void aRecordWithinEveryLimitPassesToTheNextCheck() {
        Result<String> result = limits.at(STAMP).key("U1").id("officer id", "U1").id("home area", null)
                .team("officer ids", List.of("U1", "U2")).recent("changed at", STAMP.minus(Duration.ofDays(6)))
                .past("reported at", STAMP.minus(Duration.ofDays(300))).recent("shift end", STAMP.plus(Duration.ofHours(12)))
                .then("status of U1", () -> Result.valid("next"));

        assertThat(result).isEqualTo(Result.valid("next"));
    }

    @Test
    void longOrUnprintableIdsAndMissingKeysAreInvalidIdsQuotedShortly() {
        String huge = "X".repeat(100_000);
        assertThat(limits.at(STAMP).key(huge).then(huge, () -> Result.valid("x")))
                .isInstanceOfSatisfying(Result.Invalid.class, invalid -> {
                    assertThat(invalid.reason()).isEqualTo(InputLimits.INVALID_ID);
                    assertThat(invalid.detail()).contains("key of 100000 characters, more than 128").hasSizeLessThan(300);
                });
        for (String unprintable : List.of("a\u0000b", "a\u001fb", "a\nb", "a\u200Eb", "a\uD800b", "a\u2028b")) {
            assertThat(limits.at(STAMP).id("officer id", unprintable).then("x", () -> Result.valid("x")))
                    .as(unprintable).isInstanceOfSatisfying(Result.Invalid.class,
                            invalid -> assertThat(invalid.reason()).isEqualTo(InputLimits.INVALID_ID));
        }
        assertThat(limits.at(STAMP).key(null).then("x", () -> Result.valid("x")))
                .isEqualTo(Result.invalid(InputLimits.INVALID_ID, "x: no key"));
        assertThat(limits.at(STAMP).id("officer id", "PC 1234 Ågren-Öz").then("x", () -> Result.valid("ok")))
                .isEqualTo(Result.valid("ok"));
    }

    @Test
    void timesOutsideTheWindowAroundTheRecordsTimestampAreRefusedWithTheWindow() {
        Result<String> year9999 = limits.at(STAMP).recent("changed at", Instant.parse("9999-12-31T00:00:00Z"))
                .then("status of U1", () -> Result.valid("x"));
        assertThat(year9999).isEqualTo(Result.invalid(InputLimits.TIME_OUT_OF_WINDOW,
                "status of U1: changed at 9999-12-31T00:00:00Z is not within 2025-02-24T10:00:00Z .. 2025-03-04T10:00:00Z"
                        + " (the record is stamped 2025-03-03T10:00:00Z)"));
        assertThat(limits.at(STAMP).recent("fixed at", STAMP.minus(Duration.ofDays(8))).then("x", () -> Result.valid("x")))
                .isInstanceOf(Result.Invalid.class);
        assertThat(limits.at(STAMP).past("reported at", Instant.parse("0001-01-01T00:00:00Z")).then("x", () -> Result.valid("x")))
                .isInstanceOf(Result.Invalid.class);
        assertThat(limits.at(Instant.EPOCH).recent("fixed at", Instant.parse("9999-01-01T00:00:00Z")).then("x", () -> Result.valid("x")))
                .isInstanceOf(Result.Invalid.class);
    }

    @Test
    void aScheduledDayMayBePublishedUpToAYearAheadOrForAnyPastDayButNotForYear9999() {
        for (String day : List.of("2026-03-03", "2024-03-03", "0001-01-01")) {
            assertThat(limits.at(STAMP).scheduled("trial day", LocalDate.parse(day)).then("x", () -> Result.valid("ok")))
                    .as(day).isEqualTo(Result.valid("ok"));
        }
        assertThat(limits.at(STAMP).scheduled("trial day", LocalDate.parse("9999-12-31")).then("allocation of H1", () -> Result.valid("x")))
                .isEqualTo(Result.invalid(InputLimits.TIME_OUT_OF_WINDOW, "allocation of H1: trial day 9999-12-31 is after"
                        + " 2026-03-04T10:00:00Z (the record is stamped 2025-03-03T10:00:00Z)"));
        assertThat(limits.at(STAMP).scheduled("trial day", LocalDate.parse("2026-03-05")).then("x", () -> Result.valid("x")))
                .isInstanceOf(Result.Invalid.class);
    }

    @Test
    void aTeamOfThousandsIsRefusedWithoutCheckingEachId() {
        List<String> thousands = Collections.nCopies(3_000, "\u0000");
        assertThat(limits.at(STAMP).team("officer ids", thousands).then("assignment to I1", () -> Result.valid("x")))
                .isEqualTo(Result.invalid(InputLimits.TEAM_TOO_LARGE, "assignment to I1: officer ids: 3000, more than 50"));
    }

    @Test
    void durationsArePlausibleFromZeroToTheLimit() {
        assertThat(limits.plausible(Duration.ZERO)).isTrue();
        assertThat(limits.plausible(Duration.ofDays(1))).isTrue();
        assertThat(limits.plausible(Duration.ofMinutes(-1))).isFalse();
        assertThat(limits.plausible(Duration.ofMinutes(Integer.MAX_VALUE))).isFalse();
    }

    @Test
    void everyLimitIsConfigurableAndABadValueIsAConfigurationError() {
        InputLimits configured = InputLimits.from(ConfigSource.of(Map.of(
                InputLimits.MAX_BEHIND, "60000", InputLimits.MAX_HISTORY, "120000", InputLimits.MAX_AHEAD, "1000",
                InputLimits.MAX_ID_LENGTH, "64", InputLimits.MAX_TEAM_SIZE, "12", InputLimits.MAX_DURATION, "3600000",
                InputLimits.MAX_PEOPLE, "30")));
        assertThat(configured).isEqualTo(new InputLimits(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(1),
                64, 12, Duration.ofHours(1), 30));
        assertThat(InputLimits.from(ConfigSource.of(Map.of()))).isEqualTo(InputLimits.defaults());
        assertThatThrownBy(() -> InputLimits.from(ConfigSource.of(Map.of(InputLimits.MAX_ID_LENGTH, "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxIdLength");
    }
}
